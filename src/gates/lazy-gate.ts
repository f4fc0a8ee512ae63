import type { ConsentStore } from '../consent/store.js';
import type { ChangeSource, ConsentState } from '../consent/types.js';
import type { Gate } from './gate.js';

/**
 * A gate whose code is a chunk of its own, so a page that does not need it
 * never downloads it. The chunk is fetched the first time a state `needs` it,
 * or when `wake()` is called because something on the page does (a gated tag,
 * the site's Sentry SDK). Until then following a state costs nothing: every
 * gate is closed while its code is not there. A gate woken by `wake()` first
 * catches up with the store's current state.
 */
export interface LazyGate extends Gate {
  wake(): Promise<Gate | null>;
  /** The gate once its chunk has arrived. */
  readonly loaded: Gate | null;
}

export function lazyGate(
  store: ConsentStore,
  name: string,
  load: () => Promise<Gate | null>,
  needs: (state: ConsentState | null, source: ChangeSource) => boolean,
  report: (message: string) => void,
): LazyGate {
  let gate: Promise<Gate | null> | null = null;
  let loaded: Gate | null = null;
  const fetchGate = (): Promise<Gate | null> =>
    (gate ??= load().then(
      (created) => (loaded = created),
      (error: unknown) => {
        // Nothing opens without the gate's code: reporting is all there is to do.
        report(`the ${name} could not be loaded (${String(error)})`);
        return null;
      },
    ));
  return {
    name,
    get loaded() {
      return loaded;
    },
    follow(state, source) {
      if (!gate && !needs(state, source)) return;
      // Calls made while the chunk loads run in their order once it is in.
      return fetchGate().then((created) => created?.follow(state, source));
    },
    wake() {
      if (gate) return gate;
      return fetchGate().then(async (created) => {
        await created?.follow(store.state, 'restore');
        return created;
      });
    },
  };
}
