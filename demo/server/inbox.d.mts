import type { Plugin } from 'vite';

/** The demo inbox (see inbox.mjs): Sentry envelopes and consent records on loopback. */
export function inboxPlugin(): Plugin;
/** Text of rrweb nodes in `events` that is not masked. */
export function unmaskedTexts(events: unknown[]): string[];
