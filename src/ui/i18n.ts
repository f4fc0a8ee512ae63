/**
 * The widget's texts in the language it speaks (chosen at start-up:
 * languages.ts): English built in, the site's texts (config `strings`) over the
 * built-in ones, category labels, lists. Part of the UI chunk.
 */
import type { CategoryConfig, LocalizedText, TextOverrides } from '../consent/types.js';
import { builtInLoader, loadBuiltInTexts, primary } from './languages.js';
import { en, type WidgetStrings } from './strings.js';

export { BUILT_IN_LANGUAGES, chooseLanguage, siteLanguages } from './languages.js';

/** Languages written right to left (primary subtags). */
const RIGHT_TO_LEFT = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** The texts the widget renders, with the language they are in. */
export interface Locale {
  /** A lower-case language tag, for `lang` attributes and per-language config texts. */
  readonly language: string;
  readonly direction: 'ltr' | 'rtl';
  /** Without the page texts in English: see `withPageTexts` (strings-page.ts). */
  readonly strings: WidgetStrings;
}

/**
 * The locale of `language` (a result of `chooseLanguage`): `builtIn`, the texts
 * its chunk brought (`loadBuiltInTexts`), with the site's texts for the primary
 * language, then for the exact tag, over them. A built-in language whose chunk
 * did not arrive (null) is shown in English rather than without texts.
 */
export function makeLocale(language: string, builtIn: WidgetStrings | null, overrides: TextOverrides): Locale {
  const tag = builtIn || !builtInLoader(language) ? language : 'en';
  const general = tag === primary(tag) ? undefined : overrides[primary(tag)];
  return {
    language: tag,
    direction: RIGHT_TO_LEFT.has(primary(tag)) ? 'rtl' : 'ltr',
    strings: { ...(builtIn ?? en), ...general, ...overrides[tag] } as WidgetStrings,
  };
}

/** Fetches `language`'s texts and makes its locale (as the UI does, in two steps, the fetch from start-up). */
export async function loadLocale(language: string, overrides: TextOverrides, report: (message: string) => void): Promise<Locale> {
  return makeLocale(language, await loadBuiltInTexts(language, report), overrides);
}

/** Picks the text for `language` from a config value, falling back to English, then to `fallback`. */
export function localize(text: LocalizedText | undefined, language: string, fallback: string): string {
  if (typeof text === 'string') return text;
  if (!text) return fallback;
  return text[language] ?? text[language.split('-')[0]!] ?? text.en ?? fallback;
}

/** English, built in: the texts an element shows before (or without) the wiring handing it a locale. */
export const ENGLISH: Locale = { language: 'en', direction: 'ltr', strings: en };

/**
 * A category's label and description as shown in `locale`: the site's text
 * (per language) if it gave one, else the built-in one, else the name.
 */
export function categoryTexts(category: Pick<CategoryConfig, 'name' | 'label' | 'description'>, locale: Locale): { label: string; description: string } {
  const builtIn = locale.strings.categories[category.name];
  return {
    label: localize(category.label, locale.language, builtIn?.label ?? category.name),
    description: localize(category.description, locale.language, builtIn?.description ?? ''),
  };
}

/** "A, B and C" in `locale`'s language (Arabic uses its own comma and "و"); `none` when empty. */
export function formatList(items: readonly string[], locale: Locale): string {
  if (items.length === 0) return locale.strings.none;
  try {
    return new Intl.ListFormat(locale.language, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    // A tag Intl does not know (a site's own language): English list punctuation.
    return new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(items);
  }
}
