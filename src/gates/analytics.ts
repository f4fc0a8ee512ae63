/**
 * Built-in cookieless analytics, compatible with Plausible: pageviews and the
 * site's `plausible('Signup', { props })` calls (including the queue of
 * Plausible's snippet) are posted to the configured endpoint, only while the
 * analytics category is granted. The sender is a lazy chunk, fetched on the
 * first grant. Calls made while not granted are dropped, not kept for later:
 * they happened without consent. After a withdrawal nothing more leaves the page.
 */
import type { ConsentStore } from '../consent/store.js';
import type { Gate } from './gate.js';
import type { AnalyticsClient, PlausibleCall } from './analytics-client.js';

type PlausibleWindow = Window & { plausible?: ((...args: PlausibleCall) => void) & { q?: PlausibleCall[] } };

export function createAnalyticsGate(store: ConsentStore, report: (message: string) => void): Gate | null {
  const config = store.config.analytics;
  if (!config) return null;
  const page = window as PlausibleWindow;
  const pending: PlausibleCall[] = [];
  /** Stands in while the sender loads or while not granted: keeps granted calls, drops the rest. */
  const stub = (...args: PlausibleCall): void => {
    if (store.has(config.category)) pending.push(args);
    // Dropped, but a callback still runs, as Plausible's script does: a site's
    // outbound-link handler navigates in it.
    else if (typeof args[1]?.callback === 'function') (args[1].callback as () => void)();
  };
  // Calls queued before this gate arrived (Plausible's snippet) count only if
  // consent was given before this page view.
  const queued = Array.isArray(page.plausible?.q) ? [...page.plausible.q] : [];
  page.plausible = stub;
  for (const call of queued) stub(...call);
  let client: Promise<AnalyticsClient> | null = null;
  let generation = 0;

  return {
    name: 'analytics',
    async follow(state) {
      const current = ++generation;
      if (state?.categories[config.category] === true) {
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
