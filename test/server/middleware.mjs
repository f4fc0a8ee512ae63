/**
 * Koa middleware for the @web/test-runner dev server.
 *
 * `web-test-runner.config.mjs` spreads this array into its `middleware`
 * option, so tests that need a fake backend (e.g. an endpoint that echoes the
 * cookies a request carried, or a stand-in for an analytics/Sentry ingest URL)
 * get it by adding an entry here instead of editing the runner config.
 *
 * Each entry has the Koa signature `(ctx, next) => Promise<void>`. Answer only
 * the paths you own and `await next()` for everything else, so the dev server
 * can keep serving the test files themselves. Keep endpoints under `/__*` so
 * they cannot collide with project files.
 *
 * @typedef {import('koa').Middleware} Middleware
 */
import { sentryEndpoint } from './sentry-endpoint.mjs';

/**
 * Health check: `GET /__ping` answers `pong`. The harness sanity test fetches
 * it to prove that middleware registered here is actually mounted.
 *
 * @type {Middleware}
 */
async function ping(ctx, next) {
  if (ctx.method === 'GET' && ctx.path === '/__ping') {
    ctx.status = 200;
    ctx.type = 'text/plain';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = 'pong';
    return;
  }
  await next();
}

/**
 * Serves the built `dist/` under any prefix ending in `/consent-gate/`, e.g.
 * `/vendor/some/prefix/consent-gate/consent-gate.js` → `/dist/consent-gate.js`,
 * the way a site copies the folder anywhere. Proves chunk URLs resolve against
 * the entry's own URL, not the page's.
 *
 * @type {Middleware}
 */
async function distUnderAnyPrefix(ctx, next) {
  const match = /^\/vendor\/((?:[\w-]+\/)*)consent-gate\/([\w.-]+)$/.exec(ctx.path);
  if (match) {
    // Under a prefix with a `stalled-languages/` segment, language chunks hang
    // for 6 s, then fail: the widget must not wait that long for its texts.
    if (match[1].split('/').includes('stalled-languages') && /^(de|fr|es|it|nl|pl|pt|ar)-/.test(match[2])) {
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      ctx.status = 504;
      return;
    }
    ctx.path = `/dist/${match[2]}`;
  }
  await next();
}

/** @type {Middleware[]} */
export const middleware = [ping, distUnderAnyPrefix, sentryEndpoint];
