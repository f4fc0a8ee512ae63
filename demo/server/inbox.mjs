/**
 * The demo's stand-in for a Sentry account and a consent-log server, mounted
 * on vite's dev and preview servers (loopback only):
 *
 *   POST /inbox/api/<project>/envelope/   Sentry envelopes (the demo DSN is
 *                                          http://demo@<host>/inbox/1)
 *   POST /inbox/consent                    consent records (config consentLog.url),
 *                                          also appended to demo/.inbox/consent-records.ndjson
 *   GET  /inbox/data                       what arrived, decoded, for demo/inbox.html
 *
 * Replay segments are checked for page text that reached the recording
 * unmasked: rrweb writes masked text as `*`, so any other letter in a text
 * node (outside <style>) is reported.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeEnvelope } from './envelope.mjs';

const NDJSON = fileURLToPath(new URL('../.inbox/consent-records.ndjson', import.meta.url));
const MAX_ITEMS = 300;

/** @param {import('node:http').IncomingMessage} request */
async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Text of rrweb nodes that is not masked: every text node (full snapshots and
 * mutations) whose text has a letter or digit, skipping style and script content.
 *
 * @param {unknown[]} events
 * @returns {string[]}
 */
export function unmaskedTexts(events) {
  const found = [];
  const visit = (node, parentTag) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 3 && typeof node.textContent === 'string' && !node.isStyle && !['style', 'script'].includes(parentTag)) {
      if (/[\p{L}\p{N}]/u.test(node.textContent)) found.push(node.textContent.trim().slice(0, 80));
    }
    for (const child of node.childNodes ?? []) visit(child, node.tagName ?? parentTag);
  };
  for (const event of events) {
    if (event?.type === 2) visit(event.data?.node, '');
    if (event?.type === 3 && event.data?.source === 0) {
      for (const add of event.data.adds ?? []) visit(add.node, '');
      for (const text of event.data.texts ?? []) {
        if (typeof text.value === 'string' && /[\p{L}\p{N}]/u.test(text.value)) found.push(text.value.trim().slice(0, 80));
      }
    }
  }
  return found;
}

/** A vite plugin serving the inbox on the dev server (`npm start`) and the preview server. */
export function inboxPlugin() {
  const inbox = { errors: [], replays: [], consent: [], envelopes: 0 };
  const keep = (list, item) => {
    list.push(item);
    if (list.length > MAX_ITEMS) list.shift();
  };

  /** @type {import('connect').NextHandleFunction} */
  const handle = async (request, response, next) => {
    const path = (request.url ?? '').split('?')[0];
    const answer = (status, body) => {
      response.statusCode = status;
      response.setHeader('Content-Type', 'application/json');
      response.setHeader('Cache-Control', 'no-store');
      response.end(body === undefined ? '' : JSON.stringify(body));
    };
    try {
      if (request.method === 'POST' && /^\/inbox\/api\/\d+\/envelope\/?$/.test(path)) {
        const envelope = decodeEnvelope(await readBody(request));
        inbox.envelopes++;
        for (const item of envelope.items) {
          const type = item.header.type;
          if (type === 'event') {
            const exception = item.payload?.exception?.values?.[0];
            keep(inbox.errors, { receivedAt: envelope.receivedAt, message: exception ? `${exception.type}: ${exception.value}` : item.payload?.message ?? '(no message)' });
          } else if (type === 'replay_recording') {
            const events = item.recording.events;
            keep(inbox.replays, {
              receivedAt: envelope.receivedAt,
              replayId: envelope.header.event_id ?? null,
              segment: item.recording.header.segment_id,
              events: events.length,
              compressed: item.recording.compressed,
              unmasked: unmaskedTexts(events),
            });
          }
        }
        return answer(200, {});
      }
      if (request.method === 'POST' && path === '/inbox/consent') {
        const record = JSON.parse((await readBody(request)).toString('utf8'));
        keep(inbox.consent, { receivedAt: Date.now(), record });
        mkdirSync(fileURLToPath(new URL('../.inbox/', import.meta.url)), { recursive: true });
        appendFileSync(NDJSON, `${JSON.stringify(record)}\n`);
        return answer(204);
      }
      if (request.method === 'GET' && path === '/inbox/data') return answer(200, inbox);
    } catch (error) {
      return answer(400, { error: String(error) });
    }
    next();
  };

  return {
    name: 'consent-gate:demo-inbox',
    configureServer(server) {
      server.middlewares.use(handle);
    },
    configurePreviewServer(server) {
      server.middlewares.use(handle);
    },
  };
}
