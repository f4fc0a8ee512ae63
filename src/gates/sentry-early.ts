/**
 * Errors thrown before our Sentry client is in: it comes after the banner's first
 * paint (start.ts), and until then the page's own errors would go unreported,
 * though errors are reported without consent. This keeps the first few (the
 * thrown values, as the SDK's own global handlers would see them) for the client
 * to capture once it has started.
 */
const KEPT = 10;

/** A kept error: what was thrown, and how the SDK's global handlers would have caught it. */
export interface EarlyError {
  readonly error: unknown;
  readonly mechanism: 'onerror' | 'onunhandledrejection';
}

export interface EarlyErrors {
  /** Stops listening and hands over what was kept. */
  take(): EarlyError[];
}

export function keepEarlyErrors(): EarlyErrors {
  let kept: EarlyError[] = [];
  const onError = (event: Event): void => {
    // (Only script errors: an `error` event a page dispatches itself is not one.)
    if (event instanceof ErrorEvent && kept.length < KEPT) kept.push({ error: event.error ?? event.message, mechanism: 'onerror' });
  };
  const onRejection = (event: PromiseRejectionEvent): void => {
    if (kept.length < KEPT) kept.push({ error: event.reason, mechanism: 'onunhandledrejection' });
  };
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  return {
    take() {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
      const taken = kept;
      kept = [];
      return taken;
    },
  };
}
