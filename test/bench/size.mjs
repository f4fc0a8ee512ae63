/**
 * `npm run size`: what a visitor's browser downloads from dist/, measured in a
 * real browser on a plain English page without Sentry (PRODUCT.md "Budgets"):
 *
 *   first visit      no choice stored: the core and what it fetches for the
 *                    banner (the UI chunk), until the page is quiet;
 *   dialog           what opening Preferences adds (counted apart, when a
 *                    visitor asks for it);
 *   Accept all       what the choice fetches (the consent record's code);
 *   returning visit  a valid choice stored (Accept all), a fresh cache: all the
 *                    page fetches from dist/.
 *
 * Every file fetched from dist/ is gzipped (level 9) and listed with the step
 * that fetched it. Exits non-zero when the first visit is over 16,000 B or the
 * returning visit over 8,192 B.
 */
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchChromium, serveLocally } from './local.mjs';

const BUDGETS = { 'first visit': 16_000, 'returning visit': 8192 };
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

const browser = await launchChromium('npm run size');
/** [file, step] in the order fetched, per step. */
const fetched = [];
let step = 'first visit';
const watch = (tab) =>
  tab.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/consent-gate/')) fetched.push([url.pathname.slice('/consent-gate/'.length), step]);
  });
const banner = (tab) => tab.getByRole('region', { name: 'Privacy' }).getByRole('button', { name: 'Accept all' });
try {
  const first = await browser.newContext();
  const tab = await first.newPage();
  watch(tab);
  await tab.goto(server.origin);
  await banner(tab).waitFor();
  await tab.waitForTimeout(1500);
  step = 'dialog';
  await tab.getByRole('button', { name: 'Preferences' }).first().click();
  await tab.getByRole('dialog', { name: 'Privacy preferences' }).waitFor();
  await tab.keyboard.press('Escape');
  await tab.waitForTimeout(1000);
  step = 'Accept all';
  await tab.getByRole('button', { name: 'Accept all' }).first().click();
  await tab.waitForFunction(() => window.consentGate?.get() !== null);
  await tab.waitForTimeout(1000);
  // The returning visit: the same profile (its consent cookie), an empty cache.
  const cdp = await first.newCDPSession(tab);
  await cdp.send('Network.clearBrowserCache');
  const again = await first.newPage();
  step = 'returning visit';
  watch(again);
  await again.goto(server.origin);
  await again.waitForFunction(() => window.consentGate?.get() !== null);
  await again.waitForTimeout(1500);
  if (await banner(again).isVisible()) throw new Error('the returning visit shows the banner: the stored choice was not read');
  await first.close();
} finally {
  await browser.close();
  server.close();
}

const gzipped = new Map();
const bytes = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  return gzipped.get(file);
};
const kb = (value) => `${value.toLocaleString('en')} B`;
console.log('Downloaded from dist/ (English, no Sentry), gzip -9:');
let over = false;
for (const name of ['first visit', 'dialog', 'Accept all', 'returning visit']) {
  const files = [...new Set(fetched.filter(([, when]) => when === name).map(([file]) => file))];
  const total = files.reduce((sum, file) => sum + bytes(file), 0);
  const budget = BUDGETS[name];
  const verdict = budget === undefined ? '(counted apart)' : `budget ${kb(budget)}   ${total <= budget ? 'OK' : 'OVER BUDGET'}`;
  over ||= budget !== undefined && total > budget;
  console.log(`  ${name}`);
  for (const file of files) console.log(`    ${file.padEnd(40)} ${kb(bytes(file)).padStart(9)}`);
  console.log(`    ${'total'.padEnd(40)} ${kb(total).padStart(9)}   ${verdict}`);
}
process.exitCode = over ? 1 : 0;
