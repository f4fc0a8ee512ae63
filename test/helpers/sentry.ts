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

/**
 * The replay SDK's own sessionStorage key, written out here rather than taken from
 * src/, so a wrong constant in the gate cannot make these tests pass.
 */
export const REPLAY_SESSION_KEY = 'sentryReplaySession';

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

/**
 * Everything received for `key`. An envelope the endpoint could not decode fails
 * the test: unread data must never count as "nothing leaked".
 */
export async function envelopes(key: string): Promise<DecodedEnvelope[]> {
  const response = await fetch(`/__sentry/envelopes?key=${encodeURIComponent(key)}`, { cache: 'no-store' });
  const list: DecodedEnvelope[] = await response.json();
  const broken = list.find((envelope) => envelope.header.decodeError);
  if (broken) throw new Error(`the test endpoint could not decode an envelope: ${String(broken.header.decodeError)}`);
  return list;
}

export function items(list: DecodedEnvelope[], type: string): DecodedItem[] {
  return list.flatMap((envelope) => envelope.items.filter((item) => item.header.type === type));
}

export const replayItems = (list: DecodedEnvelope[]) =>
  list.flatMap((envelope) => envelope.items.filter((item) => item.header.type.startsWith('replay')));

/** Waits until the envelopes received for `key` satisfy `condition`; returns them. */
export async function waitForEnvelopes(
  key: string,
  condition: (list: DecodedEnvelope[]) => boolean,
  message: string,
  timeout = 20_000,
): Promise<DecodedEnvelope[]> {
  let list: DecodedEnvelope[] = [];
  await waitFor(
    async () => {
      list = await envelopes(key);
      return condition(list);
    },
    message,
    timeout,
    250,
  );
  return list;
}

/** Waits until the endpoint holds an item of `type` for `key`; returns all envelopes. */
export function waitForItem(key: string, type: string, timeout = 20_000): Promise<DecodedEnvelope[]> {
  return waitForEnvelopes(key, (list) => items(list, type).length > 0, `a "${type}" item`, timeout);
}

/** Script URLs the page has fetched (resource timing), e.g. to prove a chunk was not downloaded. */
export function fetchedUrls(page: SitePage): string[] {
  return page.window.performance.getEntriesByType('resource').map((entry) => entry.name);
}

/** Lets time pass in the page (replay flushes after ~5 s). */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The pages a describe block opens: each is reset (forgetting its choice) and
 * closed after every test. Iframes of one tab share sessionStorage, and a replay
 * SDK that saw its page unload may have saved its session there, which the next
 * test's replay would resume: the entry is cleared before every test too.
 */
export function pagesClosedAfterEach(): SitePage[] {
  const pages: SitePage[] = [];
  beforeEach(() => sessionStorage.removeItem(REPLAY_SESSION_KEY));
  afterEach(() => {
    for (const page of pages.splice(0)) {
      void page.window.consentGate?.reset();
      page.close();
    }
    sessionStorage.removeItem(REPLAY_SESSION_KEY);
  });
  return pages;
}

/** A config with its own consent cookie and Sentry pointed at the loopback endpoint under a fresh key. */
export function sentrySetup(sentry: Record<string, unknown> = {}): { key: string; config: Record<string, unknown> } {
  const key = uniqueSentryKey();
  return { key, config: { cookie: { name: uniqueCookieName() }, sentry: { dsn: loopbackDsn(key), ...sentry } } };
}

/** Opens a fixture with the built widget (dist/) and `config`; the page joins `pages` for clean-up. */
export async function openBuilt(pages: SitePage[], config: unknown, options: OpenOptions = {}): Promise<SitePage> {
  const page = await openPage({ src: [DIST_ENTRY], config, ...options });
  pages.push(page);
  return page;
}

/** Envelopes with replay items that reached the endpoint more than a second after `time`. */
export async function replaySentAfter(key: string, time: number): Promise<DecodedEnvelope[]> {
  return (await envelopes(key)).filter((envelope) => envelope.receivedAt > time + 1000 && replayItems([envelope]).length > 0);
}

/**
 * Whether a recording shows `tag` as blocked: rrweb records a blocked element as
 * an empty placeholder whose only attributes are its size (rr_width, rr_height).
 * Masking alone would keep the element's own attributes and its children.
 */
export function recordedAsBlocked(recordingJson: string, tag: string): boolean {
  return new RegExp(`"tagName":"${tag}","attributes":\\{"rr_width":"[^"]*","rr_height":"[^"]*"\\},"childNodes":\\[\\]`).test(recordingJson);
}
