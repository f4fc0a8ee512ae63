import type { ConsentStore } from '../consent/store.js';
import type { ChangeSource, ConsentState } from '../consent/types.js';

/**
 * Something that follows consent: Sentry replay, scripts, Consent Mode, …
 * `follow` is called with the restored state at start-up and after every change;
 * the returned promise settles once the gate has caught up. Calls may overlap
 * (quick toggles): a gate must end in the state of its latest call.
 */
export interface Gate {
  readonly name: string;
  follow(state: ConsentState | null, source: ChangeSource): void | Promise<unknown>;
}

/** Builds a gate for a store; returns null when the config does not ask for it. */
export type GateFactory = (store: ConsentStore) => Gate | null;
