/**
 * The UI as start-up sees it: when the widget's elements are needed, and how
 * they arrive. Nothing here renders. The elements, their styles and the English
 * texts are the UI chunk (mount.ts), fetched only when a visitor must see
 * something: no valid choice stored (then at once, with the language's chunk
 * beside it), `reset()`, `openPreferences()`, a preferences link, a privacy
 * declaration or a blocked embed on the page. A returning visitor's page view
 * runs without it.
 */
import { watchAddedElements } from '../added-elements.js';
import type { ShownTexts } from '../consent/record.js';
import type { ConsentStore } from '../consent/store.js';
import type { SentryConfig } from '../consent/types.js';
import { chooseLanguage, loadBuiltInTexts, primary, siteLanguages } from './languages.js';
import type { MountedUi } from './mount.js';

export const CONSENT_GATE_TAG = 'consent-gate';
export const DECLARATION_TAG = 'consent-gate-declaration';
export const PLACEHOLDER_TAG = 'consent-gate-placeholder';
const PREFERENCES_HASH = '#consent-preferences';
const XLINK = 'http://www.w3.org/1999/xlink';

export interface UiOptions {
  readonly report: (message: string) => void;
  /** The `sentry` config section, for the privacy declaration (it describes replay where it runs). */
  readonly sentry: () => Promise<SentryConfig | null>;
}

export interface Ui {
  /** Settles once the page's first view is painted: with the banner, when it shows at start-up. */
  readonly painted: Promise<void>;
  /** Opens the preferences dialog; focus returns to `opener` (by default what has focus now) when it closes. */
  openPreferences(opener?: Element | null): Promise<void>;
  /** The stand-in of a blocked embed, at its box; it upgrades when its chunk arrives. */
  placeholder(embed: HTMLElement, categories: readonly string[], box: { width: string; height: string; display: string }, locked: boolean): HTMLElement;
  /** The texts a visitor is shown, as a consent record keeps them. */
  shownTexts(): Promise<ShownTexts>;
}

/** The element that has focus, looking inside open shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Resolves after the next paint, so a chunk fetched then never competes with
 * what the page shows first; a hidden tab paints nothing, so a timer backs it up.
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 500);
  });
}

/** The element that asks for the preferences dialog, if the event came from one. */
function preferencesTrigger(event: Event): Element | null {
  for (const target of event.composedPath()) {
    if (!(target instanceof Element)) continue;
    if (target.hasAttribute('data-consent-preferences')) return target;
    // Any link: <a> (HTML, or SVG with href or xlink:href) and <area>.
    const href = target.matches('a[*|href],area[href]') ? (target.getAttribute('href') ?? target.getAttributeNS(XLINK, 'href') ?? '') : '';
    if (!href.includes(PREFERENCES_HASH)) continue;
    // Written as a bare fragment it means this page, even where <base href> (an SPA's "/") resolves it elsewhere.
    if (href === PREFERENCES_HASH) return target;
    try {
      const here = new URL(location.href);
      const there = new URL(href, document.baseURI);
      // A link to another page's #consent-preferences navigates; that page opens the dialog.
      if (there.hash === PREFERENCES_HASH && there.origin === here.origin && there.pathname === here.pathname && there.search === here.search) return target;
    } catch {
      // Not a URL: the browser does not follow it either.
    }
  }
  return null;
}

export function createUi(store: ConsentStore, { report, sentry }: UiOptions): Ui {
  const { config } = store;
  const language = chooseLanguage(config.language, document.documentElement.lang, navigator.languages ?? [], siteLanguages(config.strings, report));
  if (config.language !== 'auto' && language !== config.language && primary(language) !== primary(config.language)) {
    report(`config "language" is "${config.language}", which has no texts (add them under "strings"); using "${language}"`);
  }

  let mounted: Promise<MountedUi | null> | null = null;
  /** Fetches the UI chunk and the language's texts side by side, and mounts the UI (once; again after a failure). */
  const load = (): Promise<MountedUi | null> =>
    (mounted ??= Promise.all([import('./mount.js'), loadBuiltInTexts(language, report)]).then(
      ([{ mountUi }, texts]) => mountUi(store, { language, texts, report, sentry }),
      (error: unknown) => {
        mounted = null;
        report(`the banner could not be loaded (${String(error)})`);
        return null;
      },
    ));

  // <consent-gate> goes into the page at once, first in <body> (keyboard and
  // screen-reader users meet the choice before the page); it stays an empty,
  // undefined element until the UI chunk defines it. Not where the page has one,
  // nor where it defined the tag as something else (the UI then uses another tag).
  const insert = (): void => {
    const defined = customElements.get(CONSENT_GATE_TAG);
    if (defined && !('openPreferences' in defined.prototype)) return;
    if (!document.querySelector(CONSENT_GATE_TAG)) document.body?.prepend(document.createElement(CONSENT_GATE_TAG));
  };
  // (An async or injected copy may run before <body> exists.)
  if (document.body) insert();
  else document.addEventListener('DOMContentLoaded', insert, { once: true });

  const painted = store.state === null ? load().then(afterNextPaint) : afterNextPaint();
  // A withdrawal here or in another tab, or reset(): the banner shows again.
  store.subscribe((state) => (state === null ? load() : undefined));

  const openPreferences = async (opener: Element | null = deepActiveElement()): Promise<void> => {
    // The opener is taken now: focus may move while the chunk is coming.
    await (await load())?.openPreferences(opener);
  };
  document.addEventListener('click', (event) => {
    const trigger = preferencesTrigger(event);
    if (!trigger) return;
    event.preventDefault();
    void openPreferences(trigger);
  });
  if (location.hash === PREFERENCES_HASH) void openPreferences();

  // <consent-gate-declaration> (privacy pages only): with the UI, and its own chunk.
  const declare = (): void => void load().then((ui) => ui?.defineDeclaration());
  watchAddedElements(DECLARATION_TAG, declare);
  if (document.querySelector(DECLARATION_TAG)) declare();

  return {
    painted,
    openPreferences,
    placeholder(embed, categories, box, locked) {
      void load().then((ui) => ui?.definePlaceholder());
      const standIn = document.createElement(PLACEHOLDER_TAG);
      Object.assign(standIn.style, box);
      // Kept as they are until the element is defined (element.ts takes them over).
      return Object.assign(standIn, { source: embed.getAttribute('data-src') ?? '', categories, locked });
    },
    async shownTexts() {
      const ui = await load();
      if (!ui) throw new Error('the texts shown could not be loaded');
      return ui.shownTexts();
    },
  };
}
