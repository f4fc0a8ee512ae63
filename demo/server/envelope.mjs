/**
 * Decodes Sentry envelopes as @sentry/browser sends them: the header line, then
 * items; `replay_recording` items are inflated (zlib) and their rrweb events
 * parsed. Used by the demo's inbox and by the tests' loopback endpoint.
 *
 * @typedef {{ header: Record<string, unknown>, payload: unknown, raw: string,
 *   recording?: { header: Record<string, unknown>, compressed: boolean, events: unknown[] } }} DecodedItem
 * @typedef {{ receivedAt: number, header: Record<string, unknown>, items: DecodedItem[] }} DecodedEnvelope
 */
import { inflateSync } from 'node:zlib';

/**
 * Splits an envelope into its header and items. Items with a `length` are read
 * by byte count (replay recordings are binary); others end at a newline.
 *
 * @param {Buffer} body
 * @returns {{ header: Record<string, unknown>, items: { header: Record<string, unknown>, body: Buffer }[] }}
 */
export function splitEnvelope(body) {
  let offset = 0;
  const readLine = () => {
    const end = body.indexOf(0x0a, offset);
    const line = body.subarray(offset, end < 0 ? body.length : end);
    offset = end < 0 ? body.length : end + 1;
    return line;
  };
  const header = JSON.parse(readLine().toString('utf8'));
  const items = [];
  while (offset < body.length) {
    const line = readLine();
    if (line.length === 0) continue;
    const itemHeader = JSON.parse(line.toString('utf8'));
    let itemBody;
    if (typeof itemHeader.length === 'number') {
      itemBody = body.subarray(offset, offset + itemHeader.length);
      offset += itemHeader.length;
      if (body[offset] === 0x0a) offset += 1;
    } else {
      itemBody = readLine();
    }
    items.push({ header: itemHeader, body: itemBody });
  }
  return { header, items };
}

/**
 * A replay recording is `{"segment_id":N}\n` followed by the rrweb events as
 * JSON, zlib-deflated when the compression worker ran.
 *
 * @param {Buffer} body
 */
export function decodeRecording(body) {
  const newline = body.indexOf(0x0a);
  const header = JSON.parse(body.subarray(0, newline).toString('utf8'));
  const rest = body.subarray(newline + 1);
  const compressed = rest[0] === 0x78; // zlib header
  const json = compressed ? inflateSync(rest).toString('utf8') : rest.toString('utf8');
  return { header, compressed, events: JSON.parse(json) };
}

/** @param {Buffer} body @returns {DecodedEnvelope} */
export function decodeEnvelope(body) {
  const { header, items } = splitEnvelope(body);
  return {
    receivedAt: Date.now(),
    header,
    items: items.map((item) => {
      if (item.header.type === 'replay_recording') {
        const recording = decodeRecording(item.body);
        return { header: item.header, payload: null, raw: JSON.stringify(recording.events), recording };
      }
      const raw = item.body.toString('utf8');
      let payload = null;
      try {
        payload = JSON.parse(raw);
      } catch {
        // not JSON (attachments); keep the raw text only
      }
      return { header: item.header, payload, raw };
    }),
  };
}

