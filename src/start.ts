/**
 * Wires the three layers together for one document: the consent store (from
 * config and cookie), the gates that follow it, and the `<consent-gate>` UI.
 * Used by the script-tag entry (`embed.ts`) and by bundler users (`index.ts`).
 */
import { isPlainObject, isReplayCategory, parseCoreConfig } from './consent/config-base.js';
import { documentCookieJar } from './consent/cookie.js';
import { ConsentStore } from './consent/store.js';
import { syncAcrossTabs } from './consent/sync.js';
import type { CategoryName, ChangeSource, ConsentState } from './consent/types.js';
import { BLOCKED_EMBED, BLOCKED_SCRIPT, watchAddedElements } from './gates/added-elements.js';
import { recordEarlyCalls } from './gates/analytics-early.js';
import { latestRecord, readJson, storageKeys } from './gates/consent-log-storage.js';
import type { ConsentLog } from './gates/consent-log.js';
import type { Gate, GateFactory } from './gates/gate.js';
import { createGoogleConsentModeGate } from './gates/google-consent-mode.js';
import { lazyGate } from './gates/lazy-gate.js';
import { keepEarlyErrors } from './gates/sentry-early.js';
import type { SentryGate } from './gates/sentry.js';
import { CONSENT_GATE_TAG, defineConsentGate, type ConsentGateElement, type ConsentGateRegistration } from './ui/consent-gate.js';
import { deepActiveElement } from './ui/consent-gate.component.js';
import { chooseLanguage, loadLocale, localeWithoutLoading, siteLanguages, type Locale } from './ui/i18n.js';

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
  /** Raw config; validated here. */
  readonly config?: unknown;
  /** Extra gates, after the built-in ones. */
  readonly gates?: readonly GateFactory[];
  /** A Sentry SDK namespace the page already runs (the embed passes `window.Sentry`). */
  readonly sentry?: unknown;
}

export type ConsentGateEventDetail = ConsentState | null;

declare global {
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
export type StartedPage = Window & { [STARTED]?: ConsentGateApi | true; consentGate?: ConsentGateApi };
const PREFERENCES_HASH = '#consent-preferences';
const XLINK = 'http://www.w3.org/1999/xlink';
/** The config sections whose parsers come with their features (config-sections.ts). */
const SECTION_KEYS = ['sentry', 'consentLog', 'analytics'] as const;
const DECLARATION_TAG = 'consent-gate-declaration';

/** Prints each distinct problem once, prefixed so site owners can find it. */
function createReporter(): (message: string) => void {
  const seen = new Set<string>();
  return (message) => {
    if (seen.has(message)) return;
    seen.add(message);
    console.error(`consent-gate: ${message}`);
  };
}

/**
 * Resolves after the next paint, so a chunk fetched then never competes with the
 * banner; a hidden tab paints nothing, so a timer backs it up.
 */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 500);
  });
}

/** The element that asks for the preferences dialog, if the event came from one. */
function preferencesTrigger(event: Event): Element | null {
  for (const target of event.composedPath()) {
    if (!(target instanceof Element)) continue;
    if (target.hasAttribute('data-consent-preferences')) return target;
    // Any link: <a> (HTML, or SVG with href or xlink:href) and <area>.
    const href = target.matches('a[*|href],area[href]') ? (target.getAttribute('href') ?? target.getAttributeNS(XLINK, 'href') ?? '') : '';
    if (!href.includes(PREFERENCES_HASH)) continue;
    // Written as a bare fragment it means this page, even where <base href> (an SPA's "/") resolves it elsewhere.
    if (href === PREFERENCES_HASH) return target;
    try {
      const here = new URL(location.href);
      const there = new URL(href, document.baseURI);
      // A link to another page's #consent-preferences navigates; that page opens the dialog.
      if (there.hash === PREFERENCES_HASH && there.origin === here.origin && there.pathname === here.pathname && there.search === here.search) return target;
    } catch {
      // Not a URL: the browser does not follow it either.
    }
  }
  return null;
}

/**
 * Starts consent-gate on the current document and returns its API. The store
 * reads the cookie at once; the UI is inserted into `<body>` (or an existing
 * `<consent-gate>` is used); `consent-gate:ready` fires once the gates follow.
 */
