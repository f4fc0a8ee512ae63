// @ts-check
/**
 * `consent-gate scan`: reads the arguments, runs collector, judge and
 * reporter, prints progress and timing on stderr and the report on stdout,
 * and exits 0 (no violation), 1 (violations) or 2 (the site could not be
 * scanned, with a message that says why).
 */
import { collectSite, findBrowser, launchBrowser, loadPlaywright, ScanError } from './collect.mjs';
import { declarationFor, judgeScan } from './judge.mjs';
import { toDeclaration, toJson, toText } from './report.mjs';

export const SCAN_USAGE = `Usage: consent-gate scan <url> [options]

Audits a live site in a real browser: follows same-origin links breadth first
and looks at each page before a choice, after Reject all and after Accept all.

Options:
  --pages N         at most N pages (default 10)
  --json            print one JSON object instead of the readable report
  --declaration     print the "categories" config that matches what was seen
  --browser PATH    the Chromium-family browser to drive (default: Playwright's
                    own Chromium, else an installed Chromium or Chrome)
  --timeout S       per-page time-out in seconds (default 15)
  -h, --help        this help

Exit status: 0 no violation, 1 violations, 2 the site could not be scanned.`;

/**
 * @typedef {object} ScanArguments
 * @property {string} url
 * @property {number} pages
 * @property {boolean} json
 * @property {boolean} declaration
 * @property {string | undefined} browser
 * @property {number} timeoutMs
 * @property {boolean} help
 */

/**
 * Parses `scan`'s arguments; throws a ScanError naming what is wrong.
 *
 * @param {string[]} argv  the arguments after `scan`
 * @returns {ScanArguments}
 */
export function parseScanArguments(argv) {
  /** @type {ScanArguments} */
  const parsed = { url: '', pages: 10, json: false, declaration: false, browser: undefined, timeoutMs: 15_000, help: false };
  /** @type {string[]} */
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = /** @type {[string, string | undefined]} */ (argv[i]?.startsWith('--') && argv[i]?.includes('=')
      ? [argv[i]?.slice(0, argv[i]?.indexOf('=')), argv[i]?.slice((argv[i]?.indexOf('=') ?? 0) + 1)]
      : [argv[i], undefined]);
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined || (inline === undefined && next.startsWith('--'))) throw new ScanError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--json': parsed.json = true; break;
      case '--declaration': parsed.declaration = true; break;
      case '-h': case '--help': parsed.help = true; break;
      case '--browser': parsed.browser = value(); break;
      case '--pages': parsed.pages = positiveInteger('--pages', value()); break;
      case '--timeout': parsed.timeoutMs = positiveInteger('--timeout', value()) * 1000; break;
      default:
        if (flag.startsWith('-')) throw new ScanError(`unknown option ${flag} (see consent-gate scan --help)`);
        positional.push(flag);
    }
  }
  if (parsed.help) return parsed;
  if (positional.length === 0) throw new ScanError('which site? consent-gate scan <url> (e.g. http://localhost:4173/)');
  if (positional.length > 1) throw new ScanError(`one URL at a time, got ${positional.length}: ${positional.join(' ')}`);
  parsed.url = checkUrl(/** @type {string} */ (positional[0]));
  return parsed;
}

/**
 * The start URL, normalised; a ScanError for anything that is not an http(s) address.
 *
 * @param {string} raw
 */
export function checkUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new ScanError(`not a URL: "${raw}" (give the full address, e.g. https://example.com/)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ScanError(`not a web address: "${raw}" (the scanner opens http:// and https:// URLs)`);
  }
  if (!url.hostname) throw new ScanError(`not a URL: "${raw}" has no host`);
  return url.href;
}

/** @param {number} n */
function pages(n) {
  return `${n} page${n === 1 ? '' : 's'}`;
}

/** @param {string} flag @param {string} raw */
function positiveInteger(flag, raw) {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < 1) throw new ScanError(`${flag} needs a whole number of at least 1, got "${raw}"`);
  return n;
}

/**
 * Runs `consent-gate scan` and returns its exit status.
 *
 * @param {string[]} argv  the arguments after `scan`
 * @param {{ stdout?: NodeJS.WritableStream, stderr?: NodeJS.WritableStream }} [io]
 * @returns {Promise<0 | 1 | 2>}
 */
export async function runScan(argv, io = {}) {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const began = Date.now();
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  try {
    const args = parseScanArguments(argv);
    if (args.help) {
      stdout.write(`${SCAN_USAGE}\n`);
      return 0;
    }
    const playwright = await loadPlaywright();
    const executablePath = findBrowser(playwright, args.browser);
    stderr.write(`consent-gate scan: ${args.url} (at most ${pages(args.pages)}) with ${executablePath}\n`);
    browser = await launchBrowser(playwright, executablePath);
    const observed = await collectSite(browser, {
      url: args.url,
      maxPages: args.pages,
      pageTimeoutMs: args.timeoutMs,
      progress: (message) => stderr.write(`  ${message}\n`),
    });
    const judged = judgeScan(observed);
    const result = { url: args.url, pages: judged.pages, violations: judged.violations };
    if (args.declaration) stdout.write(`${toDeclaration(declarationFor(observed))}\n`);
    else if (args.json) stdout.write(`${JSON.stringify(toJson(result), null, 2)}\n`);
    else stdout.write(`${toText(result)}\n`);
    stderr.write(`consent-gate scan: ${pages(observed.length)} in ${((Date.now() - began) / 1000).toFixed(1)} s, ` +
      `${judged.violations.length === 0 ? 'no violations' : `${judged.violations.length} violations`}\n`);
    return judged.violations.length === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof ScanError) {
      stderr.write(`consent-gate scan: ${error.message}\n`);
    } else {
      // Not a problem we foresaw: still one line, never a stack trace; the message says what broke.
      stderr.write(`consent-gate scan: the scan failed: ${String(/** @type {Error} */ (error)?.message ?? error).split('\n')[0]}\n`);
    }
    return 2;
  } finally {
    await browser?.close().catch(() => {});
  }
}
