#!/usr/bin/env node
// @ts-check
/**
 * The consent-gate command. Its one subcommand today is `scan`, which audits a
 * live site (src/scan/); the widget itself needs no command.
 */
const USAGE = `Usage: consent-gate <command>

Commands:
  scan <url> [--pages N] [--json] [--declaration] [--browser PATH] [--timeout S]
      audit a live site's cookies, storage and Sentry replay in a real browser

consent-gate scan --help tells more.`;

const [command, ...rest] = process.argv.slice(2);
if (command === 'scan') {
  const { runScan } = await import('../src/scan/cli.mjs');
  process.exitCode = await runScan(rest);
} else if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write(`${USAGE}\n`);
} else {
  process.stderr.write(`consent-gate: unknown command "${command}"\n${USAGE}\n`);
  process.exitCode = 2;
}
