/**
 * `npm run bench`: consent-gate against vanilla-cookieconsent v3 on the same
 * page in headless Chromium. A benchmark, not a test: it prints figures.
 *
 * consent-gate is built into a temporary directory (never dist/, unless
 * BENCH_DIST=dist names an existing build to use instead). A small server
 * sends one realistic page (a SaaS app's invoices page) in three variants,
 * every response gzipped once and cached, so transfer sizes are real:
 *
 *   none     no consent widget: the baseline for the heap,
 *   cg       consent-gate (config block + one module script, /consent-gate/*),
 *   vanilla  vanilla-cookieconsent as its docs set it up (stylesheet + module,
 *            /vanilla/*; its config, test/bench/vanilla/config.js, holds the
 *            same categories and English texts as consent-gate's defaults).
 *
 * Each run is a fresh browser context (no cookies, empty cache). Runs are
 * interleaved, none → cg → vanilla, then none → vanilla → cg, BENCH_RUNS rounds
 * (default 15), once without CPU throttling and once at 4× (CDP
 * Emulation.setCPUThrottlingRate). A probe added before any page script
 * (`probe` below) looks at the Accept button in every animation frame; the
 * button counts as visible when it is rendered (checkVisibility with the
 * opacity and visibility checks: no ancestor at opacity 0 or hidden), has a
 * size and is at least partly inside the viewport. The same rule for both.
 * Per run:
 *
 *   transferred    encoded (gzip) body bytes of the widget's own files fetched
 *                  before a choice (the page's HTML is the same for all);
 *   visible        navigation start → first frame with Accept all visible;
 *   settled        navigation start → first frame of the banner at rest: fully
 *                  opaque, inside the viewport, not moving. vanilla fades/slides
 *                  its banner in (0.35 s, after a 100 ms timeout), consent-gate
 *                  does not animate, so for it settled = visible;
 *   long tasks     'longtask' entries (buffered observer) until the snapshot
 *                  taken 2 s after load and 1 s after settled: count, total ms,
 *                  the longest; also for the page alone (none), so a long task
 *                  the page has by itself is not read as the widget's;
 *   CLS            sum of 'layout-shift' values without recent input, same window
 *                  (and for the page alone);
 *   heap added     at the snapshot, after two HeapProfiler.collectGarbage:
 *                  Runtime.getHeapUsage usedSize minus the median of the `none`
 *                  runs at the same throttling (the page and the probe alone);
 *   click → change from the click event of a Playwright click on Accept all to
 *                  the first frame where the button is no longer as it was
 *                  (hidden, moved or fading): the first visible response;
 *   click → hidden from the same click to the first frame where it is no longer
 *                  visible, in ms and in frames. vanilla slides its bar out
 *                  (0.35 s): this counts until the button has left the
 *                  viewport, before the bar is all gone.
 *
 * Prints median, min and max of each, and the ratio of the medians, with the
 * machine's details; `--markdown` (or BENCH_MARKDOWN=1) prints the same as a
 * section for test/bench/RESULTS.md. BENCH_SCREENSHOTS=<dir> saves one
 * screenshot per variant (first round, unthrottled) to check both banners show.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchChromium, serveLocally } from './local.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('BENCH_RUNS must be a whole number of 1 or more');
const MARKDOWN = process.argv.includes('--markdown') || process.env.BENCH_MARKDOWN === '1';
const SCREENSHOTS = process.env.BENCH_SCREENSHOTS;
const THROTTLING = [1, 4];

const root = fileURLToPath(new URL('../../', import.meta.url));
const vanillaConfig = fileURLToPath(new URL('./vanilla/config.js', import.meta.url));
const vanillaDist = join(root, 'node_modules/vanilla-cookieconsent/dist/');
const vanillaVersion = JSON.parse(readFileSync(join(root, 'node_modules/vanilla-cookieconsent/package.json'), 'utf8')).version;

// consent-gate: a fresh build in a temporary directory, or an existing one.
const tmpBuild = process.env.BENCH_DIST ? null : mkdtempSync(join(os.tmpdir(), 'consent-gate-bench-'));
if (tmpBuild) process.on('exit', () => rmSync(tmpBuild, { recursive: true, force: true }));
const cgDir = `${tmpBuild ?? resolve(root, process.env.BENCH_DIST)}/`;
if (tmpBuild) await build({ logLevel: 'warn', build: { outDir: tmpBuild, emptyOutDir: true } });
if (!existsSync(join(cgDir, 'consent-gate.js'))) throw new Error(`BENCH_DIST: no consent-gate.js in ${cgDir}`);

// The page: the same HTML in all variants, only the widget's head tags and footer link differ.
const chart = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="160" viewBox="0 0 480 160" role="img" aria-label="Revenue by month">
<rect width="480" height="160" fill="#f4f6fa"/>${[52, 70, 64, 88, 96, 81, 110, 124, 118, 131, 142, 150]
  .map((h, i) => `<rect x="${14 + i * 39}" y="${150 - h}" width="26" height="${h}" fill="#3b6fd8"/>`)
  .join('')}</svg>`;
const invoices = [
  ['INV-2041', 'Northwind Traders', '2025-03-02', '1,240.00', 'Paid'],
  ['INV-2042', 'Contoso Ltd', '2025-03-05', '860.50', 'Open'],
  ['INV-2043', 'Fabrikam Inc', '2025-03-09', '3,105.00', 'Paid'],
  ['INV-2044', 'Tailspin Toys', '2025-03-12', '412.75', 'Overdue'],
  ['INV-2045', 'Wide World Importers', '2025-03-15', '2,980.00', 'Open'],
  ['INV-2046', 'Adventure Works', '2025-03-18', '725.20', 'Paid'],
];
const widgets = {
  none: { head: '', preferences: '' },
  cg: {
    head: `<script type="application/json" id="consent-gate-config">{ "policyUrl": "/privacy" }</script>
<script type="module" src="/consent-gate/consent-gate.js"></script>`,
    preferences: '<a href="#consent-preferences" data-consent-preferences>Preferences</a>',
  },
  vanilla: {
    head: `<link rel="stylesheet" href="/vanilla/cookieconsent.css">
<script type="module" src="/vanilla/config.js"></script>`,
    preferences: '<a href="#" data-cc="show-preferencesModal">Preferences</a>',
  },
};
const page = ({ head, preferences }) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Invoices · Ledgerly</title>
<style>
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1c2430; background: #fff; }
header { display: flex; align-items: center; gap: 2rem; padding: 0.75rem 2rem; background: #14213d; color: #fff; }
header a { color: #dfe7f5; text-decoration: none; }
nav ul { display: flex; gap: 1.25rem; margin: 0; padding: 0; list-style: none; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
table { width: 100%; border-collapse: collapse; margin: 1rem 0 2rem; }
th, td { padding: 0.5rem 0.75rem; border-bottom: 1px solid #dde3ec; text-align: left; }
form { display: grid; grid-template-columns: 10rem 1fr; gap: 0.75rem 1rem; max-width: 32rem; }
input, select, button { font: inherit; padding: 0.35rem 0.5rem; }
button { grid-column: 2; justify-self: start; }
footer { display: flex; gap: 1.5rem; padding: 1.5rem 2rem; background: #f4f6fa; font-size: 0.9rem; }
</style>
${head}
</head>
<body>
<header><strong>Ledgerly</strong>
<nav aria-label="Main"><ul><li><a href="/dashboard">Dashboard</a></li><li><a href="/invoices" aria-current="page">Invoices</a></li><li><a href="/customers">Customers</a></li><li><a href="/reports">Reports</a></li><li><a href="/settings">Settings</a></li></ul></nav>
</header>
<main>
<h1>Invoices</h1>
<p>All invoices of your workspace for the current quarter. Open invoices are reminded automatically seven days after their due date; overdue ones are flagged on the dashboard.</p>
<p>Revenue has grown every month this year. The chart shows invoiced amounts by month, the table the latest invoices with their status.</p>
<figure>${chart}<figcaption>Invoiced revenue by month (EUR thousands)</figcaption></figure>
<table><caption>Latest invoices</caption>
<thead><tr><th>Invoice</th><th>Customer</th><th>Date</th><th>Amount (EUR)</th><th>Status</th></tr></thead>
<tbody>${invoices.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n')}</tbody>
</table>
<h2>New invoice</h2>
<form action="/invoices" method="post">
<label for="customer">Customer</label><select id="customer" name="customer">${invoices.map((row) => `<option>${row[1]}</option>`).join('')}</select>
<label for="amount">Amount (EUR)</label><input id="amount" name="amount" type="number" min="0" step="0.01">
<label for="due">Due date</label><input id="due" name="due" type="date">
<label for="note">Note</label><input id="note" name="note" type="text">
<button type="submit">Create invoice</button>
</form>
</main>
<footer><span>© 2025 Ledgerly</span><a href="/privacy">Privacy</a><a href="/terms">Terms</a>${preferences}</footer>
</body></html>`;

// Every response gzipped once (level 9, as `npm run size` counts) and cached.
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
const cache = new Map();
const gzipped = (key, type, read) => {
  if (!cache.has(key)) cache.set(key, { type, body: gzipSync(read(), { level: 9 }) });
  return cache.get(key);
};
/** A file of `dir` for a URL path below `prefix`, or undefined outside it. */
const fileIn = (dir, prefix, path) => {
  const file = normalize(join(dir, path.slice(prefix.length)));
  return path.startsWith(prefix) && file.startsWith(dir) ? file : undefined;
};
const server = await serveLocally((request, response) => {
  const path = decodeURIComponent((request.url ?? '/').split('?')[0]);
  const variant = path.slice(1);
  // Under /vanilla/: the bench's config module, else the package's dist/ files.
  const file = path === '/vanilla/config.js' ? vanillaConfig
    : fileIn(cgDir, '/consent-gate/', path) ?? fileIn(vanillaDist, '/vanilla/', path);
  const { type, body } = Object.hasOwn(widgets, variant)
    ? gzipped(path, types['.html'], () => page(widgets[variant]))
    : gzipped(path, types[extname(file ?? '')] ?? 'application/octet-stream', () => readFileSync(file));
  response.setHeader('Content-Type', type);
  response.setHeader('Content-Encoding', 'gzip');
  response.end(body);
});
const { origin } = server;

