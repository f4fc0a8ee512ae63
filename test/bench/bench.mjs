/**
 * `npm run bench`: consent-gate against vanilla-cookieconsent v3 on the same
 * page in headless Chromium. A benchmark, not a test: it prints figures.
 * (`npm run bench:lighthouse`, lighthouse.mjs, adds Lighthouse's estimates.)
 *
 * consent-gate is built into a temporary directory (never dist/, unless
 * BENCH_DIST=dist names an existing build to use instead). A small server
 * (pages.mjs) sends one realistic page (a SaaS app's invoices page) in these
 * variants, every response gzipped once and cached, so transfer sizes are real:
 *
 *   none        no consent widget: the baseline for the heap and long tasks,
 *   cg          consent-gate as the README embeds it (config block + one module
 *               script in <head>, /consent-gate/*),
 *   vanilla     vanilla-cookieconsent as its docs set it up (stylesheet +
 *               module, /vanilla/*; its config, test/bench/vanilla/config.js,
 *               holds the same categories and English texts as consent-gate's
 *               defaults),
 *   cg-async, cg-low, cg-body, cg-preload, cg-low-preload
 *               other embeds of consent-gate: the module script with `async`,
 *               with `fetchpriority="low"`, at the end of <body>, the README
 *               embed plus `<link rel="modulepreload">` for each file a first
 *               visit fetches besides the entry, and that with
 *               `fetchpriority="low"` on the script and the links. The files to
 *               preload are found by one untimed first visit before the runs
 *               (which also warms up the browser): the bench assumes nothing
 *               about chunk names.
 *
 * The bench knows one file of consent-gate by name, the entry the script tag
 * loads; every other figure counts what the browser actually fetched.
 *
 * Scenarios, each run in a fresh browser context (no cookies, empty cache), the
 * variants interleaved (none first, then the others in one order, the next
 * round in the reverse order), BENCH_RUNS rounds (default 15) per setting:
 *
 *   first visit      at 1× CPU, at 4× CPU (CDP Emulation.setCPUThrottlingRate)
 *                    and with 100 ms round trips (CDP Network.
 *                    emulateNetworkConditions: 100 ms latency on every request,
 *                    10 Mbit/s each way; 1× CPU), so a second request in a row
 *                    (the entry, then a chunk it imports) costs what it costs on
 *                    a real network. none, cg and vanilla: every measure below;
 *                    and every consent-gate embed, the README one included, in
 *                    runs of their own that end when Accept all is visible
 *                    (the embed table compares each with the README embed's).
 *   returning visit  at 1× and 4× CPU, none, cg and vanilla: a visitor who chose
 *                    Accept all comes back. In the fresh context the page is
 *                    loaded (unthrottled, untimed) and Accept all clicked in the
 *                    widget's own banner; the run checks a cookie was stored,
 *                    closes that tab, clears the HTTP cache (CDP
 *                    Network.clearBrowserCache, so the widget's files are fetched
 *                    again, as after the cache expired) and loads the page in a
 *                    new tab (the first one closed: nothing of its document is
 *                    left for the heap figure). That load is measured, with the
 *                    snapshot 2 s after load. The run fails if the banner's Accept all is visible in
 *                    any frame of it (a stored choice that does not hold must not
 *                    pass as a fast returning visit) or the widget's files were
 *                    not fetched. For none the same steps without the click.
 *
 * A probe added before any page script (`probe` below) looks at the Accept
 * button in every animation frame; the button counts as visible when it is
 * rendered (checkVisibility with the opacity and visibility checks: no ancestor
 * at opacity 0 or hidden), has a size and is at least partly inside the
 * viewport. The same rule for both. Per run:
 *
 *   transferred    encoded (gzip) body bytes of the widget's own files fetched
 *                  before a choice (first visit) or before the snapshot
 *                  (returning visit); the page's HTML is the same for all;
 *   visible        navigation start → first frame with Accept all visible;
 *   settled        navigation start → first frame of the banner at rest: fully
 *                  opaque, inside the viewport, not moving. vanilla fades/slides
 *                  its banner in (0.35 s, after a 100 ms timeout), consent-gate
 *                  does not animate, so for it settled = visible;
 *   long tasks     'longtask' entries (buffered observer) until the snapshot
 *                  taken 2 s after load and (first visit) 1 s after settled:
 *                  count, total ms, the longest; also for the page alone (none),
 *                  so a long task the page has by itself is not read as the
 *                  widget's (the returning visit's table also shows each
 *                  widget's median minus the page alone's);
 *   CLS            sum of 'layout-shift' values without recent input, same window
 *                  (and for the page alone);
 *   heap added     at the snapshot, after two HeapProfiler.collectGarbage:
 *                  Runtime.getHeapUsage usedSize minus the median of the `none`
 *                  runs of the same scenario and setting (the page and the probe
 *                  alone);
 *   click → change from the click event of a Playwright click on Accept all to
 *                  the first frame where the button is no longer as it was
 *                  (hidden, moved or fading): the first visible response;
 *   click → hidden from the same click to the first frame where it is no longer
 *                  visible, in ms and in frames. vanilla slides its bar out
 *                  (0.35 s): this counts until the button has left the
 *                  viewport, before the bar is all gone.
 *
 * Prints median, min and max of each, and the ratio of the medians (cg /
 * vanilla; in the embed table each embed / the README embed), with the
 * machine's details and the bench's own run time; `--markdown` (or
 * BENCH_MARKDOWN=1) prints the same as a section for test/bench/RESULTS.md.
 * BENCH_SCREENSHOTS=<dir> saves screenshots of the first round at 1× CPU: each
 * first visit (<variant>.png at the snapshot, embed-<variant>.png when Accept
 * all is visible) and each returning visit at its snapshot
 * (returning-<variant>.png), to check both banners show on a first visit and
 * none on a returning one.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './local.mjs';
import { buildConsentGate, discoverFirstVisitFiles, embedLabels, prefixes, serveBenchPages, vanillaVersion, widgetOf } from './pages.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('BENCH_RUNS must be a whole number of 1 or more');
const MARKDOWN = process.argv.includes('--markdown') || process.env.BENCH_MARKDOWN === '1';
const SCREENSHOTS = process.env.BENCH_SCREENSHOTS;
const started = Date.now();

/** The settings: CPU throttling rate and, for `rtt`, network conditions (throughput in bytes/s). */
const SETTINGS = {
  '1x': { title: 'no CPU throttling', short: '1× CPU', cpu: 1 },
  '4x': { title: 'CPU throttled 4×', short: '4× CPU', cpu: 4 },
  rtt: {
    title: '100 ms round trips (10 Mbit/s each way), no CPU throttling',
    short: '100 ms RTT',
    cpu: 1,
    network: { offline: false, latency: 100, downloadThroughput: 10_000_000 / 8, uploadThroughput: 10_000_000 / 8 },
  },
};
const FIRST_VISIT_SETTINGS = ['1x', '4x', 'rtt'];
const RETURNING_SETTINGS = ['1x', '4x'];
/**
 * Measured in full on a first visit: FULL. Measured only to Accept all visible
 * (runs keyed `embed:<variant>`): EMBEDS, the README embed among them, so every
 * embed is compared with one measured the same way.
 */
