/**
 * The Sentry error-monitoring chunk: fetched right after the banner is up, when
 * `sentry.dsn` is configured and the page has no Sentry SDK of its own. It runs
 * without consent, so it collects no user info, cookies, headers or URL queries,
 * stores nothing, and keeps page text out of breadcrumbs.
 */
import { addEventProcessor, addIntegration, captureException, init, makeFetchTransport } from '@sentry/browser';
import type { Envelope, Integration } from '@sentry/core';
import type { SentryConfig } from '../consent/types.js';
import type { EarlyError } from './sentry-early.js';
import { scrubBreadcrumb, scrubEvent, type SentryEventLike } from './sentry-privacy.js';

const REPLAY_ITEM_TYPES = new Set(['replay_event', 'replay_recording']);

function carriesReplay(envelope: Envelope): boolean {
  return envelope[1].some(([header]) => REPLAY_ITEM_TYPES.has(header.type));
}

/**
 * Starts our own Sentry client. `isReplayAllowed` is asked for every outgoing
 * envelope: replay data never leaves the page while consent is withdrawn, even
 * a retry the SDK scheduled before the withdrawal. `earlyErrors`, thrown on the
 * page before the client was in (sentry-early.ts), are reported as unhandled.
 */
export function startSentryClient(
  config: SentryConfig & { readonly dsn: string },
  isReplayAllowed: () => boolean,
  earlyErrors: readonly EarlyError[] = [],
): void {
  const keepQuery = config.keepUrlQuery;
  init({
    dsn: config.dsn,
    environment: config.environment,
    release: config.release,
    tunnel: config.tunnel,
    // No IP inference, cookies, headers or query strings: this runs before consent.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      urlQueryParams: keepQuery,
      httpBodies: [],
    },
    replaysSessionSampleRate: config.replaysSessionSampleRate,
    replaysOnErrorSampleRate: config.replaysOnErrorSampleRate,
    // The DOM event's target lets us rebuild the element path instead of editing the SDK's text.
    beforeBreadcrumb: (breadcrumb, hint) =>
      scrubBreadcrumb(breadcrumb, keepQuery, (hint?.event as Event | undefined)?.target),
    transport: (options) => {
      const transport = makeFetchTransport(options);
      return {
        ...transport,
        send: (envelope) => (carriesReplay(envelope) && !isReplayAllowed() ? Promise.resolve({}) : transport.send(envelope)),
      };
    },
  });
  // An event processor also reaches replay_event items, which skip beforeSend.
  addEventProcessor((event) => scrubEvent(event as SentryEventLike, keepQuery) as typeof event);
  for (const { error, mechanism } of earlyErrors) captureException(error, { mechanism: { type: mechanism, handled: false } });
}

/** Adds the replay integration to the client started above. */
export function addReplayIntegration(integration: Integration): void {
  addIntegration(integration);
}
