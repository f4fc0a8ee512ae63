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
 * The locale of `language`: `builtIn` (its chunk's texts; null for English and
 * the site's own languages) with the site's texts for the primary language,
 * then for the exact tag, over them.
 */
export function makeLocale(language: string, builtIn: WidgetStrings | null, overrides: TextOverrides): Locale {
  const general = language === primary(language) ? undefined : overrides[primary(language)];
  return {
    language,
    direction: RIGHT_TO_LEFT.has(primary(language)) ? 'rtl' : 'ltr',
    strings: { ...(builtIn ?? en), ...general, ...overrides[language] } as WidgetStrings,
  };
}

/** The locale of `language` when no chunk is needed for it (English and site-only languages), else null. */
export function localeWithoutLoading(language: string, overrides: TextOverrides): Locale | null {
  return builtInLoader(language) ? null : makeLocale(language, null, overrides);
}

/**
 * Loads the locale of `language` (a result of `chooseLanguage`). A language chunk
 * that cannot be fetched leaves the widget in English rather than without texts.
 */
export async function loadLocale(language: string, overrides: TextOverrides, report: (message: string) => void): Promise<Locale> {
  if (!builtInLoader(language)) return makeLocale(language, null, overrides);
  const builtIn = await loadBuiltInTexts(language, report);
  return builtIn ? makeLocale(language, builtIn, overrides) : makeLocale('en', null, overrides);
}

/** Picks the text for `language` from a config value, falling back to English, then to `fallback`. */
export function localize(text: LocalizedText | undefined, language: string, fallback: string): string {
  if (typeof text === 'string') return text;
  if (!text) return fallback;
  return text[language] ?? text[language.split('-')[0]!] ?? text.en ?? fallback;
}

/** English, built in: the texts an element shows before (or without) the embed choosing a language. */
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
