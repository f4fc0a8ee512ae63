/**
 * The npm package as a site developer meets it: packed, installed into the
 * example apps under examples/, imported on a server, type-checked in strict
 * mode, and run in Chromium: React 19 under StrictMode, Vue under a strict CSP
 * and Svelte 5, in development and built (React and Svelte rendered on the
 * server and hydrated). Each app must show one banner,
 * print no console error or warning, run its gated script only after Accept
 * all, and send masked replay to the loopback Sentry endpoint (the demo's
 * inbox) only after it. Run by `npm test` (dist/ is built by `pretest`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright';
import { createServer, preview } from 'vite';
import { inboxPlugin } from '../../demo/server/inbox.mjs';
import { discoverBrowsers } from '../runner/browsers.mjs';
import { sleep, waitFor } from '../runner/wait.mjs';
import { examples, installPackedPackage, root } from './packed.mjs';

const chromiumFound = discoverBrowsers({ ...process.env, BROWSERS: 'chromium' }).found[0];
const tsc = join(root, 'node_modules', '.bin', 'tsc');
/** Runs `command` in `cwd`; fails the test with its output when it fails. */
function run(command, args, cwd, env = process.env) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env, timeout: 180_000 });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

let packedFiles = [];
before(() => {
  packedFiles = installPackedPackage();
});

describe('the packed package', () => {
  test('ships its types and the npm entry, and no sources of the widget', () => {
    assert.ok(packedFiles.includes('dist/npm/index.js'));
    assert.ok(packedFiles.includes('dist/types/index.d.ts'));
    assert.ok(packedFiles.includes('dist/types/elements.d.ts'));
    assert.deepEqual(packedFiles.filter((file) => /^src\/(?!scan\/)/.test(file)), []);
  });

  test('imports on a server (Node, no DOM) and starts nothing there', () => {
    // Run from an example's folder, so `consent-gate` resolves to the packed copy.
    const out = run(process.execPath, ['--input-type=module', '-e', `
      const resolved = import.meta.resolve('consent-gate');
      const { startConsentGate } = await import('consent-gate');
      const api = startConsentGate({ config: { placement: 'center' } });
      await api.acceptAll();
      console.log(JSON.stringify({ resolved, state: api.get(), analytics: api.has('analytics'), ready: await api.ready, window: typeof window }));
    `], join(examples, 'react'));
    const seen = JSON.parse(out);
    assert.match(seen.resolved, /\/examples\/node_modules\/consent-gate\/dist\/npm\/index\.js$/);
    assert.deepEqual({ ...seen, resolved: undefined }, { resolved: undefined, state: null, analytics: false, ready: null, window: 'undefined' });
  });

  test("a site's TypeScript type-checks in strict mode, and a wrong config fails it", () => {
    // consumer.ts marks each wrong config with @ts-expect-error: one that compiled would fail the check.
    for (const app of ['typecheck', 'react', 'vue', 'svelte']) {
      const files = run(tsc, ['-p', 'tsconfig.json', '--listFiles'], join(examples, app));
      // The packed copy's types, not the repository's own dist/ (a package can import itself by name).
      assert.match(files, /\/examples\/node_modules\/consent-gate\/dist\/types\/index\.d\.ts$/m, `${app}: the packed types`);
      assert.doesNotMatch(files, new RegExp(`^${root}dist/`, 'm'), `${app}: not the repository's dist/`);
    }
  });
});

/**
 * Opens `url` in a fresh profile and goes through a visit: one banner, nothing
 * gated before the choice, Accept all, the gated script once, masked replay.
 */
