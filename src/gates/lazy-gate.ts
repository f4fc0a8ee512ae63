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
export interface LazyGate<G extends Gate> extends Gate {
  wake(): Promise<G | null>;
  /** The gate once its chunk has arrived (null before, or when it could not be loaded). */
  readonly loaded: G | null;
}

export function lazyGate<G extends Gate>(
  store: ConsentStore,
  name: string,
  load: () => Promise<G | null>,
  needs: (state: ConsentState | null, source: ChangeSource) => boolean,
  report: (message: string) => void,
): LazyGate<G> {
  let gate: Promise<G | null> | null = null;
  let loaded: G | null = null;
  /** Calls made while the chunk loads, not yet handed on. */
  let waiting = 0;
  const fetchGate = (): Promise<G | null> =>
    (gate ??= load().then(
      (created) => (loaded = created),
      (error: unknown) => {
        // Nothing opens without the gate's code: reporting is all there is to do.
        report(`the ${name} gate could not be loaded (${String(error)})`);
        return null;
      },
    ));
  return {
    name,
    get loaded() {
      return loaded;
    },
    follow(state, source) {
      // Once in, the gate acts at once (a withdrawal must not wait a microtask),
      // unless calls from the load are still to be handed on before this one.
      if (loaded && waiting === 0) return loaded.follow(state, source);
      if (!gate && !needs(state, source)) return;
      waiting += 1;
      return fetchGate().then((created) => {
        waiting -= 1;
        return created?.follow(state, source);
      });
    },
    wake() {
      if (gate) return gate;
      return fetchGate().then(async (created) => {
        try {
          await created?.follow(store.state, 'restore');
        } catch (error) {
          report(`the ${name} gate failed: ${String(error)}`);
        }
        return created;
      });
    },
  };
}
