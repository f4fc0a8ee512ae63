/**
 * What Sentry may see: the locked replay privacy options, and the scrubbers that
 * keep page text and URL queries out of breadcrumbs, replay custom events and
 * error events. Pure functions over plain objects, shared by the Sentry chunks
 * and by a site's own SDK (bring-your-own Sentry).
 */
import type { SentryConfig } from '../consent/types.js';

/** Everything replay must never show, whatever the site configures. */
export const ALWAYS_BLOCKED = Object.freeze([
  // blockAllMedia covers img, svg, video, audio, picture, embed, object; not these:
  'canvas',
  'iframe',
  'frame',
  'input[type="image" i]',
  // The widget itself: the visitor's choice is nobody's replay material.
  'consent-gate',
]);

/**
 * Attributes whose values replay replaces with `*`. Sentry's default is
 * title, placeholder and aria-label; `alt` and the other text-bearing ARIA
 * attributes carry page text too, and the URL attributes the player never
 * needs carry page data (`action="/customers/jane-doe/delete"`). A link's
 * `href` is made absolute before this list is asked: see REPLAY_SDK_CHANGES
 * in build/replay-sdk-privacy.mjs.
 */
export const MASKED_ATTRIBUTES = Object.freeze([
  'title',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'alt',
  'label',
  'summary',
  'action',
  'formaction',
  'cite',
  'ping',
]);

/** Element attributes a click breadcrumb may keep: code, not content. */
const SAFE_NODE_ATTRIBUTES = new Set(['id', 'class', 'role', 'type', 'data-sentry-component', 'data-sentry-element']);

export type LockedReplayOptions = ReturnType<typeof lockedReplayOptions>;

/**
 * Keeps the selectors this browser can parse. The SDK joins all block (and mask)
 * selectors into one and checks elements with `matches()`, which throws on one
 * bad part: then nothing would be blocked at all.
 */
export function validSelectors(key: string, selectors: readonly string[]): string[] {
  const probe = document.createDocumentFragment();
  return selectors.filter((selector) => {
    try {
      probe.querySelector(selector);
      return true;
    } catch {
      console.error(`consent-gate: config "${key}" has a selector this browser cannot parse (${JSON.stringify(selector)}); it is ignored`);
      return false;
    }
  });
}

/** The privacy part of the replay integration's options; no key here can be weakened by config. */
export function lockedReplayOptions(config: Pick<SentryConfig, 'mask' | 'block' | 'keepUrlQuery'>) {
  return {
    maskAllText: true,
    maskAllInputs: true,
    blockAllMedia: true,
    mask: validSelectors('sentry.mask', config.mask),
    block: [...ALWAYS_BLOCKED, ...validSelectors('sentry.block', config.block)],
    unmask: [] as string[],
    unblock: [] as string[],
    maskAttributes: [...MASKED_ATTRIBUTES],
    networkDetailAllowUrls: [] as string[],
    networkCaptureBodies: false,
    networkRequestHeaders: [] as string[],
    networkResponseHeaders: [] as string[],
    beforeAddRecordingEvent: (event: RecordingEvent) => scrubRecordingEvent(event, config.keepUrlQuery),
  };
}

/**
 * Keeps origin and path of a URL and drops query and fragment (unless
 * `keepQuery`). Relative URLs stay relative; anything unparsable is dropped.
 */
