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

/** Sends per record (the first one included) before it is dropped. */
export const MAX_ATTEMPTS = 5;
/** Records waiting at most; the oldest go first. */
const MAX_PENDING = 20;

interface Pending {
  record: ConsentRecord;
  attempts: number;
}

export interface ConsentLog extends Gate {
  /** The latest record of this visitor's choice, if this browser made or kept one. */
  latest(): ConsentRecord | null;
}

function readJson<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Blocked storage: the record lives for this page view only.
  }
}

export function createConsentLogGate(
  store: ConsentStore,
  shown: () => Promise<ShownTexts>,
  report: (message: string) => void,
): ConsentLog {
  const url = store.config.consentLog?.url ?? null;
  const recordKey = `consent-gate:record:${store.config.cookie.name}`;
  const pendingKey = `consent-gate:pending:${store.config.cookie.name}`;
  let latest: ConsentRecord | null = readJson<ConsentRecord | null>(recordKey, null);

  /** Posts one record; true when the server took it (2xx). */
  const send = async (record: ConsentRecord): Promise<boolean> => {
    try {
      const response = await fetch(url!, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(record),
        keepalive: true,
        credentials: 'same-origin',
      });
      return response.ok;
    } catch {
      return false;
    }
  };

  const deliver = async (entries: Pending[]): Promise<void> => {
    const failed: Pending[] = [];
    for (const entry of entries) {
      entry.attempts++;
      if (await send(entry.record)) continue;
      if (entry.attempts < MAX_ATTEMPTS) failed.push(entry);
      else report(`consent record ${entry.record.id} could not be sent to consentLog.url after ${MAX_ATTEMPTS} attempts; dropped`);
    }
    // Records queued meanwhile by another tab or a newer choice stay too.
    const queued = readJson<Pending[]>(pendingKey, []).filter((entry) => !entries.some((e) => e.record === entry.record || sameRecord(e, entry)));
    writeJson(pendingKey, [...queued, ...failed].slice(-MAX_PENDING));
  };

  if (url) {
    const waiting = readJson<Pending[]>(pendingKey, []);
    if (Array.isArray(waiting) && waiting.length > 0) {
      // Retries wait until the page is idle (or 2 s), so they never compete with its own start.
      const retry = () => void deliver(waiting.filter((entry) => entry && typeof entry.attempts === 'number' && entry.record));
      if ('requestIdleCallback' in window) requestIdleCallback(retry, { timeout: 2000 });
      else setTimeout(retry, 1000);
    }
  }

  return {
    name: 'consent log',
    latest: () => (latest && store.state?.id === latest.id && store.state.updatedAt === latest.timestamp ? latest : null),
    async follow(state, source) {
      if (source !== 'local' || !state) return;
      const { createRecord } = await import('../consent/record.js');
      const record = await createRecord(state, await shown());
      latest = record;
      writeJson(recordKey, record);
      if (!url) return;
      const entry: Pending = { record, attempts: 0 };
      writeJson(pendingKey, [...readJson<Pending[]>(pendingKey, []), entry].slice(-MAX_PENDING));
      // Not awaited: the change event does not wait for the network.
      void deliver([entry]);
    },
  };
}

function sameRecord(a: Pending, b: Pending): boolean {
  return a.record.id === b.record.id && a.record.timestamp === b.record.timestamp;
}
