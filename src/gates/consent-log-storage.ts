/**
 * Where the consent log keeps its records in localStorage. Small and separate:
 * `export()` reads the visitor's record without the consent log's chunk.
 */
import type { ConsentRecord } from '../consent/record.js';
import type { ConsentStore } from '../consent/store.js';

export const storageKeys = (store: ConsentStore) => ({
  recordKey: `consent-gate:record:${store.config.cookie.name}`,
  pendingKey: `consent-gate:pending:${store.config.cookie.name}`,
});

export function readJson<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Blocked storage: the record lives for this page view only.
  }
}

/**
 * The record of the store's current choice: `known` (made in this tab), else the
 * stored one (another tab, an earlier visit); null when neither matches the choice.
 * Storage is read only when asked: start-up touches none.
 */
export function latestRecord(store: ConsentStore, known: ConsentRecord | null): ConsentRecord | null {
  const state = store.state;
  const record = known && known.timestamp === state?.updatedAt ? known : (readJson<ConsentRecord | null>(storageKeys(store).recordKey, null) ?? known);
  return record && state?.id === record.id && state.updatedAt === record.timestamp ? record : null;
}
