/**
 * A loopback Sentry ingest endpoint for the tests. The real @sentry/browser in
 * the page posts envelopes to `POST /api/<project>/envelope/?sentry_key=<key>`;
 * this records and decodes them (with the demo inbox's decoder: envelope items
 * split, `replay_recording` inflated with zlib, rrweb events parsed), and tests read them back with
 * `GET /__sentry/envelopes?key=<key>`. Each test uses its own public key, so
 * tests running side by side in different browsers never see each other's data.
 *
 * @typedef {import('koa').Middleware} Middleware
 * @typedef {import('../../demo/server/envelope.mjs').DecodedEnvelope} DecodedEnvelope
 */
import { decodeEnvelope } from '../../demo/server/envelope.mjs';

/** @type {Map<string, DecodedEnvelope[]>} */
const envelopesByKey = new Map();

/** Requests that reached a failing key (see below), by key. */
const attempts = new Map();

/** At most this many envelopes are kept per key: a runaway page cannot fill the memory. */
const MAX_ENVELOPES_PER_KEY = 500;

/** @param {import('node:http').IncomingMessage} request */
async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** @type {Middleware} */
export async function sentryEndpoint(ctx, next) {
  const envelopePath = /^\/api\/\d+\/envelope\/?$/;
  if (ctx.method === 'POST' && envelopePath.test(ctx.path)) {
    const key = String(ctx.query.sentry_key ?? 'unknown');
    // Failing servers, chosen by the key: s429… (rate limited), s500… (broken), slow… (3 s per answer).
    const failure = /^s(429|500)/.exec(key);
    if (failure || key.startsWith('slow')) {
      attempts.set(key, (attempts.get(key) ?? 0) + 1);
      await readBody(ctx.req);
      if (key.startsWith('slow')) await new Promise((resolve) => setTimeout(resolve, 3000));
      if (failure) {
        ctx.status = Number(failure[1]);
        if (failure[1] === '429') ctx.set('Retry-After', '60');
        ctx.body = '{}';
        return;
      }
    }
    const body = await readBody(ctx.req);
    const list = envelopesByKey.get(key) ?? [];
    try {
      list.push(decodeEnvelope(body));
    } catch (error) {
      list.push({ receivedAt: Date.now(), header: { decodeError: String(error) }, items: [] });
    }
    envelopesByKey.set(key, list.slice(-MAX_ENVELOPES_PER_KEY));
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.body = '{}';
    return;
  }
  if (ctx.method === 'GET' && ctx.path === '/__sentry/attempts') {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { attempts: attempts.get(String(ctx.query.key)) ?? 0 };
    return;
  }
  if (ctx.method === 'GET' && ctx.path === '/__sentry/envelopes') {
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(envelopesByKey.get(String(ctx.query.key)) ?? []);
    return;
  }
  await next();
}