export function scrubUrl(url: string, keepQuery = false): string {
  if (keepQuery) return url;
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

/** One segment of an element path: `tag#id.class.class`. */
const PATH_SEGMENT = String.raw`[\w-]+(?:#[\w-]+)?(?:\.[\w-]+)*`;
const PATH_PREFIX = new RegExp(`^${PATH_SEGMENT}(?: > ${PATH_SEGMENT})*`);

/**
 * Removes attribute parts (`[title="…"]`, `[aria-label="…"]`, …) from a CSS-like
 * element path such as Sentry's click breadcrumb message
 * `body > button#save.primary[aria-label="Delete Bob"]`. The SDK does not escape
 * the values, so only the leading part that still reads as a plain path
 * (`tag#id.class > …`) is kept; whatever follows a value with `"]` in it is cut.
 */
export function scrubSelector(path: string): string {
  const stripped = path.replace(/\[[\w-]+(="[^"\]]*")?\]/g, '');
  return PATH_PREFIX.exec(stripped)?.[0] ?? '';
}

/** `body > main > button#save.primary`, built from the element itself: no attribute values, no text. */
export function elementPath(element: Element, depth = 5): string {
  const segments: string[] = [];
  for (let node: Element | null = element; node && segments.length < depth; node = node.parentElement) {
    let segment = node.localName.replace(/[^\w-]/g, '');
    if (/^[\w-]+$/.test(node.id)) segment += `#${node.id}`;
    for (const name of [...node.classList].slice(0, 4)) if (/^[\w-]+$/.test(name)) segment += `.${name}`;
    segments.unshift(segment);
  }
  return segments.join(' > ');
}

export interface Breadcrumb {
  category?: string;
  message?: string;
  data?: { [key: string]: unknown };
}

function scrubNode(node: unknown): unknown {
  if (!node || typeof node !== 'object') return undefined;
  const { id, tagName, attributes } = node as { id?: unknown; tagName?: unknown; attributes?: Record<string, unknown> };
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (SAFE_NODE_ATTRIBUTES.has(name)) kept[name] = value;
  }
  return { id, tagName, textContent: '', attributes: kept };
}

/**
 * A breadcrumb without page text: UI breadcrumbs keep the element path minus
 * attribute values (rebuilt from `target` when the SDK hands it over) and lose
 * text content; URLs lose query and fragment.
 */
export function scrubBreadcrumb<B extends Breadcrumb>(breadcrumb: B, keepQuery = false, target?: unknown): B {
  const scrubbed: Breadcrumb = { ...breadcrumb };
  const category = breadcrumb.category ?? '';
  const data = breadcrumb.data ? { ...breadcrumb.data } : undefined;
  if (category.startsWith('ui.')) {
    if (target instanceof Element) scrubbed.message = elementPath(target);
    else if (typeof scrubbed.message === 'string') scrubbed.message = scrubSelector(scrubbed.message);
    if (data && 'node' in data) data.node = scrubNode(data.node);
  }
  if (data) {
    for (const key of ['url', 'from', 'to', 'previous']) {
      if (typeof data[key] === 'string') data[key] = scrubUrl(data[key] as string, keepQuery);
    }
    scrubbed.data = data;
  }
  if (category === 'navigation' && typeof scrubbed.message === 'string') {
    scrubbed.message = scrubUrl(scrubbed.message, keepQuery);
  }
  return scrubbed as B;
}

/** A replay custom event (rrweb type 5): a breadcrumb or a performance span. */
export interface RecordingEvent {
  type: number;
  timestamp: number;
  data: { tag?: string; payload?: Record<string, unknown> } & Record<string, unknown>;
}

/**
 * Resource spans that may stay in a recording: code and API calls. Images,
 * media, iframes and whatever CSS loads name the page's content by their URL
 * (`/avatars/jane-doe.jpg`), so their spans are dropped like the media itself.
 */
const KEPT_RESOURCE_SPANS = new Set(['resource.script', 'resource.link', 'resource.fetch', 'resource.xhr']);

/**
 * Scrubs replay custom events the way `scrubBreadcrumb` scrubs breadcrumbs;
 * returns null for events that must not be recorded at all.
 */
export function scrubRecordingEvent(event: RecordingEvent, keepQuery = false): RecordingEvent | null {
  const payload = event.data?.payload;
  if (!payload) return event;
  if (event.data.tag === 'breadcrumb') {
    const breadcrumb = scrubBreadcrumb(payload as Breadcrumb, keepQuery) as Record<string, unknown>;
    return { ...event, data: { ...event.data, payload: breadcrumb } };
  }
  if (event.data.tag === 'performanceSpan') {
    const span: Record<string, unknown> = { ...payload };
    const op = String(span.op ?? '');
    if (op.startsWith('resource.') && !KEPT_RESOURCE_SPANS.has(op)) return null;
    if ((op.startsWith('navigation') || op.startsWith('resource')) && typeof span.description === 'string') {
      span.description = scrubUrl(span.description, keepQuery);
    }
    if (span.data && typeof span.data === 'object') {
      const data = { ...(span.data as Record<string, unknown>) };
      for (const key of ['url', 'previous']) {
        if (typeof data[key] === 'string') data[key] = scrubUrl(data[key] as string, keepQuery);
      }
      span.data = data;
    }
    return { ...event, data: { ...event.data, payload: span } };
  }
  return event;
}

export interface SentryEventLike {
  type?: string;
  user?: unknown;
  request?: { url?: string; headers?: Record<string, string>; cookies?: unknown; query_string?: unknown };
  breadcrumbs?: Breadcrumb[];
  urls?: string[];
  [key: string]: unknown;
}

/**
 * An error or replay event without user data, cookies, URL queries or page text
 * in its breadcrumbs. Applied by an event processor, so it also reaches
 * `replay_event`s (which skip `beforeSend`).
 */
export function scrubEvent<E extends SentryEventLike>(event: E, keepQuery = false): E {
  const scrubbed: SentryEventLike = { ...event };
  delete scrubbed.user;
  if (scrubbed.request) {
    const { url, headers } = scrubbed.request;
    const request: NonNullable<SentryEventLike['request']> = {};
    if (url) request.url = scrubUrl(url, keepQuery);
    if (headers?.['User-Agent']) request.headers = { 'User-Agent': headers['User-Agent'] };
    scrubbed.request = request;
  }
  if (scrubbed.breadcrumbs) scrubbed.breadcrumbs = scrubbed.breadcrumbs.map((b) => scrubBreadcrumb(b, keepQuery));
  if (scrubbed.urls) scrubbed.urls = scrubbed.urls.map((url) => scrubUrl(url, keepQuery));
  return scrubbed as E;
}
