/**
 * Embed gate: `<iframe data-consent-category="marketing" data-src="…">` (or any
 * element with `data-src`: img, video, audio) gets its `src` once every category
 * it names is granted, and loses it again on withdrawal (an iframe is sent to
 * `about:blank`, so the third party's page is gone at once). While blocked, an
 * iframe is hidden behind a placeholder of the same size that the UI provides
 * (it says what it is and offers to allow the category). Tags added later are
 * handled too.
 */
import type { ConsentStore } from '../consent/store.js';
import { isSafeUrl } from '../consent/url.js';
import { watchAddedElements } from '../added-elements.js';
import { BLOCKED_EMBED, categoriesOf } from './markup.js';
import type { Gate } from './gate.js';

/** The box a placeholder must take: the iframe's size (CSS pixels) and display. */
export interface EmbedBox {
  readonly width: string;
  readonly height: string;
  readonly display: string;
}

/**
 * Makes the stand-in for a blocked iframe, to take `box`. `locked`: a category
 * it needs is off under Global Privacy Control, so allowing it cannot help.
 */
export type PlaceholderFactory = (embed: HTMLElement, categories: readonly string[], box: EmbedBox, locked: boolean) => HTMLElement;

/** The box a blocked embed takes, so its placeholder takes the same (and nothing shifts on unblock). */
function boxOf(embed: HTMLElement): EmbedBox {
  const rect = embed.getBoundingClientRect();
  const side = (measured: number, attribute: string | null, fallback: string) =>
    measured > 0 ? `${measured}px` : attribute && /^\d+$/.test(attribute) ? `${attribute}px` : fallback;
  const display = getComputedStyle(embed).display;
  return {
    width: side(rect.width, embed.getAttribute('width'), '100%'),
    height: side(rect.height, embed.getAttribute('height'), '150px'),
    // An iframe is inline by default: an inline-block sits on the line the same way.
    // One the site hid stays hidden.
    display: display === 'inline' ? 'inline-block' : display,
  };
}

export function createEmbedGate(store: ConsentStore, report: (message: string) => void, placeholder?: PlaceholderFactory): Gate {
  const known = new Set(store.config.categories.map((category) => category.name));
  const standIns = new WeakMap<Element, HTMLElement>();

  /** Whether the embed could ever load: known categories and a safe URL (reported once otherwise). */
  const loadable = (embed: HTMLElement): boolean => {
    const wanted = categoriesOf(embed);
    const unknown = wanted.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      report(`an embed asks for the unknown category "${unknown.join('", "')}"; it stays blocked`);
      return false;
    }
    const source = embed.getAttribute('data-src') ?? '';
    if (!isSafeUrl(source)) {
      report(`an embed's data-src ${JSON.stringify(source.slice(0, 80))} is not an http(s) or relative URL; it stays blocked`);
      return false;
    }
    return wanted.length > 0;
  };
  const allowed = (embed: HTMLElement): boolean => loadable(embed) && categoriesOf(embed).every((name) => store.has(name));

  const block = (embed: HTMLElement): void => {
    if (embed.hasAttribute('src')) {
      if (embed instanceof HTMLIFrameElement) embed.src = 'about:blank';
      else embed.removeAttribute('src');
    }
    // One that can never load gets no offer to allow it.
    if (!(embed instanceof HTMLIFrameElement) || !placeholder || standIns.has(embed) || !loadable(embed)) return;
    const categories = categoriesOf(embed);
    const standIn = placeholder(embed, categories, boxOf(embed), categories.some((name) => store.isLockedByGpc(name)));
    standIns.set(embed, standIn);
    embed.before(standIn);
    embed.style.setProperty('display', 'none', 'important');
  };

  const unblock = (embed: HTMLElement): void => {
    const standIn = standIns.get(embed);
    if (standIn) {
      standIn.remove();
      standIns.delete(embed);
      embed.style.removeProperty('display');
      if (embed.getAttribute('style') === '') embed.removeAttribute('style');
    }
    const source = embed.getAttribute('data-src')!;
    if (embed.getAttribute('src') !== source) embed.setAttribute('src', source);
  };

  const follow = (embed: HTMLElement): void => (allowed(embed) ? unblock(embed) : block(embed));
  const followAll = (): void => document.querySelectorAll<HTMLElement>(BLOCKED_EMBED).forEach(follow);

  watchAddedElements(BLOCKED_EMBED, (element) => follow(element as HTMLElement));
  // (The restored state is followed at start-up like any other: no pass of its own here.)
  return { name: 'embeds', follow: followAll };
}