async function visit(browser, origin, { development = false, servedWorker = false } = {}) {
  const inbox = async () => (await fetch(`${origin}/inbox/data`)).json();
  const context = await browser.newContext();
  const page = await context.newPage();
  const said = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') said.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => said.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) said.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  try {
    await page.goto(`${origin}/`);
    const banner = page.getByRole('region', { name: 'Privacy' });
    await banner.getByRole('button', { name: 'Accept all' }).waitFor({ timeout: 20_000 });
    // StrictMode has run its effects twice by now; give a late second banner time to appear.
    await sleep(500);
    assert.equal(await page.locator('consent-gate, consent-gate-widget').count(), 1, 'one <consent-gate>');
    assert.equal(await page.getByRole('button', { name: 'Accept all' }).count(), 1, 'one banner');
    assert.equal(await page.evaluate(() => window.exampleAnalyticsRan ?? 0), 0, 'the gated script waits');
    await page.fill('input[name="name"]', 'Typed in the example');
    const before = await inbox();

    await banner.getByRole('button', { name: 'Accept all' }).click();
    await waitFor(() => page.evaluate(() => window.exampleAnalyticsRan === 1), 'the gated script');
    await waitFor(async () => (await page.textContent('#consent-state'))?.includes('Granted: necessary, analytics, replay'), "the app's consent state");
    assert.equal(await page.evaluate(() => typeof window.consentGate?.has), 'function', 'window.consentGate');
    // The declaration renders in the app's tree (server-rendered or not).
    await waitFor(() => page.evaluate(() => (document.querySelector('consent-gate-declaration')?.textContent ?? '').includes('Statistics')), 'the declaration');
    await page.fill('input[name="name"]', 'Typed after consent');
    await page.mouse.click(5, 5);
    const replays = await waitFor(async () => {
      const fresh = (await inbox()).replays.slice(before.replays.length);
      return fresh.length > 0 && fresh;
    }, 'a replay segment', 30_000);
    assert.ok(replays.some((segment) => segment.events > 0), 'replay events');
    for (const segment of replays) assert.deepEqual(segment.unmasked, [], `unmasked text in replay segment ${segment.segment}`);
    // Under the Vue app's CSP (no blob:), compression shows the worker the app served ran.
    if (servedWorker) assert.ok(replays.every((segment) => segment.compressed), 'compressed by the served worker');
    assert.equal(before.replays.length, 0, 'no replay before the choice');
    // Lit's development build says it is one, once; nothing else may be said.
    const expected = development ? [/^warning: Lit is in dev mode\. Not recommended for production!/] : [];
    assert.deepEqual(said.filter((line) => !expected.some((pattern) => pattern.test(line))), [], 'console errors and warnings');
    return { page, said };
  } finally {
    await context.close();
  }
}

describe('the example apps in Chromium', { skip: !chromiumFound && !process.env.CI && 'no Chromium', timeout: 600_000 }, () => {
  let browser;
  before(async () => {
    if (!chromiumFound) throw new Error('no Chromium found');
    browser = await chromium.launch({
      ...(chromiumFound.executablePath ? { executablePath: chromiumFound.executablePath } : {}),
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
  });
  after(() => browser?.close());

  /** The app's own vite config, with the loopback inbox added. */
  const serverOptions = (app) => ({
    root: join(examples, app),
    configFile: join(examples, app, 'vite.config.ts'),
    plugins: [inboxPlugin()],
    // The package was just unpacked again: never the pre-bundled copy of an earlier run.
    optimizeDeps: { force: true },
    server: { port: 0, host: '127.0.0.1' },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });

  const about = {
    react: 'StrictMode: effects run twice',
    vue: 'a strict CSP, the replay worker served by the app',
    svelte: 'started in onMount',
  };
  for (const app of ['react', 'vue', 'svelte']) {
    test(`${app} in development (${about[app]})`, async () => {
      const server = await createServer(serverOptions(app));
      try {
        await server.listen();
        await visit(browser, `http://127.0.0.1:${server.httpServer.address().port}`, { development: true, servedWorker: app === 'vue' });
      } finally {
        await server.close();
      }
    });
  }

  test('vue built for production (the replay worker emitted by Vite), under its strict CSP', async () => {
    run('npm', ['run', 'build', '--silent'], join(examples, 'vue'), { ...process.env, NODE_ENV: 'production' });
    const server = await preview(serverOptions('vue'));
    try {
      await visit(browser, `http://127.0.0.1:${server.httpServer.address().port}`, { servedWorker: true });
    } finally {
      await server.close();
    }
  });

  for (const [app, title, mountId] of [['react', 'React', 'root'], ['svelte', 'Svelte', 'app']]) {
    test(`${app} rendered on the server and hydrated (its npm run build)`, async () => {
      // (Vite's dev server, started above in this process, set NODE_ENV=development.)
      run('npm', ['run', 'build', '--silent'], join(examples, app), { ...process.env, NODE_ENV: 'production' });
      const server = await preview(serverOptions(app));
      try {
        const origin = `http://127.0.0.1:${server.httpServer.address().port}`;
        const html = await (await fetch(`${origin}/`)).text();
        // The server rendered the app (importing consent-gate there), not the browser.
        assert.match(html, new RegExp(`<div id="${mountId}">(<!--\\[-->)?<main><h1>consent-gate with ${title}</h1>`), 'the server rendered the app');
        assert.match(html, /<consent-gate-declaration><\/consent-gate-declaration>/);
        await visit(browser, origin);
      } finally {
        await server.close();
      }
    });
  }
});
