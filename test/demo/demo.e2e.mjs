/**
 * End-to-end test of the demo, the way a newcomer meets it: start the dev
 * server (`npm start`) and the preview server over the built dist/
 * (`npm run preview`), open the app page in real Chromium, click Accept all,
 * type into the form, and see a consent record and masked replay segments
 * arrive in the inbox (no page text unmasked). Then reject, and see nothing
 * more arrive. Run by `npm test` after the browser tests (dist/ is built by
 * `pretest`).
 */
import assert from 'node:assert/strict';
import { chromium } from 'playwright';
import { createServer, preview } from 'vite';
import { discoverBrowsers } from '../runner/browsers.mjs';
import { sleep, waitFor } from '../runner/wait.mjs';

const chromiumFound = discoverBrowsers({ ...process.env, BROWSERS: 'chromium' }).found[0];
if (!chromiumFound) {
  if (process.env.CI) throw new Error('demo e2e: no Chromium found');
  console.log('demo e2e: skipped, no Chromium');
  process.exit(0);
}

/** Runs the journey against a server at `origin`; returns what the inbox saw. */
async function journey(browser, origin, name) {
  const inbox = async () => (await fetch(`${origin}/inbox/data`)).json();
  const before = await inbox();
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${origin}/`);
  await page.getByRole('region', { name: 'Privacy' }).getByRole('button', { name: 'Accept all' }).click();
  await page.fill('input[name="name"]', 'Typed by the e2e test');
  const consent = await waitFor(async () => {
    const data = await inbox();
    return data.consent.length > before.consent.length && data.consent.at(-1);
  }, `${name}: the consent record`);
  assert.deepEqual(consent.record.granted, ['necessary', 'analytics', 'replay', 'marketing']);
  assert.match(consent.record.textHash, /^[0-9a-f]{64}$/);
  const replays = await waitFor(async () => {
    const data = await inbox();
    const fresh = data.replays.slice(before.replays.length);
    return fresh.length > 0 && fresh;
  }, `${name}: a replay segment`);
  // Wait for the segment that holds the typing, then check none leaked anything.
  await page.mouse.click(10, 10);
  await waitFor(async () => (await inbox()).replays.length - before.replays.length >= 2, `${name}: a second replay segment`, 30_000);
  const segments = (await inbox()).replays.slice(before.replays.length);
  for (const segment of segments) assert.deepEqual(segment.unmasked, [], `${name}: unmasked text in segment ${segment.segment}`);
  assert.ok(replays.some((segment) => segment.events > 0), `${name}: replay events`);
  await waitFor(async () => (await page.textContent('#replay-indicator'))?.includes('recording'), `${name}: the live indicator`);

  await page.evaluate(() => window.consentGate.rejectAll());
  await sleep(1500);
  const afterReject = (await inbox()).replays.length;
  await page.fill('input[name="name"]', 'After withdrawal');
  await page.mouse.click(10, 10);
  await sleep(7000);
  assert.equal((await inbox()).replays.length, afterReject, `${name}: replay sent after withdrawal`);
  assert.equal(await page.textContent('#replay-indicator'), 'off');
  assert.deepEqual(pageErrors, []);
  await context.close();
  console.log(`demo e2e (${name}): consent record ${consent.record.id}, ${segments.length} masked replay segment(s) checked, nothing after withdrawal`);
}

const browser = await chromium.launch({
  ...(chromiumFound.executablePath ? { executablePath: chromiumFound.executablePath } : {}),
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
});
const dev = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
try {
  await dev.listen();
  await journey(browser, `http://127.0.0.1:${dev.httpServer.address().port}`, 'npm start');
  const built = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  try {
    await journey(browser, `http://127.0.0.1:${built.httpServer.address().port}`, 'npm run preview (dist/)');
  } finally {
    await built.close();
  }
} finally {
  await dev.close();
  await browser.close();
}
