/**
 * `startConsentGate()` as the npm package exports it: the core's start
 * (start.ts), plus what only bundled apps need, kept out of the script-tag
 * core every page view downloads: a server (no DOM) gets an inert API, an
 * equal config started again (React's StrictMode) is quiet, and the replay
 * worker's URL is checked.
 */
import { STARTED, startConsentGate as start, type ConsentGateApi, type StartedPage, type StartOptions } from './start.js';

/** What the running instance started with (from this entry): `started()` of its options. */
const STARTED_WITH = Symbol.for('consent-gate.started-with');

/** A config as JSON with its keys sorted: two configs that say the same give the same text. */
function canonical(config: unknown): string {
  try {
    return JSON.stringify(config ?? null, (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : value,
    );
  } catch {
    // (A config JSON cannot hold: never equal to another.)
    return `${Math.random()}`;
  }
}

/**
 * The options as compared for a second start: the config and the worker's URL
 * as text, and how many extra gates (a component re-creates its gate functions
 * on every mount). The page's Sentry SDK is compared as it is.
 */
function started(options: StartOptions): string {
  return JSON.stringify([canonical(options.config ?? {}), String(options.replayWorkerUrl ?? ''), options.gates?.length ?? 0]);
}

/** `replayWorkerUrl` resolved against the page; one that is not http(s) is reported and not used. */
function workerUrl(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(String(value), document.baseURI);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {
    // Reported below.
  }
  console.error(
    `consent-gate: startConsentGate() option "replayWorkerUrl" must be an http(s) or relative URL (got ${JSON.stringify(String(value)).slice(0, 120)}); replay uses the SDK's built-in worker`,
  );
  return undefined;
}

/** What a server gets: nothing is stored and nothing opens. The same call runs again in the browser. */
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
 * Starts consent-gate on the current document (once per page) and returns its
 * API, also as `window.consentGate`. Called again with an equal config it
 * returns the running instance quietly; with another, it says so.
 */
export function startConsentGate(options: StartOptions = {}): ConsentGateApi {
  if (typeof window === 'undefined' || typeof document === 'undefined') return inertApi();
  const page = window as StartedPage & { [STARTED_WITH]?: { options: string; sentry: unknown } };
  const running = page[STARTED];
  const these = { options: started(options), sentry: options.sentry };
  const before = page[STARTED_WITH];
  if (running && running !== true && before?.options === these.options && before.sentry === these.sentry) return running;
  // (Checked only for a start that uses it: a running page ignores it.)
  const api = start({ ...options, replayWorkerUrl: running ? undefined : workerUrl(options.replayWorkerUrl) });
  if (!running) page[STARTED_WITH] = these;
  return api;
}
