/**
 * The gates of one page and when each loads. Google Consent Mode starts at
 * once (its default must be on `dataLayer` before any other script runs); every
 * other gate is a chunk of its own, fetched only when this page needs it, so a
 * returning visitor's page without Sentry or gated tags fetches none.
 */
import { isGatingCategory } from '../consent/config-base.js';
import type { ConsentRecord, ShownTexts } from '../consent/record.js';
import type { LazySections } from '../consent/sections.js';
import type { ConsentStore } from '../consent/store.js';
import type { ChangeSource, ConsentState } from '../consent/types.js';
import { watchAddedElements } from '../added-elements.js';
import { BLOCKED_EMBED, BLOCKED_SCRIPT } from './markup.js';
import { recordEarlyCalls } from './analytics-early.js';
import { latestRecord, readJson, storageKeys } from './consent-log-storage.js';
import type { ConsentLog } from './consent-log.js';
import { refusedCookiePresent } from './cookie-names.js';
import type { PlaceholderFactory } from './embeds.js';
import type { Gate, GateFactory } from './gate.js';
import { createGoogleConsentModeGate } from './google-consent-mode.js';
import { lazyGate } from './lazy-gate.js';
import { keepEarlyErrors } from './sentry-early.js';
import type { SentryGate } from './sentry.js';

export interface GateContext {
  readonly report: (message: string) => void;
  readonly sections: LazySections;
  /** A Sentry SDK namespace the page already runs (the embed passes `window.Sentry`). */
  readonly pageSentry?: unknown;
  /** Where our replay's compression worker is (StartOptions.replayWorkerUrl), checked. */
  readonly replayWorkerUrl?: string;
  /** Settles once the page's first view is painted (with the banner, when one shows): our own Sentry waits for it. */
  readonly painted: () => Promise<void>;
  /** Makes the stand-in of a blocked embed (the UI's). */
  readonly placeholder: PlaceholderFactory;
  /** The texts the visitor was shown, for the consent record of a choice (the UI's). */
  readonly shownTexts: () => Promise<ShownTexts>;
  /** The site's own gates, after the built-in ones. */
  readonly extra?: readonly GateFactory[];
}

export interface Gates {
  /** Every gate follows `state`; settles once they have (a gate that fails is reported). */
  follow(state: ConsentState | null, source: ChangeSource): Promise<void>;
  /** Drives the site's own Sentry SDK instead of loading ours. */
  useSentry(namespace: unknown): void;
  /** The record of the current choice, when this browser made or kept one. */
  latestRecord(): ConsentRecord | null;
}

