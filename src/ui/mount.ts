/**
 * The UI chunk's entry: defines `<consent-gate>` and hands every element of the
 * widget (the banner, the privacy declaration, embed placeholders) the store and
 * the texts. Fetched by index.ts only when a visitor must see something.
 */
import type { ConsentStore } from '../consent/store.js';
import type { SentryConfig } from '../consent/types.js';
import type { ConsentGateElement } from './consent-gate.component.js';
import { defineConsentGate } from './consent-gate.js';
import { makeLocale } from './i18n.js';
import { CONSENT_GATE_TAG, DECLARATION_TAG, PLACEHOLDER_TAG } from './index.js';
import type { ShownTexts } from '../consent/record.js';
import type { Strings } from './strings.js';

export interface MountOptions {
  readonly language: string;
  /** The language's built-in texts (null: English, or a site's own language). */
  readonly texts: Strings | null;
  readonly report: (message: string) => void;
  readonly sentry: () => Promise<SentryConfig | null>;
}

export interface MountedUi {
  openPreferences(opener: Element | null): Promise<void>;
  shownTexts(): Promise<ShownTexts>;
  defineDeclaration(): Promise<void>;
  definePlaceholder(): Promise<void>;
}

type Attachable = Element & { store: ConsentStore | undefined; locale: unknown; sentry?: SentryConfig | null };

export function mountUi(store: ConsentStore, { language, texts, report, sentry }: MountOptions): MountedUi {
  // (A language chunk that failed was reported already; English then.)
  const locale = makeLocale(language, texts, store.config.strings);
  const attach = (element: Element): void => {
    if (!('store' in element)) return; // not defined (yet), or not ours
    const ours = element as Attachable;
    ours.locale = locale;
    // The declaration describes Sentry replay where it runs: it waits for that section's parser.
    if (element.localName === DECLARATION_TAG) void sentry().then((section) => ((ours.sentry = section), (ours.store = store)));
    else ours.store = store;
  };
  // Listening before the elements are defined: defining them upgrades those in the page, which then connect.
  document.addEventListener('consent-gate:connect', (event) => attach(event.target as Element));
  const { tag, taken } = defineConsentGate();
  if (taken) report(`<${CONSENT_GATE_TAG}> is already defined by something else on this page; the banner uses <${tag}>`);

  /** The widget's element: the page's, else a new one first in <body> (also when an SPA replaced <body>). */
  const element = (): ConsentGateElement | null => {
    let found = document.querySelector<ConsentGateElement>(tag);
    if (!found && document.body) {
      found = document.createElement(tag) as ConsentGateElement;
      document.body.prepend(found);
    }
    return found && 'openPreferences' in found ? found : null;
  };
  document.querySelectorAll(tag).forEach(attach);
  element();

  /** Fetches and defines an element of its own chunk, once; `what` names it in a report. */
  const definePart = (what: string, tag: string, load: () => Promise<() => void>) => {
    let loaded: Promise<void> | null = null;
    return () =>
      (loaded ??= load().then(
        (define) => {
          define();
          document.querySelectorAll(tag).forEach(attach);
        },
        (error: unknown) => report(`the ${what} could not be loaded (${String(error)})`),
      ));
  };
  return {
    async openPreferences(opener) {
      const found = element();
      await found?.updateComplete;
      await found?.openPreferences(opener);
    },
    // (A chunk of its own: only a consent record needs it.)
    shownTexts: async () => (await import('./shown-texts.js')).shownTexts(store.config, locale, (name) => store.isLockedByGpc(name)),
    defineDeclaration: definePart('privacy declaration', DECLARATION_TAG, async () => (await import('./consent-declaration.js')).defineDeclaration),
    definePlaceholder: definePart('embed placeholder', PLACEHOLDER_TAG, async () => (await import('./consent-placeholder.js')).definePlaceholder),
  };
}
