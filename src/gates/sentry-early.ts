/**
 * Errors thrown before our Sentry client is in: it comes after the banner's first
 * paint (start.ts), and until then the page's own errors would go unreported,
 * though errors are reported without consent. This keeps the first few (the
 * thrown values, as the SDK's own global handlers would see them) for the client
 * to capture once it has started.
 */
const KEPT = 10;

export interface EarlyErrors {
  /** Stops listening and hands over what was kept. */
  take(): unknown[];
}

export function keepEarlyErrors(): EarlyErrors {
  let kept: unknown[] = [];
  const onError = (event: ErrorEvent): void => {
    if (kept.length < KEPT) kept.push(event.error ?? event.message);
  };
  const onRejection = (event: PromiseRejectionEvent): void => {
    if (kept.length < KEPT) kept.push(event.reason);
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
