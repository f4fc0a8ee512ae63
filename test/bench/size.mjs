/**
 * `npm run size`: what a visitor's browser downloads from dist/ before a
 * choice, on a page without Sentry, measured in a real browser: the built
 * widget is served with a plain English page, the banner is shown and the
 * preferences dialog opened and closed (its code is a chunk fetched on the
 * way); every file fetched from dist/ is gzipped (level 9) and listed, with
 * the step that fetched it, and the total against the 12 KB budget.
 * Exits non-zero over budget.
 */
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchChromium, serveLocally } from './local.mjs';

const BUDGET = 12 * 1024;
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

await build({ logLevel: 'warn' });

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>size</title>
<script type="application/json" id="consent-gate-config">{ "policyUrl": "/privacy" }</script>
<script type="module" src="/consent-gate/consent-gate.js"></script></head>
<body><main><h1>A page</h1><p>Text.</p></main><footer><a href="#consent-preferences" data-consent-preferences>Preferences</a></footer></body></html>`;

const server = await serveLocally((request, response) => {
  const path = decodeURIComponent((request.url ?? '/').split('?')[0]);
  if (path === '/') {
    response.setHeader('Content-Type', 'text/html');
    return response.end(page);
  }
  const file = normalize(join(dist, path.replace(/^\/consent-gate\//, '')));
  if (!path.startsWith('/consent-gate/') || !file.startsWith(dist)) throw new Error('not a file of dist/');
  const body = readFileSync(file);
  response.setHeader('Content-Type', extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream');
  response.end(body);
});
const { origin } = server;

const browser = await launchChromium('npm run size');
/** File → the step that first fetched it. */
const fetched = new Map();
let step = 'page load';
try {
  const tab = await browser.newPage();
  tab.on('request', (request) => {
    const url = new URL(request.url());
    const file = url.pathname.slice('/consent-gate/'.length);
    if (url.pathname.startsWith('/consent-gate/') && !fetched.has(file)) fetched.set(file, step);
  });
  await tab.goto(origin);
  await tab.getByRole('region', { name: 'Privacy' }).getByRole('button', { name: 'Accept all' }).waitFor();
  await tab.waitForTimeout(1500);
  step = 'Preferences';
  await tab.getByRole('button', { name: 'Preferences' }).first().click();
  await tab.getByRole('dialog', { name: 'Privacy preferences' }).waitFor();
  await tab.keyboard.press('Escape');
  await tab.waitForTimeout(1500);
} finally {
  await browser.close();
  server.close();
}

const rows = [...fetched].map(([file, when]) => [file, when, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length]);
const total = rows.reduce((sum, [, , size]) => sum + size, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log('Downloaded from dist/ before a choice (no Sentry, English), gzip -9:');
for (const [file, when, size] of rows) console.log(`  ${file.padEnd(40)} ${kb(size).padStart(9)}   ${when}`);
console.log(`  ${'total'.padEnd(40)} ${kb(total).padStart(9)}   budget ${kb(BUDGET)}   ${total <= BUDGET ? 'OK' : 'OVER BUDGET'}`);
process.exitCode = total <= BUDGET ? 0 : 1;
