/**
 * `npm run bench:lighthouse`: Lighthouse's estimated mobile first contentful
 * paint (the figure PageSpeed Insights shows) for the bench's page (pages.mjs)
 * alone, with vanilla-cookieconsent and with consent-gate in each of its embeds
 * (see pages.mjs; the modulepreload variant preloads what a first visit in
 * Chromium fetched besides the entry, found by one load before the runs).
 *
 * Lighthouse's node API with its default config (mobile, simulated throttling:
 * the metrics are estimated by Lantern from one unthrottled load), limited to
 * the performance category, which changes no metric and saves the other
 * categories' gathering. Each run starts its own Chromium with a fresh profile
 * (chrome-launcher, as Lighthouse's CLI does): CHROME_PATH, else the browser the
 * bench finds, with --headless=new --no-sandbox --disable-background-networking
 * --disable-component-update. Variants interleave: page alone, then the others
 * in one order, the next round reversed; BENCH_LIGHTHOUSE_RUNS rounds (default 5).
 *
 * Chromium 156 names the frame data of its PipelineReporter trace events
 * `frame_reporter`, where the trace engine of Lighthouse 12.2.3 reads
 * `chrome_frame_reporter`; it then throws in its screenshot handler, and with it
 * the steps that need the whole trace (LCP element, layout-shift causes,
 * render-blocking resources). Our Trace gatherer (a subclass of Lighthouse's)
 * drops the PipelineReporter events whose begin event lacks
 * `chrome_frame_reporter`, with their end events, before anything reads the
 * trace. They only place screenshots in time: no metric uses them.
 *
 * Per run: estimated FCP and LCP (ms), the observed FCP of the unthrottled load
 * (ms) and the widget files that Lantern's FCP estimate counts as blocking: a
 * render-blocking priority (VeryHigh, or High for a script: a module script is
 * High unless fetchpriority says otherwise) and loaded before the observed first
 * paint (Lantern also leaves out a script evaluated after that paint, and half
 * of its estimate, the optimistic graph, any file a script requested: neither
 * is checked here). Whether a file counts is a race in that one fast load: one
 * that arrives after the first paint is left out. (The render-blocking-resources
 * audit lists only what Chrome itself marks render-blocking, stylesheets and
 * classic scripts in <head>, never a module script.)
 * Prints median (min–max) and the ratios to the page alone and to vanilla;
 * `--markdown` (or BENCH_MARKDOWN=1) as a section for test/bench/RESULTS.md.
 * BENCH_LIGHTHOUSE_JSON=<dir> keeps each run's report (JSON).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import defaultConfig from 'lighthouse/core/config/default-config.js';
import Trace from 'lighthouse/core/gather/gatherers/trace.js';
import { chromium } from 'playwright';
import { discoverBrowsers } from '../runner/browsers.mjs';
import { launchChromium } from './local.mjs';
import { buildConsentGate, discoverFirstVisitFiles, embedLabels, prefixes, serveBenchPages, vanillaVersion, variants } from './pages.mjs';

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('BENCH_LIGHTHOUSE_RUNS must be a whole number of 1 or more');
const MARKDOWN = process.argv.includes('--markdown') || process.env.BENCH_MARKDOWN === '1';
const KEEP_JSON = process.env.BENCH_LIGHTHOUSE_JSON;
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update'];
const started = Date.now();

/** Drops PipelineReporter events Lighthouse 12.2.3's trace engine cannot read (see the header), begin and end alike. */
function withoutUnreadableFrameReports(traceEvents) {
  const key = (event) => `${event.pid}:${event.id2?.local ?? event.id2?.global ?? event.id}`;
  const unreadable = new Set(traceEvents
    .filter((event) => event.name === 'PipelineReporter' && event.ph === 'b' && !event.args?.chrome_frame_reporter)
    .map(key));
  return traceEvents.filter((event) => event.name !== 'PipelineReporter' || !unreadable.has(key(event)));
}

class ReadableTrace extends Trace {
  getArtifact() {
    const trace = super.getArtifact();
    return { ...trace, traceEvents: withoutUnreadableFrameReports(trace.traceEvents) };
  }
}
/** Lighthouse's default config with our Trace gatherer (an `extends` cannot swap a gatherer's implementation). */
const config = {
  ...defaultConfig,
  settings: { ...defaultConfig.settings, onlyCategories: ['performance'] },
  artifacts: defaultConfig.artifacts.map((artifact) => (artifact.id === 'Trace' ? { id: 'Trace', gatherer: { implementation: ReadableTrace } } : artifact)),
};
if (!config.artifacts.some((artifact) => artifact.gatherer.implementation === ReadableTrace)) throw new Error('Lighthouse\'s default config has no Trace artifact');

const chromePath = process.env.CHROME_PATH
  ?? discoverBrowsers({ ...process.env, BROWSERS: 'chromium' }).found[0]?.executablePath
  ?? chromium.executablePath();