/**
 * Runs in the page before its own scripts: records when the Accept button is
 * visible and settled, long tasks, layout shifts, and after a click on it when
 * it first changes and when it is hidden, all in `window.__bench`
 * (performance.now() times: ms from navigation start).
 */
function probe(variant) {
  const find = {
    none: () => null,
    cg: () => document.querySelector('consent-gate')?.shadowRoot?.querySelector('.banner button[part~="accept"]'),
    vanilla: () => document.querySelector('#cc-main .cm [data-role="all"]'),
  }[variant];
  const bench = { visible: null, settled: null, longTasks: [], cls: 0, click: null, change: null, hidden: null, hiddenFrames: null };
  window.__bench = bench;
  new PerformanceObserver((list) => bench.longTasks.push(...list.getEntries().map((entry) => entry.duration)))
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) bench.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });

  /** The button as seen now: null when not visible, else where it is and how opaque. */
  const look = () => {
    const button = find();
    if (!button?.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return null;
    const box = button.getBoundingClientRect();
    const inside = (low, high, size) => low < size && high > 0;
    if (!box.width || !box.height || !inside(box.top, box.bottom, innerHeight) || !inside(box.left, box.right, innerWidth)) return null;
    let opacity = 1; // through shadow roots up to the document
    for (let node = button; node; node = node.parentElement ?? node.getRootNode().host) opacity *= Number(getComputedStyle(node).opacity);
    const whole = box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth;
    return { state: `${box.x},${box.y},${box.width},${box.height},${opacity}`, atRest: whole && opacity === 1 };
  };

  let previous = null; // the last frame's look and time
  let clickState = null;
  let framesSinceClick = 0;
  addEventListener('click', (event) => {
    if (bench.click !== null) return;
    bench.click = event.timeStamp;
    clickState = previous?.seen?.state;
  }, true);
  const frame = () => {
    const now = performance.now();
    const seen = look();
    if (bench.click === null) {
      if (bench.visible === null && seen) bench.visible = now;
      // At rest: the same as in the frame before; it settled in that frame.
      if (bench.settled === null && seen?.atRest && seen.state === previous?.seen?.state) bench.settled = previous.now;
    } else {
      framesSinceClick += 1;
      if (bench.change === null && seen?.state !== clickState) bench.change = now - bench.click;
      if (!seen) {
        bench.hidden = now - bench.click;
        bench.hiddenFrames = framesSinceClick;
        return;
      }
    }
    previous = { seen, now };
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** One page load of `variant`: its figures, and the files under its prefix with their gzip bytes. */
async function run(browser, variant, throttling, screenshot) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttling });
    await tab.addInitScript(probe, variant);
    const prefix = { none: null, cg: '/consent-gate/', vanilla: '/vanilla/' }[variant];
    const fetched = [];
    tab.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (prefix && path.startsWith(prefix)) fetched.push(request.sizes().then((sizes) => [path.slice(prefix.length), sizes.responseBodySize]));
    });

    await tab.goto(`${origin}/${variant}`);
    // The snapshot: 2 s after load, and (with a widget) 1 s after the banner settled.
    await tab.waitForFunction((widget) => {
      const load = performance.getEntriesByType('navigation')[0]?.loadEventEnd;
      const settled = widget ? window.__bench.settled : 0;
      return load > 0 && settled !== null && performance.now() >= Math.max(load + 2000, settled + 1000);
    }, prefix !== null, { polling: 100, timeout: 60_000 });
    const before = await tab.evaluate(() => structuredClone(window.__bench));
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const files = await Promise.all(fetched); // everything fetched before the choice
    if (screenshot) await tab.screenshot({ path: screenshot });

    const result = {
      transferred: files.reduce((sum, [, bytes]) => sum + bytes, 0),
      visible: before.visible,
      settled: before.settled,
      longTaskCount: before.longTasks.length,
      longTaskTime: before.longTasks.reduce((sum, duration) => sum + duration, 0),
      longestTask: Math.max(0, ...before.longTasks),
      cls: before.cls,
      heap: usedSize,
    };
    if (prefix) {
      await tab.getByRole('button', { name: 'Accept all', exact: true }).click();
      await tab.waitForFunction(() => window.__bench.hidden !== null, null, { polling: 50, timeout: 10_000 });
      Object.assign(result, await tab.evaluate(() => ({ change: window.__bench.change, hidden: window.__bench.hidden, hiddenFrames: window.__bench.hiddenFrames })));
    }
    return { result, files };
  } finally {
    await context.close();
  }
}

