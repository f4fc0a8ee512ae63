/**
 * Google Consent Mode v2. When the script runs, synchronously, every mapped
 * consent type is set to denied with `gtag('consent', 'default', …)`; the
 * stored choice (at once) and every later change become
 * `gtag('consent', 'update', …)`.
 * Commands go on `dataLayer` as gtag pushes them, as `arguments` objects,
 * through the page's own `gtag` when it defined one. A mapping the config
 * could not read arrives as every type under `*`, which no category is called:
 * all denied, always (config-base.ts).
 */
import type { ConsentStore } from '../consent/store.js';
import type { ConsentState } from '../consent/types.js';
import type { Gate } from './gate.js';

type ConsentValue = 'granted' | 'denied';
type Gtag = (...args: unknown[]) => void;
type GtagWindow = Window & { dataLayer?: unknown[]; gtag?: Gtag };

/** How long Google tags wait for the update after the default (ms); a stored choice answers at once. */
const WAIT_FOR_UPDATE_MS = 500;

/** `gtag` as Google's snippet defines it: pushes its `arguments` object onto `dataLayer`. */
function pageGtag(): Gtag {
  const page = window as GtagWindow;
  page.dataLayer = Array.isArray(page.dataLayer) ? page.dataLayer : [];
  if (typeof page.gtag !== 'function') {
    page.gtag = function gtag() {
      // eslint-disable-next-line prefer-rest-params -- gtag.js reads `arguments` objects, not arrays
      (window as GtagWindow).dataLayer!.push(arguments);
    };
  }
  return (...args) => (window as GtagWindow).gtag!(...args);
}

/** Sets the defaults now and returns the gate that sends updates; null without `googleConsentMode` in config. */
export function createGoogleConsentModeGate(store: ConsentStore): Gate | null {
  const mapping = store.config.googleConsentMode;
  if (!mapping) return null;
  const gtag = pageGtag();
  const types = [...new Set(Object.values(mapping).flat())];
  const signals = (granted: (category: string) => boolean): Record<string, ConsentValue> => {
    const result: Record<string, ConsentValue> = Object.fromEntries(types.map((type) => [type, 'denied']));
    // A type mapped from several categories is granted when any of them is.
    for (const [category, mapped] of Object.entries(mapping)) {
      if (granted(category)) for (const type of mapped) result[type] = 'granted';
    }
    return result;
  };
  gtag('consent', 'default', { ...signals(() => false), wait_for_update: WAIT_FOR_UPDATE_MS });
  const update = (state: ConsentState | null): void => {
    gtag('consent', 'update', signals((category) => state?.categories[category] === true));
  };
  // The stored choice is known now: answer before a Google tag that loads later has to wait.
  if (store.state) update(store.state);
  return {
    name: 'Google Consent Mode',
    // The restored state was sent above; every later one (a choice here or in
    // another tab, a reset) is an update.
    follow: (state, source) => {
      if (source !== 'restore') update(state);
    },
  };
}