const cgDir = await buildConsentGate();
const server = await serveBenchPages(cgDir);
const { origin } = server;
{
  const browser = await launchChromium('npm run bench:lighthouse');
  try {
    server.setPreloads(await discoverFirstVisitFiles(browser, origin));
  } finally {
    await browser.close();
  }
}
if (KEEP_JSON) mkdirSync(KEEP_JSON, { recursive: true });

/** One Lighthouse run of `variant` in its own Chromium. */
async function audit(variant, round) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS });
  try {
    const { lhr } = await lighthouse(`${origin}/${variant}`, { port: chrome.port, output: 'json', logLevel: 'error' }, config);
    if (KEEP_JSON) writeFileSync(join(KEEP_JSON, `${variant}-${round + 1}.json`), JSON.stringify(lhr));
    const broken = ['first-contentful-paint', 'largest-contentful-paint', 'render-blocking-resources', 'metrics']
      .filter((id) => lhr.audits[id]?.score === null && lhr.audits[id]?.errorMessage);
    if (lhr.runtimeError || broken.length) {
      throw new Error(`Lighthouse, ${variant}: ${lhr.runtimeError?.message ?? broken.map((id) => `${id}: ${lhr.audits[id].errorMessage}`).join('; ')}`);
    }
    // Lantern's rule for a request in the FCP estimate (see the header).
    const observedFcp = lhr.audits.metrics.details.items[0].observedFirstContentfulPaint;
    const blocking = lhr.audits['network-requests'].details.items
      .filter((item) => Object.values(prefixes).some((prefix) => new URL(item.url).pathname.startsWith(prefix)))
      .filter((item) => (item.priority === 'VeryHigh' || (item.priority === 'High' && item.resourceType === 'Script')) && item.networkEndTime <= observedFcp)
      .map((item) => new URL(item.url).pathname);
    return {
      fcp: lhr.audits['first-contentful-paint'].numericValue,
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      observedFcp,
      blocking,
      version: lhr.lighthouseVersion,
      userAgent: lhr.environment.hostUserAgent,
    };
  } finally {
    chrome.kill();
  }
}

const results = Object.fromEntries(variants.map((variant) => [variant, []]));
try {
  const others = variants.filter((variant) => variant !== 'none');
  for (let round = 0; round < RUNS; round += 1) {
    for (const variant of ['none', ...(round % 2 ? [...others].reverse() : others)]) results[variant].push(await audit(variant, round));
    process.stderr.write(`\rLighthouse: ${round + 1}/${RUNS} rounds`);
  }
  process.stderr.write('\n');
} finally {
  server.close();
}
const minutes = (Date.now() - started) / 60_000;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const cell = (values) => `${Math.round(median(values))} (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;
const ratio = (a, b) => (b === 0 ? '∞' : (a / b).toFixed(2));
const label = (variant) => ({ none: 'page alone', vanilla: `vanilla-cookieconsent ${vanillaVersion}` }[variant] ?? `${variant}: ${embedLabels[variant]}`);
const of = (variant, key) => results[variant].map((r) => r[key]);
const header = ['variant', 'estimated FCP median (min–max)', 'vs page alone', '/ vanilla', 'estimated LCP', 'observed FCP (unthrottled)', 'widget files blocking the estimate (runs)'];
const rows = variants.map((variant) => {
  const fcp = median(of(variant, 'fcp'));
  const counts = new Map();
  for (const path of of(variant, 'blocking').flat()) counts.set(path, (counts.get(path) ?? 0) + 1);
  return [
    label(variant),
    cell(of(variant, 'fcp')),
    `${fcp >= median(of('none', 'fcp')) ? '+' : ''}${Math.round(fcp - median(of('none', 'fcp')))} ms`,
    ratio(fcp, median(of('vanilla', 'fcp'))),
    cell(of(variant, 'lcp')),
    cell(of(variant, 'observedFcp')),
    counts.size ? [...counts].map(([path, count]) => `${path} (${count}/${RUNS})`).join(', ') : 'none',
  ];
});
const date = new Date().toISOString();
const environment = [
  `date ${date}`,
  `Lighthouse ${results.none[0].version}, default config (mobile, simulated throttling), performance category`,
  `${results.none[0].userAgent}`,
  `CPU ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory`,
  `node ${process.version}`,
  `${RUNS} runs per variant; took ${minutes.toFixed(1)} min`,
];
const title = 'Lighthouse: estimated mobile first contentful paint (ms)';
if (MARKDOWN) {
  console.log(`## ${title}, ${date.slice(0, 10)}\n`);
  console.log(`${environment.map((line) => `- ${line}`).join('\n')}\n`);
  console.log(`| ${header.join(' | ')} |\n|---|${header.slice(1).map(() => '---:|').join('')}`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
} else {
  console.log(`${title}\n${environment.map((line) => `  ${line}`).join('\n')}\n`);
  const plainRows = rows.map((row) => row.map((text) => text.replaceAll('`', '')));
  const widths = header.map((name, column) => Math.max(name.length, ...plainRows.map((row) => row[column].length)));
  const line = (cells) => `  ${cells.map((text, column) => (column ? text.padStart(widths[column]) : text.padEnd(widths[column]))).join('   ')}`;
  console.log(line(header));
  for (const row of plainRows) console.log(line(row));
}