const browser = await launchChromium('npm run bench');
if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
/** results[throttling][variant]: one result per run; files[variant]: from the first run. */
const results = {};
const files = {};
const chromiumVersion = browser.version();
try {
  for (const throttling of THROTTLING) {
    results[throttling] = { none: [], cg: [], vanilla: [] };
    for (let round = 0; round < RUNS; round += 1) {
      for (const variant of round % 2 ? ['none', 'vanilla', 'cg'] : ['none', 'cg', 'vanilla']) {
        const screenshot = SCREENSHOTS && round === 0 && throttling === 1 ? join(SCREENSHOTS, `${variant}.png`) : undefined;
        const { result, files: fetched } = await run(browser, variant, throttling, screenshot);
        results[throttling][variant].push(result);
        files[variant] ??= fetched;
      }
      process.stderr.write(`\r${throttling}× CPU: ${round + 1}/${RUNS} rounds`);
    }
    process.stderr.write('\n');
  }
} finally {
  await browser.close();
  server.close();
}

// The report: one table per throttling setting. Measures marked `page` are
// also shown for the page without a widget, so what a widget causes can be read
// off (a long task the page has alone is not the widget's).
const measures = [
  ['transferred before a choice (KB gzip)', (r) => r.transferred / 1024, 1],
  ['Accept all visible (ms)', (r) => r.visible, 0],
  ['banner settled (ms)', (r) => r.settled, 0],
  ['long tasks (count)', (r) => r.longTaskCount, 1, 'page'],
  ['long tasks (total ms)', (r) => r.longTaskTime, 0, 'page'],
  ['longest task (ms)', (r) => r.longestTask, 0, 'page'],
  ['CLS', (r) => r.cls, 3, 'page'],
  ['heap added (KB)', (r, base) => (r.heap - base) / 1024, 0],
  ['click → first change (ms)', (r) => r.change, 1],
  ['click → hidden (ms)', (r) => r.hidden, 1],
  ['click → hidden (frames)', (r) => r.hiddenFrames, 1],
];
const number = (value, digits) => (Number.isInteger(value) ? String(value) : value.toFixed(digits));
const ratio = (a, b) => (a === 0 && b === 0 ? '1.00 (both 0)' : b === 0 ? '∞' : (a / b).toFixed(2));
const tables = THROTTLING.map((throttling) => {
  const base = median(results[throttling].none.map((r) => r.heap));
  const rows = measures.map(([name, value, digits, page]) => {
    const [none, cg, vanilla] = ['none', 'cg', 'vanilla'].map((variant) => results[throttling][variant].map((r) => value(r, base)));
    const cell = (values) => `${number(median(values), digits)} (${number(Math.min(...values), digits)}–${number(Math.max(...values), digits)})`;
    return [name, page ? cell(none) : '–', cell(cg), cell(vanilla), ratio(median(cg), median(vanilla))];
  });
  return { title: throttling === 1 ? 'No CPU throttling' : `CPU throttled ${throttling}×`, rows };
});
const header = ['measure', 'page alone', 'consent-gate median (min–max)', `vanilla-cookieconsent ${vanillaVersion} median (min–max)`, 'cg / vanilla'];
const date = new Date().toISOString();
const environment = [
  `date ${date}`,
  `Chromium ${chromiumVersion}`,
  `CPU ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory`,
  `node ${process.version}`,
  `${RUNS} runs per variant and setting`,
];
const fileList = (variant) => files[variant].sort(([a], [b]) => a.localeCompare(b)).map(([file, bytes]) => `${file} ${(bytes / 1024).toFixed(1)} KB`).join(', ');
const fetchedLines = [`consent-gate: ${fileList('cg')}`, `vanilla-cookieconsent: ${fileList('vanilla')}`];

if (MARKDOWN) {
  console.log(`## consent-gate vs vanilla-cookieconsent ${vanillaVersion}, ${date.slice(0, 10)}\n`);
  console.log(`${environment.map((line) => `- ${line}`).join('\n')}\n`);
  for (const { title, rows } of tables) {
    console.log(`### ${title}\n`);
    console.log(`| ${header.join(' | ')} |\n|---|---:|---:|---:|---:|`);
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    console.log('');
  }
  console.log(`Fetched before a choice (gzip):\n\n${fetchedLines.map((line) => `- ${line}`).join('\n')}`);
} else {
  console.log(`consent-gate vs vanilla-cookieconsent ${vanillaVersion}\n${environment.map((line) => `  ${line}`).join('\n')}`);
  const widths = header.map((title, column) => Math.max(title.length, ...tables.flatMap(({ rows }) => rows.map((row) => row[column].length))));
  const line = (cells) => `  ${cells.map((cell, column) => (column ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('   ')}`;
  for (const { title, rows } of tables) {
    console.log(`\n${title}\n${line(header)}`);
    for (const row of rows) console.log(line(row));
  }
  console.log(`\nFetched before a choice (gzip):\n${fetchedLines.map((line) => `  ${line}`).join('\n')}`);
}
