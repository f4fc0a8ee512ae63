/**
 * Cross-tab sync: a choice or withdrawal in one tab reaches the other open tabs
 * of the site. A BroadcastChannel message tells them to re-read the cookie (the
 * cookie stays the single source of truth); tabs that missed it (frozen, or in
 * the back/forward cache) re-read the cookie when they are shown again. With a
 * cookie shared across subdomains, tabs of the other subdomains look every second.
 */
import type { ConsentStore } from './store.js';

interface SyncMessage {
  readonly type: 'consent-gate:changed';
}

/**
 * Keeps `store` in step with the other tabs. Returns the function that stops it.
 * `channelName` should include the cookie name, so two widgets with different
 * cookies on one origin do not disturb each other.
 */
export function syncAcrossTabs(store: ConsentStore, channelName: string, target: Window = window): () => void {
  const refresh = (): void => {
    store.refresh().catch(() => {});
  };
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : null;
  const onMessage = (event: MessageEvent<SyncMessage>): void => {
    if (event.data?.type !== 'consent-gate:changed') return;
    refresh();
    // The message and the cookie write travel separately in multi-process browsers;
    // a second look catches a cookie that was not visible yet at the first.
    setTimeout(refresh, 300);
  };
  channel?.addEventListener('message', onMessage);

  const unsubscribe = store.subscribe((_state, source) => {
    if (source === 'local') channel?.postMessage({ type: 'consent-gate:changed' } satisfies SyncMessage);
  });

  const onVisible = (): void => {
    if (target.document.visibilityState === 'visible') refresh();
  };
  target.document.addEventListener('visibilitychange', onVisible);
  target.addEventListener('pageshow', refresh);
  target.addEventListener('focus', refresh);
  // A cookie shared with sibling subdomains (cookie.domain) can change where no
  // BroadcastChannel reaches, in another origin's tab: it is looked at every second,
  // so a withdrawal there also reaches a tab that stays in the background.
  const poll = store.config.cookie.domain === null ? undefined : target.setInterval(refresh, 1000);

  return () => {
    target.clearInterval(poll);
    unsubscribe();
    channel?.close();
    target.document.removeEventListener('visibilitychange', onVisible);
    target.removeEventListener('pageshow', refresh);
    target.removeEventListener('focus', refresh);
  };
}
