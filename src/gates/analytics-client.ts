/**
 * The analytics sender (a lazy chunk): posts Plausible Events API payloads
 * (`name`, `url`, `domain`, `referrer`, `props`) with no cookies and no storage.
 * One pageview per page view (and per SPA navigation through the History API)
 * while active; `stop()` silences it at once.
 */
import type { AnalyticsConfig } from '../consent/types.js';

/** What `plausible(...)` is called with: an event name and options. */
export type PlausibleCall = [name?: unknown, options?: { props?: unknown; u?: unknown; callback?: unknown }];

export interface AnalyticsClient {
  /** Sends the pageview (once per page view) and `queued` calls, and takes over `window.plausible`. */
  start(queued: readonly PlausibleCall[]): void;
  stop(): void;
}

export function createAnalyticsClient(config: AnalyticsConfig, report: (message: string) => void): AnalyticsClient {
  let active = false;
  let counted = false;
  let lastUrl = '';

  const send = (name: string, url: string, props?: unknown): void => {
    if (!active) return;
    const body = JSON.stringify({
      name,
      url,
      domain: config.domain ?? location.hostname,
      referrer: document.referrer || null,
      props: props && typeof props === 'object' ? props : undefined,
    });
    // text/plain, as Plausible's own script sends it: no CORS preflight.
    fetch(config.endpoint, { method: 'POST', body, headers: { 'Content-Type': 'text/plain' }, keepalive: true, credentials: 'omit' }).catch(
      (error: unknown) => report(`an analytics event could not be sent (${String(error)})`),
    );
  };

  const track = (...[name, options]: PlausibleCall): void => {
    if (typeof name !== 'string' || name === '') return;
    const url = typeof options?.u === 'string' ? options.u : location.href;
    send(name, url, options?.props);
    if (typeof options?.callback === 'function') (options.callback as () => void)();
  };

  const pageview = (): void => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    send('pageview', location.href);
  };

  // SPA navigations: a pageview per History API change, while active.
  const pushState = history.pushState;
  history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
    pushState.apply(this, args);
    if (active) pageview();
  };
  addEventListener('popstate', () => active && pageview());

  return {
    start(queued) {
      active = true;
      (window as Window & { plausible?: unknown }).plausible = track;
      if (!counted) {
        counted = true;
        pageview();
      }
      for (const call of queued) track(...call);
    },
    stop() {
      active = false;
    },
  };
}
