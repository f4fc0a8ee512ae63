/**
 * What `npm run bench` and `npm run bench:lighthouse` share: consent-gate built
 * for the bench, the realistic page in its variants, and the server that sends
 * them (every response gzipped once and cached, so transfer sizes are real).
 *
 * Variants (the URL path is the variant's name):
 *
 *   none        no consent widget: the baseline,
 *   cg          consent-gate as its README embeds it: config block + one module
 *               script in <head>, /consent-gate/consent-gate.js,
 *   vanilla     vanilla-cookieconsent as its docs set it up (stylesheet +
 *               module, /vanilla/*; its config, test/bench/vanilla/config.js,
 *               holds the same categories and English texts as consent-gate's
 *               defaults),
 *   cg-async    cg with `async` on the module script,
 *   cg-low      cg with `fetchpriority="low"` on the module script,
 *   cg-body     cg with the module script at the end of <body> (config block
 *               still in <head>),
 *   cg-preload  cg plus `<link rel="modulepreload">` in <head>, before the
 *               script, for each file a first visit fetches besides the entry.
 *               Which files those are is found by loading `cg` once
 *               (`discoverFirstVisitFiles`), never assumed: call
 *               `server.setPreloads(files)` before the variant is requested,
 *   cg-low-preload  cg-preload with `fetchpriority="low"` on the script and on
 *               each modulepreload.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { serveLocally } from './local.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const vanillaConfig = fileURLToPath(new URL('./vanilla/config.js', import.meta.url));
const vanillaDist = join(root, 'node_modules/vanilla-cookieconsent/dist/');
export const vanillaVersion = JSON.parse(readFileSync(join(root, 'node_modules/vanilla-cookieconsent/package.json'), 'utf8')).version;

/** The URL prefix of each widget's files. */
export const prefixes = { cg: '/consent-gate/', vanilla: '/vanilla/' };
/** The widget a variant carries: 'cg', 'vanilla' or null. */
export const widgetOf = (variant) => (variant === 'none' ? null : variant.startsWith('cg') ? 'cg' : 'vanilla');
/** The file a site's script tag names: the one file the bench may know by name. */
export const ENTRY = 'consent-gate.js';

/** consent-gate: a fresh build in a temporary directory, or an existing one (BENCH_DIST=dist). Returns its directory. */
export async function buildConsentGate() {
  const tmpBuild = process.env.BENCH_DIST ? null : mkdtempSync(join(os.tmpdir(), 'consent-gate-bench-'));
  if (tmpBuild) process.on('exit', () => rmSync(tmpBuild, { recursive: true, force: true }));
  const cgDir = `${tmpBuild ?? resolve(root, process.env.BENCH_DIST)}/`;
  if (tmpBuild) await build({ logLevel: 'warn', build: { outDir: tmpBuild, emptyOutDir: true } });
  if (!existsSync(join(cgDir, ENTRY))) throw new Error(`BENCH_DIST: no ${ENTRY} in ${cgDir}`);
  return cgDir;
}