const FULL = ['none', 'cg', 'vanilla'];
const EMBEDS = ['cg', 'cg-async', 'cg-low', 'cg-body', 'cg-preload', 'cg-low-preload'];
const embedKey = (variant) => `embed:${variant}`;

const cgDir = await buildConsentGate();
const server = await serveBenchPages(cgDir);
const { origin } = server;

/**
 * Runs in the page before its own scripts: records when the Accept button is
 * visible and settled, long tasks, layout shifts, and after a click on it when
 * it first changes and when it is hidden, all in `window.__bench`
 * (performance.now() times: ms from navigation start).
 */
function probe(widget) {
  const find = {
    none: () => null,
    cg: () => document.querySelector('consent-gate')?.shadowRoot?.querySelector('.banner button[part~="accept"]'),
    vanilla: () => document.querySelector('#cc-main .cm [data-role="all"]'),
  }[widget];
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

/**
 * A new tab in `context` with `setting` applied and the probe added for the
 * variant's widget; `fetched` collects [file, gzip bytes] of the widget's files.
 */
async function openTab(context, variant, setting) {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  const { cpu, network } = SETTINGS[setting];
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  await tab.addInitScript(probe, widgetOf(variant) ?? 'none');
  const prefix = prefixes[widgetOf(variant)];
  const fetched = [];
  tab.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (prefix && path.startsWith(prefix)) fetched.push(request.sizes().then((sizes) => [path.slice(prefix.length), sizes.responseBodySize]));
  });
  return { tab, cdp, fetched };
}

