/**
 * Reads back what the real @sentry/browser sent to the test server's loopback
 * endpoint (test/server/sentry-endpoint.mjs), already split and inflated there.
 */
import { openPage, uniqueCookieName, waitFor, type OpenOptions, type SitePage } from './page.js';

export interface DecodedItem {
  header: { type: string; [key: string]: unknown };
  payload: Record<string, unknown> | null;
  /** The item body as text; for recordings, the inflated rrweb events as JSON. */
  raw: string;
  recording?: { header: { segment_id: number }; compressed: boolean; events: { type: number; data?: unknown; timestamp: number }[] };
}

export interface DecodedEnvelope {
  receivedAt: number;
  header: Record<string, unknown>;
  items: DecodedItem[];
}

/** The built widget, served from dist/ under a prefix (what a site embeds). */
export const DIST_ENTRY = '/vendor/test/consent-gate/consent-gate.js';

/** A fresh Sentry public key, so each test reads only its own envelopes. */
export function uniqueSentryKey(): string {
  return `k${Math.random().toString(36).slice(2, 12)}`;
}

/** A DSN pointing at the test server itself. */
export function loopbackDsn(key: string): string {
  return `${location.protocol}//${key}@${location.host}/1`;
}

export async function envelopes(key: string): Promise<DecodedEnvelope[]> {
  const response = await fetch(`/__sentry/envelopes?key=${encodeURIComponent(key)}`, { cache: 'no-store' });
  return response.json();
}

export function items(list: DecodedEnvelope[], type: string): DecodedItem[] {
  return list.flatMap((envelope) => envelope.items.filter((item) => item.header.type === type));
}

export const replayItems = (list: DecodedEnvelope[]) =>
  list.flatMap((envelope) => envelope.items.filter((item) => item.header.type.startsWith('replay')));

/** Waits until the endpoint holds an item of `type` for `key`; returns all envelopes. */
export async function waitForItem(key: string, type: string, timeout = 20_000): Promise<DecodedEnvelope[]> {
  let list: DecodedEnvelope[] = [];
  await waitFor(
    async () => {
      list = await envelopes(key);
      return items(list, type).length > 0;
    },
    `a "${type}" item`,
    timeout,
    250,
  );
  return list;
}

/** Script URLs the page has fetched (resource timing), e.g. to prove a chunk was not downloaded. */
export function fetchedUrls(page: SitePage): string[] {
  return page.window.performance.getEntriesByType('resource').map((entry) => entry.name);
}

/** Lets time pass in the page (replay flushes after ~5 s). */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The pages a describe block opens: each is reset (forgetting its choice) and
 * closed after every test, and the tab's replay session entry is cleared.
 * Iframes of one tab share sessionStorage, so a left-over entry would be resumed.
 */
export function pagesClosedAfterEach(): SitePage[] {
  const pages: SitePage[] = [];
  afterEach(() => {
    for (const page of pages.splice(0)) {
      void page.window.consentGate?.reset();
      page.close();
    }
    sessionStorage.removeItem('sentryReplaySession');
  });
  return pages;
}

/** Opens a fixture with the built widget and Sentry pointed at the loopback endpoint for `key`. */
export async function openWithSentry(
  pages: SitePage[],
  key: string,
  sentry: Record<string, unknown>,
  options: OpenOptions = {},
): Promise<SitePage> {
  const page = await openPage({
    src: [DIST_ENTRY],
    config: { cookie: { name: uniqueCookieName() }, sentry: { dsn: loopbackDsn(key), ...sentry } },
    ...options,
  });
  pages.push(page);
  return page;
}