// The page: the same HTML in all variants, only the widget's tags and footer link differ.
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
const cgConfig = '<script type="application/json" id="consent-gate-config">{ "policyUrl": "/privacy" }</script>';
const cgScript = (attributes = '') => `<script type="module"${attributes} src="${prefixes.cg}${ENTRY}"></script>`;
const cgPreferences = '<a href="#consent-preferences" data-consent-preferences>Preferences</a>';
const modulepreloads = (files, attributes = '') => files.map((file) => `<link rel="modulepreload"${attributes} href="${prefixes.cg}${file}">\n`).join('');
/** Each variant's tags: `head` at the end of <head>, `body` at the end of <body>, the footer's preferences link. */
const widgets = {
  none: { head: '', preferences: '' },
  cg: { head: `${cgConfig}\n${cgScript()}`, preferences: cgPreferences },
  vanilla: {
    head: `<link rel="stylesheet" href="/vanilla/cookieconsent.css">
<script type="module" src="/vanilla/config.js"></script>`,
    preferences: '<a href="#" data-cc="show-preferencesModal">Preferences</a>',
  },
  'cg-async': { head: `${cgConfig}\n${cgScript(' async')}`, preferences: cgPreferences },
  'cg-low': { head: `${cgConfig}\n${cgScript(' fetchpriority="low"')}`, preferences: cgPreferences },
  'cg-body': { head: cgConfig, body: cgScript(), preferences: cgPreferences },
  'cg-preload': { head: ({ preloads }) => `${cgConfig}\n${modulepreloads(preloads)}${cgScript()}`, preferences: cgPreferences },
  'cg-low-preload': {
    head: ({ preloads }) => `${cgConfig}\n${modulepreloads(preloads, ' fetchpriority="low"')}${cgScript(' fetchpriority="low"')}`,
    preferences: cgPreferences,
  },
};
export const variants = Object.keys(widgets);
/** How each consent-gate embed reads in a table (Markdown: code in backticks, which plain text drops). */
export const embedLabels = {
  cg: '`<script type="module" src>` in `<head>` (as the README embeds it)',
  'cg-async': 'the same with `async`',
  'cg-low': 'the same with `fetchpriority="low"`',
  'cg-body': 'the script at the end of `<body>`',
  'cg-preload': 'the README embed + `modulepreload` of the first visit\'s other files',
  'cg-low-preload': 'cg-preload with `fetchpriority="low"` on the script and the preloads',
};

const page = ({ head, body = '', preferences }, state) => `<!doctype html>
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
${typeof head === 'function' ? head(state) : head}
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
${body}</body></html>`;

/** A file of `dir` for a URL path below `prefix`, or undefined outside it. */
const fileIn = (dir, prefix, path) => {
  const file = normalize(join(dir, path.slice(prefix.length)));
  return path.startsWith(prefix) && file.startsWith(dir) ? file : undefined;
};

/**
 * Serves the page variants and the widgets' files on 127.0.0.1, each response
 * gzipped once (level 9, as `npm run size` counts) and cached. Returns the
 * origin, close() and setPreloads(files) for the cg-preload variant.
 */
export async function serveBenchPages(cgDir) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
  const cache = new Map();
  const gzipped = (key, type, read) => {
    if (!cache.has(key)) cache.set(key, { type, body: gzipSync(read(), { level: 9 }) });
    return cache.get(key);
  };
  const state = { preloads: null };
  const server = await serveLocally((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]);
    const variant = path.slice(1);
    if (variant.endsWith('preload') && !state.preloads) throw new Error('cg-preload requested before setPreloads()');
    // Under /vanilla/: the bench's config module, else the package's dist/ files.
    const file = path === '/vanilla/config.js' ? vanillaConfig
      : fileIn(cgDir, prefixes.cg, path) ?? fileIn(vanillaDist, prefixes.vanilla, path);
    const { type, body } = Object.hasOwn(widgets, variant)
      ? gzipped(path, types['.html'], () => page(widgets[variant], state))
      : gzipped(path, types[extname(file ?? '')] ?? 'application/octet-stream', () => readFileSync(file));
    response.setHeader('Content-Type', type);
    response.setHeader('Content-Encoding', 'gzip');
    response.end(body);
  });
  return {
    ...server,
    setPreloads(files) {
      state.preloads = [...files];
    },
  };
}

/**
 * The files of /consent-gate/ a first visit fetches besides the entry, found by
 * loading `cg` once in a fresh context (no throttling): everything requested
 * until Accept all is visible, the page has loaded and 2 s have passed (the
 * bench's snapshot). Sorted by name.
 */
export async function discoverFirstVisitFiles(browser, origin) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const files = new Set();
    tab.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith(prefixes.cg)) files.add(path.slice(prefixes.cg.length));
    });
    await tab.goto(`${origin}/cg`);
    await tab.getByRole('button', { name: 'Accept all', exact: true }).waitFor({ timeout: 30_000 });
    await tab.waitForFunction(() => {
      const load = performance.getEntriesByType('navigation')[0]?.loadEventEnd;
      return load > 0 && performance.now() >= load + 2000;
    }, null, { polling: 100, timeout: 60_000 });
    if (!files.has(ENTRY)) throw new Error(`the first visit did not fetch ${ENTRY}`);
    files.delete(ENTRY);
    return [...files].sort();
  } finally {
    await context.close();
  }
}
