/**
 * Wires the three layers together for one document: the consent store (from
 * config and cookie), the gates that follow it (gates/index.ts) and the UI
 * (ui/index.ts, which fetches the elements only when a visitor must see them).
 * Used by the script-tag entry (`embed.ts`) and by bundler users (`index.ts`).
 */
import { parseCoreConfig } from './consent/config-base.js';
import { documentCookieJar } from './consent/cookie.js';
import type { ConsentGateConfig } from './consent/config-input.js';
import { createReporter } from './consent/reporter.js';
import { lazySections } from './consent/sections.js';
import { ConsentStore } from './consent/store.js';
import { syncAcrossTabs } from './consent/sync.js';
import type { CategoryName, ConsentState } from './consent/types.js';
import { createGates } from './gates/index.js';
import type { GateFactory } from './gates/gate.js';
import { createUi } from './ui/index.js';

/** The public API, as `window.consentGate` and from the npm entry. */
export interface ConsentGateApi {
  /** The current choice, or null before one. */
  get(): ConsentState | null;
  has(category: CategoryName): boolean;
  acceptAll(): Promise<void>;
  rejectAll(): Promise<void>;
  set(changes: Readonly<Record<CategoryName, boolean>>): Promise<void>;
  openPreferences(): Promise<void>;
  /** Forgets the choice, closes every gate and shows the banner again. */
  reset(): Promise<void>;
  /** The stored consent record as JSON: the visitor's copy of their own data. */
  export(): string;
  /** Drives the site's own Sentry SDK (its namespace) instead of loading one. */
  useSentry(namespace: unknown): void;
  /** Settles with the state once the stored choice is known and the gates follow it. */
  readonly ready: Promise<ConsentState | null>;
}

export interface StartOptions {
  /** The config (PRODUCT.md "Config"); validated here all the same, each problem reported. */
  readonly config?: ConsentGateConfig;
  /** Extra gates, after the built-in ones. */
  readonly gates?: readonly GateFactory[];
  /** A Sentry SDK namespace the page already runs (the embed passes `window.Sentry`). */
  readonly sentry?: unknown;
  /**
   * Where the site serves replay's compression worker, the package's
   * `consent-gate/replay-worker` (with Vite: `import url from
   * 'consent-gate/replay-worker?url'`): then a CSP needs no `worker-src blob:`.
   * Without it, the SDK's built-in worker runs from a blob: URL. (The script-tag
   * build has its worker beside it and needs none of this.)
   */
  readonly replayWorkerUrl?: string | URL;
}

export type ConsentGateEventDetail = ConsentState | null;

declare global {
  interface Window {
    /** The running instance's API, once consent-gate has started on the page. */
    consentGate?: ConsentGateApi;
  }
  interface DocumentEventMap {
    'consent-gate:ready': CustomEvent<ConsentGateEventDetail>;
    'consent-gate:change': CustomEvent<ConsentGateEventDetail>;
  }
}

/**
 * Marks the page consent-gate runs on, whichever copy started it (the npm entry,
 * a script tag, another URL or version): the running instance's API. (Copies
 * before 0.2 mark it `true` and leave their API at `window.consentGate`.)
 */
export const STARTED = Symbol.for('consent-gate.started');
/** The config the running instance started with, as `sameConfig` compares it. */
const STARTED_WITH = Symbol.for('consent-gate.started-with');
export type StartedPage = Window & { [STARTED]?: ConsentGateApi | true; [STARTED_WITH]?: string };

/** A config as JSON with its keys sorted: two configs that say the same give the same text. */
function canonical(config: unknown): string {
  try {
    return JSON.stringify(config ?? null, (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : value,
    );
  } catch {
    return '';
  }
}

/** `replayWorkerUrl` resolved against the page; one that is not http(s) is reported and not used. */
function workerUrl(value: unknown, report: (message: string) => void): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(String(value), document.baseURI);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {
    // Reported below.
  }
  report(`startConsentGate() option "replayWorkerUrl" must be an http(s) or relative URL (got ${JSON.stringify(String(value)).slice(0, 120)}); replay uses the SDK's built-in worker`);
  return undefined;
}

/**
 * What a server (no DOM) gets: nothing is stored and nothing opens. The widget
 * starts in the browser, where the same call runs again (server rendering).
 */
function inertApi(): ConsentGateApi {
  const done = (): Promise<void> => Promise.resolve();
  return {
    get: () => null,
    has: () => false,
    acceptAll: done,
    rejectAll: done,
    set: done,
    openPreferences: done,
    reset: done,
    export: () => 'null',
    useSentry: () => {},
    ready: Promise.resolve(null),
  };
}

/**
 * Starts consent-gate on the current document and returns its API. The store
 * reads the cookie at once, the gates follow it, and the UI comes when a visitor
 * must see it; `consent-gate:ready` fires once the gates follow the stored choice.
 */
export function startConsentGate(options: StartOptions = {}): ConsentGateApi {
  if (typeof window === 'undefined' || typeof document === 'undefined') return inertApi();
  const page = window as StartedPage;
  const running = page[STARTED];
  if (running) {
    // The same config again (a component mounted twice, React's StrictMode) is no mistake.
    if (page[STARTED_WITH] === undefined || page[STARTED_WITH] !== canonical(options.config)) {
      console.error(
        'consent-gate: startConsentGate() was called again on this page (or after the script tag) with a different config; the running instance is returned, the new options are ignored',
      );
    }
    return running === true ? page.consentGate! : running;
  }
  page[STARTED_WITH] = canonical(options.config);
  const { report, printed } = createReporter();
  const config = parseCoreConfig(options.config, report);
  const sections = lazySections(options.config, config.categories, report);
  const store = new ConsentStore({
    config,
    jar: documentCookieJar(config.cookie, location.protocol === 'https:'),
    globalPrivacyControl: (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true,
    report,
  });
  const ui = createUi(store, { report, sentry: () => sections.parsed().then((parsed) => parsed.sentry) });
  const gates = createGates(store, {
    report,
    sections,
    pageSentry: options.sentry,
    replayWorkerUrl: workerUrl(options.replayWorkerUrl, report),
    painted: () => ui.painted,
    placeholder: ui.placeholder,
    shownTexts: ui.shownTexts,
    extra: options.gates,
  });

  const dispatch = (type: 'consent-gate:ready' | 'consent-gate:change', state: ConsentState | null): void => {
    document.dispatchEvent(new CustomEvent(type, { detail: state }));
  };
  store.subscribe(async (state, source) => {
    await gates.follow(state, source);
    dispatch('consent-gate:change', state);
  });
  syncAcrossTabs(store, `consent-gate:${config.cookie.name}`);
  // Ready once the gates follow the stored choice (PRODUCT.md) and the config's problems are
  // printed, not waiting for the UI.
  const ready = Promise.all([gates.follow(store.state, 'restore'), printed()]).then(() => {
    dispatch('consent-gate:ready', store.state);
    return store.state;
  });

  return (page[STARTED] = page.consentGate = {
    get: () => store.state,
    has: (category) => store.has(category),
    acceptAll: () => store.acceptAll(),
    rejectAll: () => store.rejectAll(),
    set: (changes) => store.set(changes),
    openPreferences: () => ui.openPreferences(),
    reset: () => store.reset(),
    // The state, and the record of how it was given when this browser has it.
    export: () => JSON.stringify(store.state === null ? null : { ...store.state, record: gates.latestRecord() ?? undefined }, null, 2),
    useSentry: (namespace) => gates.useSentry(namespace),
    ready,
  });
}
