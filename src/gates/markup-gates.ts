/**
 * The gates for what a site writes in its markup: blocked `<script>` tags and
 * embeds (see scripts.ts and embeds.ts). One chunk, fetched when the page has
 * (or gets) such a tag; blocked embeds get their placeholder from here.
 */
import type { ConsentStore } from '../consent/store.js';
import { categoryTexts, formatList, type Locale } from '../ui/i18n.js';
import { createEmbedGate, type PlaceholderFactory } from './embeds.js';
import type { Gate } from './gate.js';
import { createScriptGate } from './scripts.js';

const PLACEHOLDER_TAG = 'consent-gate-placeholder';

export interface MarkupGateContext {
  readonly report: (message: string) => void;
  /** Runs `show` with the widget's texts once they are in. */
  readonly withLocale: (show: (texts: Locale) => void) => void;
  /** Fetches a UI chunk once, reporting a failure. */
  readonly loadOnce: (name: string, load: () => Promise<unknown>) => void;
}

/** The host an embed's content comes from, for its placeholder ("www.youtube.com"). */
function hostOf(source: string): string {
  try {
    return new URL(source, location.href).host;
  } catch {
    return source;
  }
}

export function createMarkupGates(store: ConsentStore, { report, withLocale, loadOnce }: MarkupGateContext): Gate {
  // A blocked iframe gets a placeholder in the widget's language. The placeholder
  // element is a chunk of its own, fetched with the first blocked iframe; the
  // element made here upgrades when it arrives (its properties are kept until then).
  const placeholder: PlaceholderFactory = (embed, categories, box, locked) => {
    loadOnce('embed placeholder', () => import('../ui/consent-placeholder.js').then((module) => module.definePlaceholder()));
    const standIn = document.createElement(PLACEHOLDER_TAG) as HTMLElement & {
      locale: Locale;
      source: string;
      categoryLabel: string;
      locked: boolean;
      allow: () => void;
    };
    standIn.style.width = box.width;
    standIn.style.height = box.height;
    standIn.style.display = box.display;
    standIn.locked = locked;
    standIn.allow = () => void store.set(Object.fromEntries(categories.map((name) => [name, true])));
    withLocale((texts) => {
      standIn.locale = texts;
      standIn.source = hostOf(embed.getAttribute('data-src') ?? '');
      standIn.categoryLabel = formatList(
        categories.map((name) => categoryTexts(store.config.categories.find((category) => category.name === name) ?? { name }, texts).label),
        texts,
      );
    });
    return standIn;
  };
  const gates = [createScriptGate(store, report), createEmbedGate(store, report, placeholder)];
  return {
    name: 'scripts and embeds',
    follow: (state, source) => Promise.all(gates.map((gate) => gate.follow(state, source))),
  };
}
