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
    // Under a `missing-chunks/` segment, the placeholder, declaration and dialog chunks are not found.
    if (match[1].split('/').includes('missing-chunks') && /^(consent-placeholder|consent-declaration|preferences-dialog)/.test(match[2])) {
      ctx.status = 404;
      return;
    }
    // Under a `no-sentry-gate/` segment, every Sentry chunk is missing (the gate never arrives).
    if (match[1].split('/').includes('no-sentry-gate') && /^sentry-/.test(match[2])) {
      ctx.status = 404;
      return;
    }
    // Under a `slow-gates/` segment, the analytics gate's chunk takes 1.5 s: time to act before it arrives.
    if (match[1].split('/').includes('slow-gates') && /^analytics-/.test(match[2])) {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    // Under a `slow-ui/` segment, the UI chunk takes 500 ms: what is fetched beside it shows in the timings.
    if (match[1].split('/').includes('slow-ui') && /^consent-gate-ui-/.test(match[2])) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    ctx.path = `/dist/${match[2]}`;
  }
  await next();
}

/** Events posted to the analytics endpoint, by the `domain` they name. */
const analyticsEvents = new Map();

/**
 * A Plausible-compatible Events API: `POST /__analytics/api/event` stores the
 * JSON body (sent as text/plain, as Plausible's script does) under its
 * `domain`; `GET /__analytics/events?domain=x` answers the list.
 *
 * @type {Middleware}
 */
async function analyticsEndpoint(ctx, next) {
  if (ctx.method === 'POST' && ctx.path === '/__analytics/api/event') {
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    let event;
    try {
      event = JSON.parse(text);
    } catch {
      ctx.status = 400;
      return;
    }
    const list = analyticsEvents.get(event.domain) ?? [];
    list.push({ ...event, contentType: ctx.get('content-type'), cookie: ctx.get('cookie'), receivedAt: Date.now() });
    analyticsEvents.set(event.domain, list);
    ctx.status = 202;
    ctx.body = {};
    return;
  }
  if (ctx.method === 'GET' && ctx.path === '/__analytics/events') {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = analyticsEvents.get(ctx.query.domain) ?? [];
    return;
  }
  await next();
}

/**
 * `GET /__slow-script?name=x&ms=300`: a classic script that pushes `name` onto
 * `window.__ran`, answered after `ms` milliseconds (for document-order tests).
 *
 * @type {Middleware}
 */
async function slowScript(ctx, next) {
  if (ctx.method === 'GET' && ctx.path === '/__slow-script') {
    await new Promise((resolve) => setTimeout(resolve, Math.min(Number(ctx.query.ms) || 0, 5000)));
    ctx.type = 'text/javascript';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = `(window.__ran = window.__ran || []).push(${JSON.stringify(String(ctx.query.name ?? ''))});`;
    return;
  }
  await next();
}

/**
 * The nonce test page gets its CSP as a response header, as sites send it:
 * only then do engines hide the nonce from getAttribute() ("nonce hiding"),
 * which is what a gate copying attributes would trip over.
 *
 * @type {Middleware}
 */
async function nonceHeader(ctx, next) {
  await next();
  if (ctx.path === '/test/fixtures/nonce-page.html') {
    ctx.set('Content-Security-Policy', "script-src 'self' 'nonce-t3st-n0nce'");
  }
}

/** Consent records by test key, and how many sends each key has refused so far. */
const consentRecords = new Map();
const refusals = new Map();

/**
 * A consent log endpoint: `POST /__consent-log/<key>` stores the JSON record;
 * with `?fail=N` the first N posts for that key answer 500 (a failing server).
 * `GET /__consent-log/<key>` answers what arrived, with request details.
 *
 * @type {Middleware}
 */
async function consentLogEndpoint(ctx, next) {
  const match = /^\/__consent-log\/([\w-]+)$/.exec(ctx.path);
  if (!match) return next();
  const key = match[1];
  ctx.set('Cache-Control', 'no-store');
  if (ctx.method === 'POST') {
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    const refused = refusals.get(key) ?? 0;
    if (refused < Number(ctx.query.fail ?? 0)) {
      refusals.set(key, refused + 1);
      ctx.status = 500;
      return;
    }
    const list = consentRecords.get(key) ?? [];
    list.push({ body: Buffer.concat(chunks).toString('utf8'), contentType: ctx.get('content-type') });
    consentRecords.set(key, list);
    ctx.status = 204;
    return;
  }
  ctx.body = { records: consentRecords.get(key) ?? [], refused: refusals.get(key) ?? 0 };
}

/**
 * `GET /__raw/dist/<file>`: a built file as it is on disk (the dev server would
 * run .ts and .d.ts files through esbuild), for tests that read the types.
 *
 * @type {Middleware}
 */
async function rawDist(ctx, next) {
  const match = /^\/__raw\/dist\/([\w./-]+)$/.exec(ctx.path);
  if (!match || match[1].includes('..')) return next();
  const { readFile } = await import('node:fs/promises');
  try {
    ctx.body = await readFile(new URL(`../../dist/${match[1]}`, import.meta.url), 'utf8');
    ctx.type = 'text/plain';
    ctx.set('Cache-Control', 'no-store');
  } catch {
    ctx.status = 404;
  }
}

/** @type {Middleware[]} */
export const middleware = [ping, rawDist, consentLogEndpoint, distUnderAnyPrefix, sentryEndpoint, analyticsEndpoint, slowScript, nonceHeader];
