/**
 * Consent log: every choice made in this tab becomes a consent record (see
 * `consent/record.ts`), kept in localStorage as the visitor's copy (what
 * `export()` gives back) and, with `consentLog.url` configured, POSTed as JSON
 * with `keepalive`. A send that fails is kept and retried on later page loads,
 * at most `MAX_ATTEMPTS` times, never in the way of the page. Storage that
 * throws (sandboxed frames, strict privacy modes) only means nothing is kept.
 */
import type { ConsentRecord, ShownTexts } from '../consent/record.js';
import type { ConsentStore } from '../consent/store.js';
import type { Gate } from './gate.js';
import { latestRecord, readJson, storageKeys, writeJson } from './consent-log-storage.js';

/** Sends per record (the first one included) before it is dropped. */
export const MAX_ATTEMPTS = 5;
/** Records waiting at most; the oldest go first. */
const MAX_PENDING = 20;
/** A send that has no answer by then counts as failed. */
const SEND_TIMEOUT_MS = 10_000;

interface Pending {
  record: ConsentRecord;
  attempts: number;
}

export interface ConsentLog extends Gate {
  /** The latest record of this visitor's choice, if this browser made or kept one. */
  latest(): ConsentRecord | null;
}

export function createConsentLogGate(
  store: ConsentStore,
  url: string | null,
  shown: () => Promise<ShownTexts>,
  report: (message: string) => void,
): ConsentLog {
  const { recordKey, pendingKey } = storageKeys(store);
  /** The record made in this tab (kept also where storage is blocked). */
  let latest: ConsentRecord | null = null;

  /** Posts one record; true when the server took it (2xx) within `SEND_TIMEOUT_MS`. */
  const send = async (record: ConsentRecord): Promise<boolean> => {
    try {
      const response = await fetch(url!, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(record),
        keepalive: true,
        credentials: 'same-origin',
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      return response.ok;
    } catch {
      return false;
    }
  };

  const stored = (): Pending[] => {
    const list = readJson<Pending[]>(pendingKey, []);
    return Array.isArray(list) ? list.filter((entry) => entry?.record && typeof entry.attempts === 'number') : [];
  };
  /** Replaces the stored copy of `entry` (matched by record) with `next`, or drops it. */
  const update = (entry: Pending, next: Pending | null): void => {
    const others = stored().filter((other) => !sameRecord(other, entry));
    writeJson(pendingKey, (next ? [...others, next] : others).slice(-MAX_PENDING));
  };

  /**
   * Sends each entry once. The attempt is counted in storage before the send,
   * so a page that closes mid-send (or a server that never answers) still uses
   * one of the attempts. Delivery is at least once: a send that reached the
   * server but whose answer was lost is sent again; servers dedupe on
   * (id, timestamp).
   */
  const deliver = async (entries: Pending[]): Promise<void> => {
    for (const entry of entries) {
      const counted = { record: entry.record, attempts: entry.attempts + 1 };
      update(entry, counted);
      if (await send(entry.record)) update(counted, null);
      else if (counted.attempts >= MAX_ATTEMPTS) {
        update(counted, null);
        report(`consent record ${entry.record.id} could not be sent to consentLog.url after ${MAX_ATTEMPTS} attempts; dropped`);
      }
    }
  };

  if (url) {
    if (stored().length > 0) {
      // Retries wait until the page is idle (or 2 s), so they never compete with its own start.
      const retry = () => void deliver(stored());
      if ('requestIdleCallback' in window) requestIdleCallback(retry, { timeout: 2000 });
      else setTimeout(retry, 1000);
    }
  }

  return {
    name: 'consent log',
    latest: () => latestRecord(store, latest),
    async follow(state, source) {
      if (source !== 'local' || !state) return;
      const { createRecord } = await import('../consent/record.js');
      const record = await createRecord(state, await shown());
      latest = record;
      writeJson(recordKey, record);
      if (!url) return;
      const entry: Pending = { record, attempts: 0 };
      // Not awaited: the change event does not wait for the network.
      void deliver([entry]);
    },
  };
}

function sameRecord(a: Pending, b: Pending): boolean {
  return a.record.id === b.record.id && a.record.timestamp === b.record.timestamp;
}
