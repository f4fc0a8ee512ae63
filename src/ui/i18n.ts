/**
 * Which language the widget speaks, and its texts in that language. English is
 * built in; the other languages are lazy chunks, so a page fetches at most the
 * one it needs. Sites may replace any text per language (config `strings`), and
 * may add a language of their own that way (missing texts stay English).
 */
import { TEXT_KEYS } from '../consent/config-base.js';
import type { CategoryConfig, LocalizedText, TextOverrides } from '../consent/types.js';
import { en, type Strings, type WidgetStrings } from './strings.js';

type StringsModule = { readonly strings: Strings };

/** One loader per built-in language; each `import()` becomes its own chunk. */
const BUILT_IN: Readonly<Record<string, () => Promise<StringsModule>>> = {
  de: () => import('./i18n/de.js'),
  fr: () => import('./i18n/fr.js'),
  es: () => import('./i18n/es.js'),
  it: () => import('./i18n/it.js'),
  nl: () => import('./i18n/nl.js'),
  pl: () => import('./i18n/pl.js'),
  pt: () => import('./i18n/pt.js'),
  ar: () => import('./i18n/ar.js'),
};

/** Languages written right to left (primary subtags). */
const RIGHT_TO_LEFT = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** How long the banner waits for its language chunk before it shows in English. */
const LOAD_TIMEOUT_MS = 3000;

export const BUILT_IN_LANGUAGES: readonly string[] = ['en', ...Object.keys(BUILT_IN)];

/** The texts the widget renders, with the language they are in. */
export interface Locale {
  /** A lower-case language tag, for `lang` attributes and per-language config texts. */
  readonly language: string;
  readonly direction: 'ltr' | 'rtl';
  /** Without the page texts in English: see `withPageTexts` (strings-page.ts). */
  readonly strings: WidgetStrings;
}

const primary = (tag: string): string => tag.split('-')[0]!;

/**
 * The site's languages the widget can speak: variants of a built-in language
 * (`en-gb`, `de-ch`) with any texts, other languages only with every text (a
 * partly translated language would read English under another `lang`).
 * `report` hears of the incomplete ones.
 */
export function siteLanguages(overrides: TextOverrides, report: (message: string) => void): string[] {
  return Object.keys(overrides).filter((language) => {
    if (BUILT_IN_LANGUAGES.includes(primary(language))) return true;
    const missing = TEXT_KEYS.filter((key) => !overrides[language]?.[key] && !overrides[primary(language)]?.[key]);
    if (missing.length === 0) return true;
    report(`config "strings.${language}" lacks ${missing.join(', ')}; a language without built-in texts needs them all, so it is not used`);
    return false;
  });
}

/**
 * The best language for `wanted` among those we have texts for (built in, or
 * given by the site): the exact tag, else its primary subtag. `null` when none.
 */
export function matchLanguage(wanted: string, siteLanguages: readonly string[]): string | null {
  const tag = wanted.trim().toLowerCase();
  if (!tag) return null;
  const known = (candidate: string) => BUILT_IN_LANGUAGES.includes(candidate) || siteLanguages.includes(candidate);
  if (known(tag)) return tag;
  return known(primary(tag)) ? primary(tag) : null;
}

/**
 * Picks the language: the configured one when we have texts for it, else the
 * page's `<html lang>`, else the visitor's `navigator.languages`, else English.
 */
export function chooseLanguage(
  configured: string,
  pageLanguage: string,
  visitorLanguages: readonly string[],
  siteLanguages: readonly string[],
): string {
  const candidates = configured === 'auto' ? [pageLanguage, ...visitorLanguages] : [configured, pageLanguage, ...visitorLanguages];
  for (const candidate of candidates) {
    const match = matchLanguage(candidate, siteLanguages);
    if (match) return match;
  }
  return 'en';
}

function loaderFor(language: string): (() => Promise<StringsModule>) | undefined {
  for (const tag of [language, primary(language)]) {
    if (Object.hasOwn(BUILT_IN, tag)) return BUILT_IN[tag];
  }
  return undefined;
}

function makeLocale(language: string, base: WidgetStrings, overrides: TextOverrides): Locale {
  // The site's texts for the primary language, then for the exact tag, over the built-in ones.
  const general = language === primary(language) ? undefined : overrides[primary(language)];
  return {
    language,
    direction: RIGHT_TO_LEFT.has(primary(language)) ? 'rtl' : 'ltr',
    strings: { ...base, ...general, ...overrides[language] } as WidgetStrings,
  };
}

/** The locale of `language` when no chunk is needed for it (English and site-only languages), else null. */
export function localeWithoutLoading(language: string, overrides: TextOverrides): Locale | null {
  return loaderFor(language) ? null : makeLocale(language, en, overrides);
}

/**
 * Loads the texts of `language` (a result of `chooseLanguage`). A language chunk
 * that cannot be fetched leaves the widget in English rather than without texts.
 */
export async function loadLocale(
  language: string,
  overrides: TextOverrides,
  report: (message: string) => void,
): Promise<Locale> {
  const load = loaderFor(language);
  if (!load) return makeLocale(language, en, overrides);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // A chunk that hangs must not leave the visitor without a banner.
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS);
    });
    return makeLocale(language, (await Promise.race([load(), stalled])).strings, overrides);
  } catch (error) {
    report(`the "${language}" texts could not be loaded (${String(error)}); showing English`);
    return makeLocale('en', en, overrides);
  } finally {
    clearTimeout(timer);
  }
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
