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

/** Attributes that carry page text; the replay SDK masks them like text. */
const TEXT_ATTRIBUTES = ['value', 'placeholder', 'alt', 'title', 'aria-label', 'aria-description'];
const hasText = (value) => typeof value === 'string' && /[\p{L}\p{N}]/u.test(value);

/**
 * Page text in rrweb events that is not masked: text nodes (full snapshots and
 * mutations, style and script content aside), text attributes, and what was
 * typed into inputs. Masked text is all `*`, so any letter or digit is a leak.
 *
 * @param {unknown[]} events
 * @returns {string[]}
 */
export function unmaskedTexts(events) {
  const found = [];
  const note = (value) => found.push(String(value).trim().slice(0, 80));
  const checkAttributes = (attributes) => {
    for (const name of TEXT_ATTRIBUTES) if (hasText(attributes?.[name])) note(`${name}=${attributes[name]}`);
  };
  const visit = (node, parentTag) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 3 && !node.isStyle && !['style', 'script'].includes(parentTag) && hasText(node.textContent)) note(node.textContent);
    if (node.type === 2) checkAttributes(node.attributes);
    for (const child of node.childNodes ?? []) visit(child, node.tagName ?? parentTag);
  };
  for (const event of events) {
    if (event?.type === 2) visit(event.data?.node, '');
    if (event?.type !== 3) continue;
    const data = event.data ?? {};
    if (data.source === 0) {
      for (const add of data.adds ?? []) visit(add.node, '');
      for (const text of data.texts ?? []) if (hasText(text.value)) note(text.value);
      for (const change of data.attributes ?? []) checkAttributes(change.attributes);
    }
    if (data.source === 5 && hasText(data.text)) note(`input: ${data.text}`);
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
        // Delivery is at least once: a resent record is the same (id, timestamp).
        if (inbox.consent.some((entry) => entry.record.id === record.id && entry.record.timestamp === record.timestamp)) return answer(204);
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