/** The snapshot: 2 s after load and, if `settled`, 1 s after the banner settled; the probe's record, heap after GC, files fetched. */
async function snapshot(tab, cdp, fetched, settled) {
  await tab.waitForFunction((waitForBanner) => {
    const load = performance.getEntriesByType('navigation')[0]?.loadEventEnd;
    const at = waitForBanner ? window.__bench.settled : 0;
    return load > 0 && at !== null && performance.now() >= Math.max(load + 2000, at + 1000);
  }, settled, { polling: 100, timeout: 60_000 });
  const record = await tab.evaluate(() => structuredClone(window.__bench));
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const files = await Promise.all(fetched);
  return {
    files,
    result: {
      transferred: files.reduce((sum, [, bytes]) => sum + bytes, 0),
      visible: record.visible,
      settled: record.settled,
      longTaskCount: record.longTasks.length,
      longTaskTime: record.longTasks.reduce((sum, duration) => sum + duration, 0),
      longestTask: Math.max(0, ...record.longTasks),
      cls: record.cls,
      heap: usedSize,
    },
  };
}

/**
 * One first visit of `variant`: its figures, and the files under its prefix
 * with their gzip bytes. Not `full`: only until Accept all is visible.
 */
async function firstVisit(browser, variant, setting, { full, screenshot }) {
  const context = await browser.newContext();
  try {
    const { tab, cdp, fetched } = await openTab(context, variant, setting);
    await tab.goto(`${origin}/${variant}`);
    if (!full) {
      await tab.waitForFunction(() => window.__bench.visible !== null, null, { polling: 50, timeout: 60_000 });
      if (screenshot) await tab.screenshot({ path: screenshot });
      return { result: { visible: await tab.evaluate(() => window.__bench.visible) }, files: [] };
    }
    const { result, files } = await snapshot(tab, cdp, fetched, widgetOf(variant) !== null); // everything fetched before the choice
    if (screenshot) await tab.screenshot({ path: screenshot });
    if (widgetOf(variant)) {
      await tab.getByRole('button', { name: 'Accept all', exact: true }).click();
      await tab.waitForFunction(() => window.__bench.hidden !== null, null, { polling: 50, timeout: 10_000 });
      Object.assign(result, await tab.evaluate(() => ({ change: window.__bench.change, hidden: window.__bench.hidden, hiddenFrames: window.__bench.hiddenFrames })));
    }
    return { result, files };
  } finally {
    await context.close();
  }
}

/** One returning visit of `variant` (see the header): its figures and the files fetched. */
async function returningVisit(browser, variant, setting, { screenshot }) {
  const context = await browser.newContext();
  try {
    const first = await context.newPage();
    await first.goto(`${origin}/${variant}`);
    if (widgetOf(variant)) {
      const accept = first.getByRole('button', { name: 'Accept all', exact: true });
      await accept.click({ timeout: 30_000 });
      await accept.waitFor({ state: 'hidden', timeout: 10_000 });
      if ((await context.cookies()).length === 0) throw new Error(`returning visit, ${variant}: Accept all stored no cookie`);
    }
    await first.close();

    const { tab, cdp, fetched } = await openTab(context, variant, setting);
    await cdp.send('Network.clearBrowserCache');
    await tab.goto(`${origin}/${variant}`);
    const { result, files } = await snapshot(tab, cdp, fetched, false);
    if (screenshot) await tab.screenshot({ path: screenshot });
    if (result.visible !== null) throw new Error(`returning visit, ${variant}: the banner's Accept all was visible at ${Math.round(result.visible)} ms: the stored choice did not hold`);
    if (widgetOf(variant) && files.length === 0) throw new Error(`returning visit, ${variant}: none of the widget's files was fetched`);
    return { result, files };
  } finally {
    await context.close();
  }
}