export function createGates(store: ConsentStore, context: GateContext): Gates {
  const { report, sections, pageSentry, painted } = context;
  // Consent Mode first: its default must be on dataLayer before anything else runs.
  const consentMode = createGoogleConsentModeGate(store);
  const gates: Gate[] = consentMode ? [consentMode] : [];
  const lazy = <G extends Gate>(name: string, load: () => Promise<G | null>, needs: (state: ConsentState | null, source: ChangeSource) => boolean) => {
    const gate = lazyGate<G>(store, name, load, needs, report);
    gates.push(gate);
    return gate;
  };
  // Parsed after the first paint even before a gate needs them, so a bad section is reported early.
  if (sections.given('sentry') || sections.given('consentLog') || sections.given('analytics')) void painted().then(sections.parsed);

  // Sentry: with `sentry` in config or the page's own SDK (now, or later through
  // useSentry()). Our own SDK is requested after the first paint; a page's own SDK
  // is taken over at once, and a replay it already records stops now, before any
  // chunk, unless the choice grants it.
  const sentryRaw = sections.raw('sentry') as { replayCategory?: unknown; dsn?: unknown } | undefined;
  const holdPageReplay = (namespace: unknown): void => {
    if (namespace === undefined || namespace === null) return;
    // The replay category as the section's parser (not loaded yet) will take it.
    const named = sentryRaw?.replayCategory;
    if (store.has(isGatingCategory(named, store.config.categories) ? named : 'replay')) return;
    try {
      const replay = (namespace as { getReplay?(): { stop(): unknown } | undefined } | null)?.getReplay?.();
      void Promise.resolve(replay?.stop()).catch(() => {});
    } catch {
      // Not a Sentry SDK: the gate reports it when it arrives.
    }
  };
  holdPageReplay(pageSentry);
  // Our own client comes after the first paint: errors thrown before are kept for it.
  const earlyErrors = typeof sentryRaw?.dsn === 'string' && pageSentry === undefined ? keepEarlyErrors() : null;
  const sentry = lazy<SentryGate>(
    'Sentry',
    async () => {
      try {
        if (pageSentry === undefined) await painted();
        const [{ sentry: section }, { createSentryGate }] = await Promise.all([sections.parsed(), import('./sentry.js')]);
        return createSentryGate(store, { section, report, pageSentry, earlyErrors, replayWorkerUrl: context.replayWorkerUrl });
      } catch (error) {
        // (Without a gate nothing is kept any longer.)
        earlyErrors?.take();
        throw error;
      }
    },
    () => sections.given('sentry') || pageSentry !== undefined,
  );

  // Analytics: the calls made before its gate arrives are kept with the choice in
  // force then (analytics-early.ts), so only calls made with consent are sent.
  if (sections.given('analytics') && sections.raw('analytics') !== false) {
    const early = recordEarlyCalls(store);
    lazy(
      'analytics',
      async () => {
        try {
          const [{ analytics }, { createAnalyticsGate }] = await Promise.all([sections.parsed(), import('./analytics.js')]);
          // (A bad `analytics` section, reported by its parser, leaves analytics off.)
          return analytics ? createAnalyticsGate(store, analytics, report, early.take()) : null;
        } finally {
          // Without a gate the kept calls are dropped; with one this finds nothing left to do.
          early.release();
        }
      },
      () => true,
    );
  }

  // Cookie clean-up: after a choice (here or in another tab), and on load only
  // when a category the stored choice refuses has a cookie here to delete.
  if (store.config.categories.some((category) => !category.required && category.cookies.length > 0)) {
    lazy(
      'cookie clean-up',
      async () => (await import('./cookie-cleanup.js')).createCookieCleanupGate(store),
      (state, source) => source !== 'restore' || (state !== null && refusedCookiePresent(store.config.categories, state)),
    );
  }
  for (const factory of context.extra ?? []) {
    try {
      const gate = factory(store);
      if (gate) gates.push(gate);
    } catch (error) {
      report(`a gate could not start: ${String(error)}`);
    }
  }

  // Blocked scripts and embeds: their gates arrive with the first such tag of the page.
  const markup = lazy(
    'scripts and embeds',
    async () => (await import('./markup-gates.js')).createMarkupGates(store, report, context.placeholder),
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
      const [{ consentLog: section }, { createConsentLogGate }] = await Promise.all([sections.parsed(), import('./consent-log.js')]);
      return createConsentLogGate(store, section?.url ?? null, context.shownTexts, report);
    },
    (state, source) => source === 'local' && state !== null,
  );
  if (sections.given('consentLog') && readJson(storageKeys(store).pendingKey, null) !== null) void consentLog.wake();

  return {
    async follow(state, source) {
      const results = await Promise.allSettled(gates.map((gate) => gate.follow(state, source)));
      results.forEach((result, index) => {
        if (result.status === 'rejected') report(`the ${gates[index]!.name} gate failed: ${String(result.reason)}`);
      });
    },
    useSentry(namespace) {
      holdPageReplay(namespace);
      void sentry.wake().then((gate) => gate?.useSentry(namespace));
    },
    latestRecord: () => (consentLog.loaded ? consentLog.loaded.latest() : latestRecord(store, null)),
  };
}
