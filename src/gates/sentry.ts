/**
 * The Sentry gate. Error monitoring starts without consent (privacy-safe, see
 * sentry-client.ts); session replay, and its error-only buffer, run only while
 * the replay category is granted, always with the locked privacy options of
 * sentry-privacy.ts. Withdrawal stops replay at once, without flushing, and
 * removes its sessionStorage entry.
 *
 * Replay code lives in a lazy chunk that is not downloaded before a grant. A
 * page that runs its own Sentry SDK (on `window.Sentry`, or handed over with
 * `consentGate.useSentry(Sentry)`) is driven instead of a second client.
 */
import type { ConsentStore } from '../consent/store.js';
import type { ConsentState, SentryConfig } from '../consent/types.js';
import type { EarlyErrors } from './sentry-early.js';
import type { Gate } from './gate.js';
import type { SentryEventLike } from './sentry-privacy.js';

type PrivacyModule = typeof import('./sentry-privacy.js');
/** The privacy module is its own small chunk: only pages that run Sentry replay need it. */
const loadPrivacy = (): Promise<PrivacyModule> => import('./sentry-privacy.js');

/** Where the replay SDK keeps its session; removed on withdrawal. */
const REPLAY_SESSION_KEY = 'sentryReplaySession';

/** The replay integration's controls that the gate uses. */
interface ReplayControls {
  start(): void;
  startBuffering(): void;
  stop(options?: { flush?: boolean }): Promise<void> | void;
}

/**
 * The part of a Sentry SDK namespace the gate needs: `replayIntegration` to build
 * the (locked) integration, and a way to add it to the running client.
 */
interface SentryNamespace {
  replayIntegration(options: Record<string, unknown>): ReplayControls & { name: string };
  addIntegration?(integration: unknown): void;
  getClient?():
    | {
        addIntegration?(integration: unknown): void;
        getOptions?(): { replaysSessionSampleRate?: number; replaysOnErrorSampleRate?: number };
      }
    | undefined;
  getReplay?(): (ReplayControls & { name: string }) | undefined;
  addEventProcessor?(processor: (event: SentryEventLike) => SentryEventLike | null): void;
}

function isSentryNamespace(value: unknown): value is SentryNamespace {
  const ns = value as SentryNamespace | null;
  return (
    !!ns &&
    typeof ns.replayIntegration === 'function' &&
    (typeof ns.addIntegration === 'function' || typeof ns.getClient === 'function')
  );
}

/** Removes the replay session entry; storage may be blocked, which is fine. */
function forgetReplaySession(): void {
  try {
    sessionStorage.removeItem(REPLAY_SESSION_KEY);
  } catch {
    // no storage, no entry
  }
}

/** Builds the replay integration and adds it to a running client. */
interface ReplayHost {
  create(settings: ReplaySettings): Promise<ReplayControls>;
  add(integration: ReplayControls): void;
}

type ReplaySettings = Pick<SentryConfig, 'mask' | 'block' | 'keepUrlQuery'>;

function hostFromNamespace(ns: SentryNamespace): ReplayHost {
  return {
    create: async (settings) => ns.replayIntegration((await loadPrivacy()).lockedReplayOptions(settings)),
    add: (integration) => {
      if (ns.addIntegration) ns.addIntegration(integration);
      else ns.getClient?.()?.addIntegration?.(integration);
    },
  };
}

/**
 * Replay settings when the page brings its own SDK and our config names no DSN;
 * the sample rates then come from the site's own `init()`.
 */
const BRING_YOUR_OWN_SETTINGS: Pick<SentryConfig, 'replayCategory'> & ReplaySettings = {
  replayCategory: 'replay',
  mask: [],
  block: [],
  keepUrlQuery: false,
};

/** A section with a DSN: our own client runs. */
function hasOwnClient(section: SentryConfig | null): section is SentryConfig & { readonly dsn: string } {
  return typeof section?.dsn === 'string';
}

export interface SentryGate extends Gate {
  /** Drives the site's own Sentry SDK instead of loading ours. */
  useSentry(namespace: unknown): void;
}

/**
 * Creates the Sentry gate. It exists when `sentry.dsn` is configured or the page
 * has its own SDK; otherwise it waits for `useSentry()` and does nothing.
 */
