/**
 * `window.plausible` from the moment the script runs until the analytics gate
 * (a chunk, analytics.ts) arrives. Each call is kept with the choice in force
 * when it was made, so the gate sends only calls made with consent:
 *  - calls queued by Plausible's snippet before this script ran count only if
 *    the choice stored before this page view grants analytics;
 *  - a call made before any choice is dropped at once (its callback still
 *    runs, as Plausible's script does: a site's outbound-link handler
 *    navigates in it);
 *  - a call made after a choice waits for the gate, which knows the category.
 * If the gate never arrives, every kept call is dropped (callbacks run).
 */
import type { ConsentStore } from '../consent/store.js';
import type { ConsentState } from '../consent/types.js';
import type { PlausibleCall } from './analytics-client.js';

export type PlausibleWindow = Window & { plausible?: ((...args: PlausibleCall) => void) & { q?: PlausibleCall[] } };

/** A call made before the gate arrived, with the choice in force then. */
export interface EarlyCall {
  readonly call: PlausibleCall;
  readonly choice: ConsentState | null;
}

/** Runs the callback of a call that is not sent. */
export function dropCall(call: PlausibleCall): void {
  if (typeof call[1]?.callback === 'function') (call[1].callback as () => void)();
}

export interface EarlyCalls {
  /** The calls kept so far; `window.plausible` is then the gate's. */
  take(): EarlyCall[];
  /** Without a gate: drops the kept calls, and every later one. */
  release(): void;
}

export function recordEarlyCalls(store: ConsentStore): EarlyCalls {
  const page = window as PlausibleWindow;
  const before = store.state;
  const calls: EarlyCall[] = (Array.isArray(page.plausible?.q) ? page.plausible.q : []).map((call) => ({ call, choice: before }));
  const recorder = (...call: PlausibleCall): void => {
    const choice = store.state;
    if (choice) calls.push({ call, choice });
    else dropCall(call);
  };
  page.plausible = recorder;
  return {
    take: () => calls.splice(0),
    release: () => {
      calls.splice(0).forEach(({ call }) => dropCall(call));
      if (page.plausible === recorder) page.plausible = (...call) => dropCall(call);
    },
  };
}
