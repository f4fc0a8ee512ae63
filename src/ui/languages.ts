/**
 * Which language the widget speaks, decided at start-up, and the chunk of its
 * texts, requested then together with the UI's (never one after the other).
 * English is in the UI chunk; each other built-in language is a chunk of its
 * own, so a page fetches at most the one it needs. Sites may add a language of
 * their own through config `strings`.
 */
import { TEXT_KEYS } from '../consent/config-base.js';
import type { TextOverrides } from '../consent/types.js';
import type { Strings } from './strings.js';

/** One loader per built-in language; each `import()` becomes its own chunk. */
const BUILT_IN: Readonly<Record<string, () => Promise<{ readonly strings: Strings }>>> = {
  de: () => import('./i18n/de.js'),
  fr: () => import('./i18n/fr.js'),
  es: () => import('./i18n/es.js'),
  it: () => import('./i18n/it.js'),
  nl: () => import('./i18n/nl.js'),
  pl: () => import('./i18n/pl.js'),
  pt: () => import('./i18n/pt.js'),
  ar: () => import('./i18n/ar.js'),
};

/** How long the banner waits for its language chunk before it shows in English. */
const LOAD_TIMEOUT_MS = 3000;

export const BUILT_IN_LANGUAGES: readonly string[] = ['en', ...Object.keys(BUILT_IN)];

export const primary = (tag: string): string => tag.split('-')[0]!;

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

/** The loader of `language`'s built-in texts; none for English and the site's own languages. */
export function builtInLoader(language: string): (() => Promise<{ readonly strings: Strings }>) | undefined {
  for (const tag of [language, primary(language)]) {
    if (Object.hasOwn(BUILT_IN, tag)) return BUILT_IN[tag];
  }
  return undefined;
}

/**
 * The built-in texts of `language`, or null when it has none to fetch (English,
 * a site's own language) or they could not be fetched in time: the widget then
 * speaks English, and `report` says why.
 */
export async function loadBuiltInTexts(language: string, report: (message: string) => void): Promise<Strings | null> {
  const load = builtInLoader(language);
  if (!load) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // A chunk that hangs must not leave the visitor without a banner.
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS);
    });
    return (await Promise.race([load(), stalled])).strings;
  } catch (error) {
    report(`the "${language}" texts could not be loaded (${String(error)}); showing English`);
    return null;
  } finally {
    clearTimeout(timer);
  }
}
