/**
 * The scanner end to end: the real CLI (bin/consent-gate.mjs) as a child
 * process, against loopback sites served by this test (sites.mjs), in
 * Debian's or Playwright's Chromium. Asserts exit status, the JSON report's
 * shape and the violations; and that bad input ends with exit 2 and a message.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot, siteSentryBundle, startSite, widgetPage } from './sites.mjs';

const CLI = join(repoRoot, 'bin/consent-gate.mjs');

/**
 * Runs the CLI; resolves with its exit status and output (never rejects on a non-zero exit).
 *
 * @param {string[]} args
 * @param {{ cli?: string, timeoutMs?: number }} [options]
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
function runCli(args, { cli = CLI, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** @param {{ stdout: string, stderr: string }} run */
function parseJson(run) {
  try {
    return JSON.parse(run.stdout);
  } catch {
    assert.fail(`stdout is not JSON.\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
}

/** The violations as "phase page kind name" lines, sorted: readable in a failed assertion. */
function violationLines(report, origin) {
  return report.violations.map((v) => `${v.phase} ${v.page.replace(origin, '')} ${v.kind} ${v.name}`).sort();
}

describe('a clean site', () => {
  let site;
  let run;
  before(async () => {
    const config = { categories: { necessary: { cookies: ['sid'] }, analytics: { cookies: ['_ga'] } } };
    site = await startSite({
      // The server's own session cookie: HttpOnly, so only the browser's cookie jar shows it.
      '/': { body: widgetPage({ config, title: 'Home', body: '<a href="/rough">Rough</a> <a href="/leaves">Leaves</a> <a href="/never">Never</a> <a href="https://other.example/">elsewhere</a>' }), headers: { 'set-cookie': 'sid=abc123; Path=/; HttpOnly; SameSite=Lax' } },
      // A page that opens dialogs and throws must not stop the scan.
      '/rough': widgetPage({ config, title: 'Rough', head: '<script>alert("hello"); confirm("sure?"); throw new Error("page bug");</script>' }),
      // A page that navigates away as soon as it has loaded.
      '/leaves': widgetPage({ config, title: 'Leaves', head: '<script>addEventListener("load", () => { location.href = "/landed"; });</script>' }),
      '/landed': widgetPage({ config, title: 'Landed' }),
      // A linked page that never answers: noted, and the scan goes on.
      '/never': { hang: true },
    });
    run = await runCli(['scan', site.url('/'), '--json', '--timeout', '5']);
  });
  after(() => site?.close());

  test('exits 0 with no violations, having scanned every linked page', () => {
    assert.equal(run.code, 0, run.stderr);
    const report = parseJson(run);
    assert.deepEqual(report.violations, []);
    assert.deepEqual(report.pages.map((page) => page.url.replace(site.origin, '')), ['/', '/rough', '/leaves', '/never', '/landed']);
    assert.deepEqual(report.pages.filter((page) => !page.runsConsentGate).map((page) => page.url), [site.url('/never')]);
    assert.deepEqual(Object.keys(report.phases), ['before', 'reject', 'accept']);
    assert.match(run.stderr, /5 pages in \d+\.\d s/, 'the time it took, on stderr');
  });

  test('reports the HttpOnly session cookie as necessary, in every phase', () => {
    const report = parseJson(run);
    for (const phase of ['before', 'reject', 'accept']) {
      const home = report.phases[phase].find((entry) => entry.page === site.url('/'));
      const sid = home.cookies.find((cookie) => cookie.name === 'sid');
      assert.ok(sid, `sid in ${phase}`);
      assert.equal(sid.httpOnly, true);
      assert.equal(sid.category, 'necessary');
      assert.equal(sid.domain, '127.0.0.1');
      assert.equal(sid.path, '/');
      assert.equal(sid.sameSite, 'Lax');
    }
    const rejected = report.phases.reject.find((entry) => entry.page === site.url('/'));
    assert.deepEqual(rejected.cookies.map((cookie) => `${cookie.name}:${cookie.category}`), ['consent_gate:necessary', 'sid:necessary']);
  });

  test('notes a linked page that never loads, and the dialogs and errors of a rough page, and goes on', () => {
    const never = parseJson(run).phases.before.find((entry) => entry.page === site.url('/never'));
    assert.ok(never.errors?.some((error) => /did not load within 5 s/.test(error)), JSON.stringify(never));
    const rough = parseJson(run).phases.before.find((entry) => entry.page === site.url('/rough'));
    assert.ok(rough.errors?.some((error) => /page bug/.test(error)), JSON.stringify(rough));
    const leaves = parseJson(run).phases.before.find((entry) => entry.page === site.url('/leaves'));
    assert.ok(leaves.errors?.includes(`navigated away to ${site.url('/landed')}`), JSON.stringify(leaves));
  });
});

describe('a leaky site', () => {
  let site;
  let run;
  const config = { categories: { necessary: { cookies: ['sid'] } } };
  before(async () => {
    site = await startSite({
      '/': widgetPage({
        config,
        title: 'Leaky',
        head: `<script>document.cookie = '_tracker=1; path=/'; localStorage.setItem('tracker_id', '42');</script>`,
        body: '<a href="/linked">Linked</a> <a href="/plain">Plain</a>',
      }),
      '/linked': widgetPage({ config, title: 'Linked', head: `<script>document.cookie = '_linked_ad=1; path=/';</script>` }),
      // A page without the widget: looked at before a choice only, and judged by the site's config.
      '/plain': `<!doctype html><title>Plain</title><script>document.cookie = '_plain=1; path=/'; document.cookie = 'sid=1; path=/';</script>`,
    });
    run = await runCli(['scan', site.url('/'), '--json']);
  });
  after(() => site?.close());

  test('exits 1 and names each violation with its phase and page', () => {
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(violationLines(parseJson(run), site.origin), [
      'before / cookie _tracker',
      'before / localStorage tracker_id',
      'before /linked cookie _linked_ad',
      'before /plain cookie _plain',
      'reject / cookie _tracker',
      'reject / localStorage tracker_id',
      'reject /linked cookie _linked_ad',
    ]);
  });

  test('every violation has the four fields of the contract', () => {
    for (const violation of parseJson(run).violations) {
      assert.deepEqual(Object.keys(violation).sort(), ['kind', 'name', 'page', 'phase']);
    }
  });

  test('a page without consent-gate is looked at before a choice only', () => {
    const report = parseJson(run);
    assert.deepEqual(report.pages.find((page) => page.url === site.url('/plain')), { url: site.url('/plain'), runsConsentGate: false });
    const seenIn = (phase) => report.phases[phase].some((entry) => entry.page === site.url('/plain'));
    assert.deepEqual([seenIn('before'), seenIn('reject'), seenIn('accept')], [true, false, false]);
  });

  test('the readable report lists violations first, with what to do', async () => {
    const text = await runCli(['scan', site.url('/'), '--pages', '1']);
    assert.equal(text.code, 1, text.stderr);
    const lines = text.stdout.split('\n');
    assert.match(lines[0], /1 page, 4 violations/);
    assert.ok(text.stdout.indexOf('VIOLATIONS') < text.stdout.indexOf('BEFORE A CHOICE'), text.stdout);
    assert.match(text.stdout, /cookie _tracker \(before, reject\): .*categories\.necessary\.cookies.*data-consent-category=/);
    assert.doesNotMatch(text.stdout, /_linked_ad/, '--pages 1 stops at the start page');
  });

  test('--declaration puts what was set without consent under necessary, for review', async () => {
    const declared = await runCli(['scan', site.url('/'), '--declaration']);
    assert.equal(declared.code, 1, declared.stderr);
    const { categories } = JSON.parse(declared.stdout);
    assert.deepEqual(categories.necessary.cookies, ['sid', '_linked_ad', '_plain', '_tracker']);
  });
});

describe('a site whose gated script sets a cookie after Accept all', () => {
  let site;
  let run;
  before(async () => {
    site = await startSite({
      '/': widgetPage({
        config: { categories: { analytics: { cookies: ['_ga', '/^_pk_/'] } } },
        title: 'Gated',
        body: `<script type="text/plain" data-consent-category="analytics">document.cookie='_ga=1;path=/'</script>`,
      }),
    });
    run = await runCli(['scan', site.url('/'), '--json']);
  });
  after(() => site?.close());

  test('exits 0: the cookie comes only with consent', () => {
    assert.equal(run.code, 0, run.stderr);
    const report = parseJson(run);
    assert.deepEqual(report.violations, []);
    const names = (phase) => report.phases[phase][0].cookies.map((cookie) => cookie.name);
    assert.deepEqual(names('before'), []);
    assert.deepEqual(names('reject'), ['consent_gate']);
    assert.deepEqual(names('accept'), ['_ga', 'consent_gate']);
    assert.equal(report.phases.accept[0].cookies[0].category, 'analytics');
  });

  test('--declaration keeps _ga under analytics', async () => {
    const declared = await runCli(['scan', site.url('/'), '--declaration']);
    assert.deepEqual(JSON.parse(declared.stdout).categories.analytics.cookies, ['_ga', '/^_pk_/']);
  });
});

describe('a site whose own Sentry records replay outside the gate', () => {
  let site;
  let run;
  before(async () => {
    const sentry = await siteSentryBundle();
    site = await startSite({
      '/sentry.js': { body: sentry, type: 'text/javascript' },
      // The loopback DSN's ingest endpoint: it takes the envelopes (and they are checked below).
      '/api/1/envelope/': { body: '{}', type: 'application/json', headers: { 'access-control-allow-origin': '*' } },
      '/': widgetPage({
        config: { categories: { necessary: { cookies: [] } } },
        title: 'Broken gate',
        // Short flush delays so the first segment goes out while the scanner is looking.
        head: `<script src="/sentry.js"></script>
<script>SiteSentry.init({ dsn: 'http://public@' + location.host + '/1', replaysSessionSampleRate: 1,
  integrations: [SiteSentry.replayIntegration({ flushMinDelay: 50, flushMaxDelay: 200, minReplayDuration: 0 })] });</script>`,
      }),
    });
    run = await runCli(['scan', site.url('/'), '--json']);
  });
  after(() => site?.close());

  test('the site did send replay envelopes', () => {
    const envelopes = site.requests.filter((request) => request.method === 'POST' && request.path === '/api/1/envelope/');
    assert.ok(envelopes.some((request) => request.body.includes('"type":"replay_recording"')), 'replay_recording sent');
  });

  test('exits 1 with a replay violation before a choice and after Reject all', () => {
    assert.equal(run.code, 1, run.stderr);
    const lines = violationLines(parseJson(run), site.origin);
    const replay = lines.filter((line) => / replay /.test(line));
    assert.ok(replay.some((line) => line.startsWith('before / replay ')), lines.join('\n'));
    assert.ok(replay.some((line) => line.startsWith('reject / replay ')), lines.join('\n'));
    assert.ok(lines.includes('before / sessionStorage sentryReplaySession'), lines.join('\n'));
  });
});

describe('bad input', () => {
  test('a malformed URL', async () => {
    const run = await runCli(['scan', 'not a url']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /not a URL: "not a url"/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });

  test('a port nobody listens on', async () => {
    const site = await startSite({});
    const url = site.url('/');
    await site.close();
    const run = await runCli(['scan', url]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /nothing answers at 127\.0\.0\.1:\d+ \(connection refused\)/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  test('a host that does not exist', async () => {
    // .invalid never resolves (RFC 2606), with or without a network.
    const run = await runCli(['scan', 'http://no-such-host.invalid/', '--timeout', '5']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /the host no-such-host\.invalid was not found \(DNS\)/);
  });

  test('a page that never answers within the per-page time-out', async () => {
    const site = await startSite({ '/': { hang: true } });
    try {
      const began = Date.now();
      const run = await runCli(['scan', site.url('/'), '--timeout', '2']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /did not load within 2 s/);
      assert.ok(Date.now() - began < 20_000, 'the time-out bounds the scan');
    } finally {
      await site.close();
    }
  });

  test('a start page that answers with an error', async () => {
    const site = await startSite({});
    try {
      const run = await runCli(['scan', site.url('/')]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /answered HTTP 404 Not Found/);
    } finally {
      await site.close();
    }
  });

  test('--browser /nonexistent', async () => {
    const run = await runCli(['scan', 'http://127.0.0.1:9/', '--browser', '/nonexistent']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no browser at \/nonexistent/);
  });

  test('without playwright-core installed', async () => {
    // A copy of the command where no node_modules can be found, as in a website's install.
    const dir = mkdtempSync(join(tmpdir(), 'consent-gate-scan-'));
    try {
      cpSync(join(repoRoot, 'bin'), join(dir, 'bin'), { recursive: true });
      cpSync(join(repoRoot, 'src/scan'), join(dir, 'src/scan'), { recursive: true });
      const run = await runCli(['scan', 'http://127.0.0.1:9/'], { cli: join(dir, 'bin/consent-gate.mjs') });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /the scanner needs playwright-core: npm install --save-dev playwright-core/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unknown option and a missing URL', async () => {
    const unknown = await runCli(['scan', 'http://127.0.0.1:9/', '--pagez', '3']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option --pagez/);
    const missing = await runCli(['scan']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /which site\?/);
    const zero = await runCli(['scan', 'http://127.0.0.1:9/', '--pages', '0']);
    assert.equal(zero.code, 2);
    assert.match(zero.stderr, /--pages needs a whole number of at least 1/);
  });
});
