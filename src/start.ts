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

/** StartOptions with the worker's URL checked and resolved (npm.ts). */
export type CoreStartOptions = Omit<StartOptions, 'replayWorkerUrl'> & { readonly replayWorkerUrl?: string | undefined };

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
export type StartedPage = Window & { [STARTED]?: ConsentGateApi | true };

/**
 * Starts consent-gate on the current document and returns its API. The store
 * reads the cookie at once, the gates follow it, and the UI comes when a visitor
 * must see it; `consent-gate:ready` fires once the gates follow the stored choice.
 */
export function startConsentGate(options: CoreStartOptions = {}): ConsentGateApi {
  const page = window as StartedPage;
  const running = page[STARTED];
  if (running) {
    // (The npm entry returns the running instance quietly for an equal config: npm.ts.)
    console.error(
      'consent-gate: startConsentGate() was called again on this page with another config or other options, or after the script tag started it; the running instance is returned, the new options are ignored',
    );
    return running === true ? page.consentGate! : running;
  }
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
    replayWorkerUrl: options.replayWorkerUrl,
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