const browser = await launchChromium('npm run bench');
if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
/** first[setting][variant], returning[setting][variant]: one result per run; files: from the first run of each. */
const first = {};
const returning = {};
const files = { first: {}, returning: {} };
const chromiumVersion = browser.version();
let preloads;
try {
  preloads = await discoverFirstVisitFiles(browser, origin);
  server.setPreloads(preloads);
  const others = [...FULL.slice(1), ...EMBEDS.map(embedKey)];
  for (const setting of FIRST_VISIT_SETTINGS) {
    first[setting] = Object.fromEntries(['none', ...others].map((key) => [key, []]));
    for (let round = 0; round < RUNS; round += 1) {
      for (const key of ['none', ...(round % 2 ? [...others].reverse() : others)]) {
        const full = FULL.includes(key);
        const variant = key.replace(/^embed:/, '');
        const screenshot = SCREENSHOTS && round === 0 && setting === '1x' ? join(SCREENSHOTS, `${key.replace(':', '-')}.png`) : undefined;
        const { result, files: fetched } = await firstVisit(browser, variant, setting, { full, screenshot });
        first[setting][key].push(result);
        if (full) files.first[variant] ??= fetched;
      }
      process.stderr.write(`\rfirst visit, ${SETTINGS[setting].short}: ${round + 1}/${RUNS} rounds`);
    }
    process.stderr.write('\n');
  }
  for (const setting of RETURNING_SETTINGS) {
    returning[setting] = Object.fromEntries(FULL.map((variant) => [variant, []]));
    for (let round = 0; round < RUNS; round += 1) {
      for (const variant of round % 2 ? ['none', 'vanilla', 'cg'] : ['none', 'cg', 'vanilla']) {
        const screenshot = SCREENSHOTS && round === 0 && setting === '1x' ? join(SCREENSHOTS, `returning-${variant}.png`) : undefined;
        const { result, files: fetched } = await returningVisit(browser, variant, setting, { screenshot });
        returning[setting][variant].push(result);
        files.returning[variant] ??= fetched;
      }
      process.stderr.write(`\rreturning visit, ${SETTINGS[setting].short}: ${round + 1}/${RUNS} rounds`);
    }
    process.stderr.write('\n');
  }
} finally {
  await browser.close();
  server.close();
}
const minutes = (Date.now() - started) / 60_000;

// The report. Measures marked `page` are also shown for the page without a
// widget, so what a widget causes can be read off (a long task the page has
// alone is not the widget's).
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
const returningMeasures = [
  ['transferred (KB gzip)', (r) => r.transferred / 1024, 1],
  ...measures.filter(([name]) => /^(long|CLS|heap)/.test(name)),
];
const number = (value, digits) => (Number.isInteger(value) ? String(value) : value.toFixed(digits));
const ratio = (a, b) => (a === 0 && b === 0 ? '1.00 (both 0)' : b === 0 ? '∞' : (a / b).toFixed(2));
const difference = (a, b, digits) => `${a - b > 0 ? '+' : ''}${number(a - b, digits)}`;
const cell = (values, digits) => `${number(median(values), digits)} (${number(Math.min(...values), digits)}–${number(Math.max(...values), digits)})`;
const widgetHeader = ['measure', 'page alone', 'consent-gate median (min–max)', `vanilla-cookieconsent ${vanillaVersion} median (min–max)`, 'cg / vanilla'];