export function createSentryGate(
  store: ConsentStore,
  options: {
    section: SentryConfig | null;
    report: (message: string) => void;
    pageSentry?: unknown;
    earlyErrors?: EarlyErrors | null;
    /** Our replay's worker, when the site serves it (npm builds); else the one beside the chunk, or the SDK's own. */
    replayWorkerUrl?: string | undefined;
  },
): SentryGate {
  const { report, section } = options;
  /** Our own client's settings: only with a DSN. (A section without one sets replay up on the page's SDK.) */
  const config = hasOwnClient(section) ? section : null;
  const settings = section ?? BRING_YOUR_OWN_SETTINGS;

  /** Where replay runs, once known: the site's SDK, or ours from two lazy chunks. */
  let host: Promise<ReplayHost> | null = null;
  let pageNamespace: SentryNamespace | null = null;
  /** The one replay integration of this page: the SDK refuses a second instance. */
  let replay: Promise<ReplayControls> | null = null;
  /** Whether the integration has been added to the client (once per page). */
  let added = false;
  let recording = false;
  /** Bumped on every follow(): an async start that finds it changed gives up. */
  let generation = 0;
  let granted = false;
  /** Loaded with the first grant on a site's SDK; scrubs its replay events. */
  let privacy: PrivacyModule | null = null;

  /** Sample rates for a re-grant: ours, or read from the site's client when it is used. */
  const sampleRates = (): { session: number; onError: number } => {
    if (config) return { session: config.replaysSessionSampleRate, onError: config.replaysOnErrorSampleRate };
    const options = pageNamespace?.getClient?.()?.getOptions?.() ?? {};
    return { session: options.replaysSessionSampleRate ?? 0, onError: options.replaysOnErrorSampleRate ?? 0 };
  };

  const isGranted = (state: ConsentState | null) => state?.categories[settings.replayCategory] === true;

  const adopt = (candidate: unknown, source: string): boolean => {
    if (!isSentryNamespace(candidate)) {
      report(`${source} is not a Sentry SDK namespace with replayIntegration(); replay stays off`);
      return false;
    }
    pageNamespace = candidate;
    const existing = candidate.getReplay?.();
    if (existing) {
      // The site added replay itself: its options are not ours to lock, but it
      // must still follow consent. Treat it as our instance: stopped until granted.
      report(`${source} already has a replay integration; consent-gate gates it but cannot lock its privacy options. Remove it from Sentry.init()`);
      replay = Promise.resolve(existing);
      added = true;
      recording = true;
      if (!granted) stopReplay();
    }
    // Replay events leave only while granted (this also cancels SDK retries of a
    // segment after a withdrawal), scrubbed like our own client's.
    candidate.addEventProcessor?.((event) => {
      if (event.type !== 'replay_event') return event;
      if (!granted) return null;
      return privacy ? privacy.scrubEvent(event, settings.keepUrlQuery) : event;
    });
    return true;
  };

  /** Our own SDK: the client chunk as the gate starts (after the banner's first paint: start.ts), the replay chunk only on a grant. */
  const ownHost = async (): Promise<ReplayHost> => {
    const { startSentryClient, addReplayIntegration } = await import('./sentry-client.js');
    startSentryClient(config!, () => granted, options.earlyErrors?.take() ?? []);
    return {
      create: async (replaySettings) => (await import('./sentry-replay.js')).createReplayIntegration(replaySettings, options.replayWorkerUrl),
      add: (integration) => addReplayIntegration(integration as never),
    };
  };

  const replayHost = (): Promise<ReplayHost> | null => {
    if (pageNamespace) return Promise.resolve(hostFromNamespace(pageNamespace));
    if (!config) return null;
    // A failed chunk load (network blip, redeploy) is retried on the next call.
    host ??= ownHost()
      .catch((error: unknown) => {
        host = null;
        throw error;
      });
    return host;
  };

  const startReplay = async (ticket: number): Promise<void> => {
    const currentHost = await replayHost();
    if (!currentHost || ticket !== generation) return;
    if (pageNamespace) privacy ??= await loadPrivacy();
    replay ??= currentHost.create(settings).catch((error: unknown) => {
      replay = null;
      throw error;
    });
    const integration = await replay;
    if (ticket !== generation || recording) return;
    if (!added) {
      // Adding the integration samples by the client's rates (and resumes this tab's session).
      currentHost.add(integration);
      added = true;
      recording = true;
      return;
    }
    recording = true;
    const rates = sampleRates();
    if (Math.random() < rates.session) integration.start();
    else if (rates.onError > 0) integration.startBuffering();
  };

  const stopReplay = (): void => {
    if (recording) {
      // The integration exists once recording is true; stop it without a flush,
      // so nothing recorded after the withdrawal leaves the page.
      void replay!.then((integration) => integration.stop({ flush: false })).catch(() => {});
    }
    recording = false;
    // Only a page where we run replay has our session entry to clean up.
    if (config || pageNamespace) forgetReplaySession();
  };

  if (options.pageSentry !== undefined) adopt(options.pageSentry, 'window.Sentry');
  // Errors kept for our client since start-up (start.ts keeps them only without a page SDK): none comes without a DSN that parsed.
  if (!config) options.earlyErrors?.take();

  // Error monitoring does not wait for consent.
  void replayHost()?.catch((error) => report(`Sentry could not start: ${String(error)}`));

  return {
    name: 'sentry',
    follow(state) {
      const ticket = ++generation;
      granted = isGranted(state);
      if (!granted) {
        stopReplay();
        return;
      }
      return startReplay(ticket);
    },
    useSentry(candidate) {
      if (pageNamespace === candidate) return;
      if (config) {
        report('useSentry() is ignored: with sentry.dsn in the config consent-gate runs its own client; leave sentry.dsn out to use yours');
        return;
      }
      if (adopt(candidate, 'useSentry()') && granted) void startReplay(++generation);
    },
  };
}