export function startConsentGate(options: StartOptions = {}): ConsentGateApi {
  const page = window as StartedPage;
  const running = page[STARTED];
  if (running) {
    console.error(
      'consent-gate: startConsentGate() was called again on this page (or after the script tag); the running instance is returned, these options are ignored',
    );
    return running === true ? page.consentGate! : running;
  }
  const report = createReporter();
  /** Settles once the banner is in the page (see below: it is built in a task of its own). */
  let bannerInserted!: () => void;
  const inserted = new Promise<void>((resolve) => (bannerInserted = resolve));
  /** After the banner's first paint: what waits for it never competes with it. */
  const afterBannerPaint = (): Promise<void> => inserted.then(afterFirstPaint);
  const raw = options.config;
  const config = parseCoreConfig(raw, report);
  /** A section of the config for an optional feature (parsed with its chunk). */
  const section = (key: (typeof SECTION_KEYS)[number]): unknown => (isPlainObject(raw) ? raw[key] : undefined);
  const given = (key: (typeof SECTION_KEYS)[number]): boolean => section(key) !== undefined && section(key) !== null;
  const givenSections = SECTION_KEYS.filter(given);
  let sections: Promise<void> | null = null;
  /** Parses the sections once; never rejects: if their chunk cannot be fetched, they stay off (reported once). */
  const parseSections = (): Promise<void> =>
    (sections ??=
      givenSections.length === 0
        ? Promise.resolve()
        : import('./consent/config-sections.js').then(
            (module) => module.parseSections(config, raw, report),
            (error: unknown) => report(`the config sections (${givenSections.join(', ')}) could not be loaded (${String(error)}); they stay off`),
          ));
  // Parsed after the banner's first paint even before a gate needs them, so a bad section is reported early.
  if (givenSections.length > 0) void afterBannerPaint().then(parseSections);
  const store = new ConsentStore({
    config,
    jar: documentCookieJar(config.cookie, location.protocol === 'https:'),
    globalPrivacyControl: (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true,
    report,
  });
  // Consent Mode first: its default must be on dataLayer before anything else runs.
  const consentMode = createGoogleConsentModeGate(store);
  const gates: Gate[] = consentMode ? [consentMode] : [];
  // The other gates are chunks of their own, fetched when this page needs them.
  const lazy = <G extends Gate>(name: string, load: () => Promise<G | null>, needs: (state: ConsentState | null, source: ChangeSource) => boolean) => {
    const gate = lazyGate<G>(store, name, load, needs, report);
    gates.push(gate);
    return gate;
  };

  // Sentry: with `sentry` in config or the page's own SDK (now, or later through
  // useSentry()). For our own SDK the gate's chunk (and so the SDK's) is requested
  // after the banner's first paint; a page's own SDK is taken over at once, and a
  // replay it already records stops now, before any chunk, unless the choice grants it.
  const sentrySection = section('sentry');
  const sentrySettings = isPlainObject(sentrySection) ? sentrySection : {};
  const holdPageReplay = (namespace: unknown): void => {
    if (namespace === undefined || namespace === null) return;
    // The replay category as the section's parser (not loaded yet) will take it.
    const named = sentrySettings.replayCategory;
    if (store.has(isReplayCategory(named, config.categories) ? named : 'replay')) return;
    try {
      const replay = (namespace as { getReplay?(): { stop(): unknown } | undefined } | null)?.getReplay?.();
      void Promise.resolve(replay?.stop()).catch(() => {});
    } catch {
      // Not a Sentry SDK: the gate reports it when it arrives.
    }
  };
  holdPageReplay(options.sentry);
  // Our own client comes after the banner's first paint: errors thrown before are kept for it.
  const earlyErrors = typeof sentrySettings.dsn === 'string' && options.sentry === undefined ? keepEarlyErrors() : null;
  const sentry = lazy<SentryGate>(
    'Sentry',
    async () => {
      try {
        if (options.sentry === undefined) await afterBannerPaint();
        await parseSections();
        const { createSentryGate } = await import('./gates/sentry.js');
        return createSentryGate(store, { report, pageSentry: options.sentry, earlyErrors });
      } catch (error) {
        // (Without a gate nothing is kept any longer.)
        earlyErrors?.take();
        throw error;
      }
    },
    () => given('sentry') || options.sentry !== undefined,
  );

  // Analytics: the calls made before its gate arrives are kept with the choice in
  // force then (analytics-early.ts), so only calls made with consent are sent.
  if (given('analytics') && section('analytics') !== false) {
    const early = recordEarlyCalls(store);
    lazy(
      'analytics',
      async () => {
        try {
          await parseSections();
          const { createAnalyticsGate } = await import('./gates/analytics.js');
          // (A bad `analytics` section, reported by its parser, leaves analytics off.)
          return store.config.analytics ? createAnalyticsGate(store, report, early.take()) : null;
        } finally {
          // Without a gate the kept calls are dropped; with one this finds nothing left to do.
          early.release();
        }
      },
      () => true,
    );
  }

  // Cookie clean-up: after a choice, when a category names its cookies.
  if (config.categories.some((category) => !category.required && category.cookies.length > 0)) {
    lazy(
      'cookie clean-up',
      async () => (await import('./gates/cookie-cleanup.js')).createCookieCleanupGate(store),
      (state, source) => state !== null || source !== 'restore',
    );
  }
  for (const factory of options.gates ?? []) {
    try {
      const gate = factory(store);
      if (gate) gates.push(gate);
    } catch (error) {
      report(`a gate could not start: ${String(error)}`);
    }
  }

  const follow = async (state: ConsentState | null, source: ChangeSource): Promise<void> => {
    const results = await Promise.allSettled(gates.map((gate) => gate.follow(state, source)));
    results.forEach((result, index) => {
      if (result.status === 'rejected') report(`the ${gates[index]!.name} gate failed: ${String(result.reason)}`);
    });
  };
  const dispatch = (type: 'consent-gate:ready' | 'consent-gate:change', state: ConsentState | null): void => {
    document.dispatchEvent(new CustomEvent(type, { detail: state }));
  };

  store.subscribe(async (state, source) => {
    await follow(state, source);
    dispatch('consent-gate:change', state);
  });
  syncAcrossTabs(store, `consent-gate:${config.cookie.name}`);

  // The texts: English at once; another language once its chunk has arrived
  // (the banner waits for it rather than flashing English first).
  const language = chooseLanguage(
    config.language,
    document.documentElement.lang,
    navigator.languages ?? [],
    siteLanguages(config.strings, report),
  );
  if (config.language !== 'auto' && language !== config.language && language.split('-')[0] !== config.language.split('-')[0]) {
    report(`config "language" is "${config.language}", which has no texts (add them under "strings"); using "${language}"`);
  }
  const immediateLocale = localeWithoutLoading(language, config.strings);
  const locale: Promise<Locale> = immediateLocale ? Promise.resolve(immediateLocale) : loadLocale(language, config.strings, report);
  /** Runs `show` with the texts: at once for English, else when the language chunk is in. */
  const withLocale = (show: (texts: Locale) => void): void => {
    if (immediateLocale) show(immediateLocale);
    else void locale.then(show);
  };
  /** Fetches a UI chunk once; a chunk that cannot be fetched is reported, not left as an unhandled rejection. */
  const requested = new Set<string>();
  const loadOnce = (name: string, load: () => Promise<unknown>): void => {
    if (requested.has(name)) return;
    requested.add(name);
    load().catch((error: unknown) => report(`the ${name} could not be loaded (${String(error)})`));
  };

  // Blocked scripts and embeds: their gates arrive with the first such tag of the page.
  const markup = lazy(
    'scripts and embeds',
    async () => (await import('./gates/markup-gates.js')).createMarkupGates(store, { report, withLocale, loadOnce }),
    () => false,
  );
  const markupSelector = `${BLOCKED_SCRIPT},${BLOCKED_EMBED}`;
  watchAddedElements(markupSelector, () => void markup.wake());
  if (document.querySelector(markupSelector)) void markup.wake();

  // Consent records: made for each choice in this tab (what was shown, in the
  // language it was shown in). A consent log's sends that failed on an earlier
  // page are retried: with some waiting, the gate comes at once (it retries when idle).
  const consentLog = lazy<ConsentLog>(
    'consent log',
    async () => {
      await parseSections();
      const [{ createConsentLogGate }, { shownTexts }] = await Promise.all([import('./gates/consent-log.js'), import('./ui/shown-texts.js')]);
      return createConsentLogGate(store, async () => shownTexts(config, await locale, (name) => store.isLockedByGpc(name)), report);
    },
    (state, source) => source === 'local' && state !== null,
  );
  if (given('consentLog') && readJson(storageKeys(store).pendingKey, null) !== null) void consentLog.wake();

  /** The banner's tag and class: defined in the banner's own task (below), like the rest of its work. */
  let registration: ConsentGateRegistration | null = null;
  // <consent-gate-declaration> (privacy pages only) is a chunk of its own, fetched when the page has one.
  const defineDeclaration = (): void =>
    loadOnce('privacy declaration', () => import('./ui/consent-declaration.component.js').then((module) => module.defineDeclaration()));
  watchAddedElements(DECLARATION_TAG, defineDeclaration);
  const attach = (element: Element): void => {
    const ours = element as Element & { locale: Locale; store: ConsentStore | undefined };
    const known = (registration !== null && element instanceof registration.element) || element.localName === DECLARATION_TAG;
    if (!known || !('store' in element)) return;
    const hand = () =>
      withLocale((texts) => {
        ours.locale = texts;
        ours.store = store;
      });
    // The declaration describes Sentry replay where it runs: it waits for that section's parser.
    if (element.localName === DECLARATION_TAG && given('sentry')) void parseSections().then(hand);
    else hand();
  };
  document.addEventListener('consent-gate:connect', (event) => attach(event.target as Element));
  const insertElement = (): void => {
    // The UI: <consent-gate>, or a fallback tag when the page defined that name itself.
    registration = defineConsentGate();
    const { tag, taken } = registration;
    if (taken) report(`<${CONSENT_GATE_TAG}> is already defined by something else on this page; the banner uses <${tag}>`);
    const existing = document.querySelectorAll(tag);
    existing.forEach(attach);
    if (document.querySelector(DECLARATION_TAG)) defineDeclaration();
    // First in <body>: keyboard and screen-reader users meet the choice before the page.
    if (existing.length === 0) document.body?.prepend(document.createElement(tag));
  };
  // The banner is built in a task of its own. This module runs in the task that
  // ends parsing, which also lays the page out for the first time; the banner's
  // first render there would make that task longer still (`npm run bench`:
  // longest task at 4× CPU). The task comes from a timer: a MessageChannel's ports
  // add about 4 KB of heap, and a requestAnimationFrame callback runs in the
  // frame's task, which the bench measured longer still. (A hidden tab may run it
  // up to a second later; it paints nothing meanwhile.) An async or injected copy
  // may run before <body> exists.
  const insertSoon = (): void => {
    setTimeout(() => {
      try {
        insertElement();
      } catch (error) {
        report(`the banner could not be shown (${String(error)})`);
      } finally {
        // (Whatever happened, ready and openPreferences do not wait forever.)
        bannerInserted();
      }
    }, 0);
  };
  if (document.body || document.readyState !== 'loading') insertSoon();
  else document.addEventListener('DOMContentLoaded', insertSoon, { once: true });
  const element = (): ConsentGateElement | null => {
    const found = registration && document.querySelector(registration.tag);
    return found && 'openPreferences' in found ? (found as ConsentGateElement) : null;
  };

  const openPreferences = async (opener: Element | null = deepActiveElement()): Promise<void> => {
    // The opener is taken now: focus may move while the texts or the banner are still coming.
    await Promise.all([locale, inserted]);
    const found = element();
    await found?.updateComplete;
    await found?.openPreferences(opener);
  };
  document.addEventListener('click', (event) => {
    const trigger = preferencesTrigger(event);
    if (!trigger) return;
    event.preventDefault();
    void openPreferences(trigger);
  });
  if (location.hash === PREFERENCES_HASH) void openPreferences();

  // Ready once the gates follow the stored choice (PRODUCT.md), not waiting for the banner's task.
  const ready = follow(store.state, 'restore').then(() => {
    dispatch('consent-gate:ready', store.state);
    return store.state;
  });

  return (page[STARTED] = {
    get: () => store.state,
    has: (category) => store.has(category),
    acceptAll: () => store.acceptAll(),
    rejectAll: () => store.rejectAll(),
    set: (changes) => store.set(changes),
    openPreferences: () => openPreferences(),
    reset: () => store.reset(),
    // The state, and the record of how it was given when this browser has it.
    export: () => {
      const record = consentLog.loaded ? consentLog.loaded.latest() : latestRecord(store, null);
      return JSON.stringify(store.state === null ? null : { ...store.state, record: record ?? undefined }, null, 2);
    },
    useSentry: (namespace) => {
      holdPageReplay(namespace);
      void sentry.wake().then((gate) => gate?.useSentry(namespace));
    },
    ready,
  });
}