const tables = [];
for (const setting of FIRST_VISIT_SETTINGS) {
  const results = first[setting];
  const base = median(results.none.map((r) => r.heap));
  const rows = measures.map(([name, value, digits, page]) => {
    const [none, cg, vanilla] = FULL.map((variant) => results[variant].map((r) => value(r, base)));
    return [name, page ? cell(none, digits) : '–', cell(cg, digits), cell(vanilla, digits), ratio(median(cg), median(vanilla))];
  });
  tables.push({ title: `First visit, ${SETTINGS[setting].title}`, header: widgetHeader, rows });
}
for (const setting of RETURNING_SETTINGS) {
  const results = returning[setting];
  const base = median(results.none.map((r) => r.heap));
  const rows = returningMeasures.map(([name, value, digits, page]) => {
    const [none, cg, vanilla] = FULL.map((variant) => results[variant].map((r) => value(r, base)));
    const over = (values) => (page ? difference(median(values), median(none), digits) : '–');
    return [name, page ? cell(none, digits) : '–', cell(cg, digits), cell(vanilla, digits), ratio(median(cg), median(vanilla)), over(cg), over(vanilla)];
  });
  tables.push({
    title: `Returning visit (Accept all chosen before, no banner), ${SETTINGS[setting].title}`,
    header: [...widgetHeader, 'cg − page alone', 'vanilla − page alone'],
    rows,
  });
}
{
  const visible = (setting, key) => first[setting][key].map((r) => r.visible);
  const rows = [...EMBEDS.map(embedKey), 'vanilla'].map((key) => [
    key === 'vanilla' ? `vanilla-cookieconsent ${vanillaVersion} (its full runs, for reference)` : `${key.slice(6)}: ${embedLabels[key.slice(6)]}`,
    ...FIRST_VISIT_SETTINGS.flatMap((setting) => [
      cell(visible(setting, key), 0),
      key === 'vanilla' ? '–' : ratio(median(visible(setting, key)), median(visible(setting, embedKey('cg')))),
    ]),
  ]);
  tables.push({
    title: 'First visit: Accept all visible (ms) by embed',
    header: ['embed', ...FIRST_VISIT_SETTINGS.flatMap((setting) => [`${SETTINGS[setting].short} median (min–max)`, '/ cg'])],
    rows,
  });
}

const date = new Date().toISOString();
const environment = [
  `date ${date}`,
  `Chromium ${chromiumVersion}`,
  `CPU ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory`,
  `node ${process.version}`,
  `${RUNS} runs per variant and setting; the bench took ${minutes.toFixed(1)} min`,
];
const fileList = (list) => (list.length ? [...list].sort(([a], [b]) => a.localeCompare(b)).map(([file, bytes]) => `${file} ${(bytes / 1024).toFixed(1)} KB`).join(', ') : 'nothing');
const fetchedLines = [
  `first visit, before a choice: consent-gate: ${fileList(files.first.cg)}; vanilla-cookieconsent: ${fileList(files.first.vanilla)}`,
  `returning visit: consent-gate: ${fileList(files.returning.cg)}; vanilla-cookieconsent: ${fileList(files.returning.vanilla)}`,
  `cg-preload, cg-low-preload preload: ${preloads.length ? preloads.join(', ') : 'nothing (a first visit fetches no file besides the entry): they are cg and cg-low'}`,
];

if (MARKDOWN) {
  console.log(`## consent-gate vs vanilla-cookieconsent ${vanillaVersion}, ${date.slice(0, 10)}\n`);
  console.log(`${environment.map((line) => `- ${line}`).join('\n')}\n`);
  for (const { title, header, rows } of tables) {
    console.log(`### ${title}\n`);
    console.log(`| ${header.join(' | ')} |\n|---|${header.slice(1).map(() => '---:|').join('')}`);
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    console.log('');
  }
  console.log(`Fetched (gzip):\n\n${fetchedLines.map((line) => `- ${line}`).join('\n')}`);
} else {
  console.log(`consent-gate vs vanilla-cookieconsent ${vanillaVersion}\n${environment.map((line) => `  ${line}`).join('\n')}`);
  for (const { title, header, rows: markdownRows } of tables) {
    const rows = markdownRows.map((row) => row.map((text) => text.replaceAll('`', '')));
    const widths = header.map((name, column) => Math.max(name.length, ...rows.map((row) => row[column].length)));
    const line = (cells) => `  ${cells.map((text, column) => (column ? text.padStart(widths[column]) : text.padEnd(widths[column]))).join('   ')}`;
    console.log(`\n${title}\n${line(header)}`);
    for (const row of rows) console.log(line(row));
  }
  console.log(`\nFetched (gzip):\n${fetchedLines.map((line) => `  ${line}`).join('\n')}`);
}
