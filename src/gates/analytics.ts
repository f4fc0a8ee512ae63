/**
 * Built-in cookieless analytics, compatible with Plausible: pageviews and the
 * site's `plausible('Signup', { props })` calls (including the queue of
 * Plausible's snippet) are posted to the configured endpoint, only while the
 * analytics category is granted. The sender is a lazy chunk, fetched on the
 * first grant. Calls made while not granted are dropped, not kept for later:
 * they happened without consent. After a withdrawal nothing more leaves the page.
 */
import type { ConsentStore } from '../consent/store.js';
import type { AnalyticsConfig } from '../consent/types.js';
import type { Gate } from './gate.js';
import type { AnalyticsClient, PlausibleCall } from './analytics-client.js';
import { dropCall, type EarlyCall, type PlausibleWindow } from './analytics-early.js';

/** `config`: the `analytics` section; `early`: the calls made before this gate arrived (analytics-early.ts). */
export function createAnalyticsGate(store: ConsentStore, config: AnalyticsConfig, report: (message: string) => void, early: readonly EarlyCall[]): Gate {
  const page = window as PlausibleWindow;
  const pending: PlausibleCall[] = [];
  /** Stands in while the sender loads or while not granted: keeps granted calls, drops the rest. */
  const stub = (...args: PlausibleCall): void => {
    if (store.has(config.category)) pending.push(args);
    // Dropped, but a callback still runs, as Plausible's script does: a site's
    // outbound-link handler navigates in it.
    else dropCall(args);
  };
  page.plausible = stub;
  // An early call counts if it was made with consent and consent still stands.
  for (const { call, choice } of early) {
    if (choice?.categories[config.category] === true && store.has(config.category)) pending.push(call);
    else dropCall(call);
  }
  let client: Promise<AnalyticsClient> | null = null;
  let generation = 0;

  return {
    name: 'analytics',
    // Follows the store as it is now: calls handed on late (the gate is a chunk)
    // may carry an older state, which must not drop what the newer one granted.
    async follow() {
      const current = ++generation;
      if (store.has(config.category)) {
        client ??= import('./analytics-client.js').then((module) => module.createAnalyticsClient(config, report));
        const sender = await client;
        // A newer state (a quick withdrawal) wins.
        if (current === generation) sender.start(pending.splice(0));
      } else {
        pending.length = 0;
        page.plausible = stub;
        (await client)?.stop();
      }
    },
  };
}
