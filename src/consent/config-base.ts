/**
 * Config validation, the part needed before the banner shows (see config.ts for
 * the rules). Every key is optional; a bad key is reported once and replaced by
 * its default as a whole.
 */
import type {
  CategoryConfig,
  CookieConfig,
  LocalizedText,
  Placement,
  ResolvedConfig,
  SameSite,
  TextOverrides,
  Theme,
} from './types.js';
import { CATEGORY_NAME } from './cookie.js';
import { isSafeUrl } from './url.js';

/** Receives one message per problem found; the embed sends them to `console.error`. */
export type ConfigProblemReporter = (message: string) => void;

export const DEFAULT_COOKIE: CookieConfig = Object.freeze({
  name: 'consent_gate',
  domain: null,
  path: '/',
  maxAgeDays: 182,
  sameSite: 'Lax',
});

/** Browsers cap cookie lifetimes at 400 days (RFC 6265bis). */
const MAX_AGE_DAYS_LIMIT = 400;

/** Keeps the cookie value under 300 bytes whatever is granted. */
const MAX_CATEGORIES = 8;
const MAX_TEXT_LENGTH = 2000;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;
const COOKIE_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
const COOKIE_DOMAIN = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
const COOKIE_PATH = /^\/[\x21-\x3a\x3c-\x7e]*$/;
const SAME_SITE: readonly SameSite[] = ['Lax', 'Strict', 'None'];

export const GOOGLE_CONSENT_TYPES = Object.freeze([
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
]);

/**
 * What a `googleConsentMode` that cannot be read becomes: every Consent Mode
 * type denied, and never granted (`*` is no category's name). Dropping the key
 * instead would leave the page's Google tags without a default, which they take
 * as consent: an open gate.
 */
export const CONSENT_MODE_ALL_DENIED: Readonly<Record<string, readonly string[]>> = Object.freeze({ '*': GOOGLE_CONSENT_TYPES });

/** The widget's texts that `strings.<language>` may replace (category texts are set under `categories`). */
export const TEXT_KEYS = Object.freeze([
  'regionLabel',
  'bannerTitle',
  'bannerText',
  'policyLink',
  'acceptAll',
  'rejectAll',
  'preferences',
  'dialogTitle',
  'dialogText',
  'savePreferences',
  'close',
  'gpcLocked',
  'saved',
  'none',
  'embedBlocked',
  'embedAllow',
  'declTitle',
  'declIntro',
  'declAlwaysOn',
  'declOn',
  'declOff',
  'declCookies',
  'declName',
  'declCategory',
  'declPurpose',
  'declNoCookies',
  'declConsentCookie',
  'declReplayText',
  'declErrorBuffer',
  'declChoiceNone',
  'declChoice',
  'declChange',
] as const);

export type TextKey = (typeof TEXT_KEYS)[number];

const PLACEMENTS: readonly Placement[] = ['bottom', 'corner', 'center'];
const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];

const TOP_LEVEL_KEYS = new Set([
  'revision',
  'policyUrl',
  'language',
  'categories',
  'cookie',
  'sentry',
  'googleConsentMode',
  'consentLog',
  'analytics',
  'placement',
  'theme',
  'strings',
]);

function defaultCategories(): CategoryConfig[] {
  return [
    { name: 'necessary', cookies: [], gpc: false, required: true },
    { name: 'analytics', cookies: [], gpc: false, required: false },
    { name: 'replay', cookies: [], gpc: false, required: false },
  ];
}

/** The configuration used when the page gives none. */
export function defaultConfig(): ResolvedConfig {
  return {
    revision: 1,
    policyUrl: null,
    language: 'auto',
    categories: defaultCategories(),
    cookie: DEFAULT_COOKIE,
    googleConsentMode: null,
    placement: 'bottom',
    theme: 'auto',
    strings: Object.freeze({}),
  };
}

/**
 * Whether `value` names a category that can gate something (replay, analytics):
 * a configured one that is not always on. The sections' parsers
 * (config-sections.ts) and start-up, which holds a page's own replay before
 * those parsers have loaded, decide it the same way.
 */
export function isGatingCategory(value: unknown, categories: readonly CategoryConfig[]): value is string {
  return categories.some((category) => category.name === value && !category.required);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 60))}`;
  if (typeof value === 'object') return isPlainObject(value) ? 'an object' : 'an object of another kind';
  // (String() of an object can throw: a null prototype, a hostile toString.)
  return `${typeof value} ${String(value).slice(0, 60)}`;
}

/** Thrown inside a key's parser; caught once per key, which then takes its default. */
export class ConfigError extends Error {}

export function fail(key: string, expected: string, value: unknown): never {
  throw new ConfigError(`config "${key}" must be ${expected}, got ${describe(value)}`);
}

function parseLocalizedText(key: string, value: unknown): LocalizedText {
  if (typeof value === 'string') {
    if (value.length > MAX_TEXT_LENGTH) fail(key, `at most ${MAX_TEXT_LENGTH} characters`, value);
    return value;
  }
  if (isPlainObject(value)) {
    const texts: Record<string, string> = {};
    for (const [language, text] of Object.entries(value)) {
      if (!LANGUAGE_TAG.test(language)) fail(`${key}.${language}`, 'keyed by a language tag such as "en"', language);
      if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH) {
        fail(`${key}.${language}`, `a string of at most ${MAX_TEXT_LENGTH} characters`, text);
      }
      texts[language.toLowerCase()] = text;
    }
    return Object.freeze(texts);
  }
  return fail(key, 'a string or an object of strings by language', value);
}

/** Parses `"/^_pk_/"` into a RegExp and anything else into an exact cookie name. */
function parseCookiePattern(key: string, value: unknown): string | RegExp {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    return fail(key, 'a cookie name or a "/regex/" string', value);
  }
  const regex = /^\/(.+)\/([imsu]*)$/.exec(value);
  if (regex) {
    try {
      return new RegExp(regex[1]!, regex[2]);
    } catch {
      return fail(key, 'a valid regular expression', value);
    }
  }
  if (!COOKIE_NAME.test(value)) fail(key, 'a valid cookie name', value);
  return value;
}

function parseCategory(name: string, value: unknown): CategoryConfig {
  const key = `categories.${name}`;
  if (!isPlainObject(value)) return fail(key, 'an object', value);
  const known = new Set(['label', 'description', 'cookies', 'gpc']);
  for (const property of Object.keys(value)) {
    if (!known.has(property)) fail(`${key}.${property}`, 'one of label, description, cookies, gpc', property);
  }
  const category: { -readonly [K in keyof CategoryConfig]: CategoryConfig[K] } = {
    name,
    cookies: [],
    gpc: false,
    required: name === 'necessary',
  };
  if (value.label !== undefined) category.label = parseLocalizedText(`${key}.label`, value.label);
  if (value.description !== undefined) {
    category.description = parseLocalizedText(`${key}.description`, value.description);
  }
  if (value.cookies !== undefined) {
    if (!Array.isArray(value.cookies) || value.cookies.length > 100) {
      fail(`${key}.cookies`, 'an array of at most 100 cookie names', value.cookies);
    }
    category.cookies = value.cookies.map((pattern, index) =>
      parseCookiePattern(`${key}.cookies[${index}]`, pattern),
    );
  }
  if (value.gpc !== undefined) {
    if (typeof value.gpc !== 'boolean') fail(`${key}.gpc`, 'true or false', value.gpc);
    if (category.required && value.gpc) fail(`${key}.gpc`, 'false for the necessary category', value.gpc);
    category.gpc = value.gpc;
  }
  return category;
}

/**
 * Merges the site's categories over the default set (necessary, analytics,
 * replay). `false` removes a default category; `necessary` always stays.
 */
function parseCategories(value: unknown): CategoryConfig[] {
  if (!isPlainObject(value)) return fail('categories', 'an object keyed by category name', value);
  const byName = new Map(defaultCategories().map((category) => [category.name, category]));
  for (const [name, entry] of Object.entries(value)) {
    if (!CATEGORY_NAME.test(name)) {
      fail(`categories.${name}`, 'named with lowercase letters, digits, "_" or "-" (at most 24)', name);
    }
    if (entry === false) {
      if (name === 'necessary') fail('categories.necessary', 'kept: it cannot be removed', entry);
      byName.delete(name);
      continue;
    }
    const category = parseCategory(name, entry);
    byName.set(name, category);
  }
  if (byName.size > MAX_CATEGORIES) fail('categories', `at most ${MAX_CATEGORIES} categories`, value);
  return [...byName.values()];
}

function parseRevision(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    return fail('revision', 'a whole number of 1 or more', value);
  }
  return value;
}

export function parseUrl(key: string, value: unknown): string {
  if (typeof value !== 'string' || !isSafeUrl(value)) {
    return fail(key, 'an http(s) or relative URL', value);
  }
  return value;
}

function parseLanguage(value: unknown): string {
  if (value === 'auto') return value;
  if (typeof value !== 'string' || !LANGUAGE_TAG.test(value)) {
    return fail('language', '"auto" or a language tag such as "de"', value);
  }
  return value.toLowerCase();
}

function parseChoice<T extends string>(key: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) return fail(key, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, value);
  return value as T;
}

/** `{ "de": { "acceptAll": "Alle akzeptieren" } }`: known keys only, plain text only. */
function parseStrings(value: unknown): TextOverrides {
  if (!isPlainObject(value)) return fail('strings', 'an object keyed by language tag', value);
  const byLanguage: Record<string, Record<string, string>> = {};
  for (const [language, texts] of Object.entries(value)) {
    const key = `strings.${language}`;
    if (!LANGUAGE_TAG.test(language)) fail(key, 'keyed by a language tag such as "de"', language);
    if (!isPlainObject(texts)) fail(key, 'an object of texts', texts);
    const parsed: Record<string, string> = {};
    for (const [name, text] of Object.entries(texts)) {
      if (!(TEXT_KEYS as readonly string[]).includes(name)) fail(`${key}.${name}`, `one of the text keys (${TEXT_KEYS.join(', ')})`, name);
      if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT_LENGTH) {
        fail(`${key}.${name}`, `a non-empty string of at most ${MAX_TEXT_LENGTH} characters`, text);
      }
      parsed[name] = text;
    }
    byLanguage[language.toLowerCase()] = Object.freeze(parsed);
  }
  return Object.freeze(byLanguage);
}

function parseCookie(value: unknown, report: ConfigProblemReporter): CookieConfig {
  if (!isPlainObject(value)) return fail('cookie', 'an object', value);
  const cookie: { -readonly [K in keyof CookieConfig]: CookieConfig[K] } = { ...DEFAULT_COOKIE };
  const parsers: Record<string, (v: unknown) => void> = {
    name: (v) => {
      if (typeof v !== 'string' || !COOKIE_NAME.test(v)) fail('cookie.name', 'a valid cookie name', v);
      cookie.name = v;
    },
    domain: (v) => {
      if (v === null) return;
      if (typeof v !== 'string' || v.length > 253 || !COOKIE_DOMAIN.test(v)) {
        fail('cookie.domain', 'null or a domain name such as "example.com"', v);
      }
      cookie.domain = v.toLowerCase();
    },
    path: (v) => {
      if (typeof v !== 'string' || v.length > 200 || !COOKIE_PATH.test(v)) fail('cookie.path', 'a path starting with "/"', v);
      cookie.path = v;
    },
    maxAgeDays: (v) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > MAX_AGE_DAYS_LIMIT) {
        fail('cookie.maxAgeDays', `a number of days above 0 and at most ${MAX_AGE_DAYS_LIMIT}`, v);
      }
      cookie.maxAgeDays = v;
    },
    sameSite: (v) => {
      if (!SAME_SITE.includes(v as SameSite)) fail('cookie.sameSite', '"Lax", "Strict" or "None"', v);
      cookie.sameSite = v as SameSite;
    },
  };
  parseObjectKeys('cookie', value, parsers, report);
  return cookie;
}

function parseGoogleConsentMode(
  value: unknown,
  categories: readonly CategoryConfig[],
): Record<string, readonly string[]> | null {
  if (value === null) return null;
  if (!isPlainObject(value)) return fail('googleConsentMode', 'an object mapping categories to consent types', value);
  const names = new Set(categories.map((category) => category.name));
  const mapping: Record<string, readonly string[]> = {};
  for (const [name, types] of Object.entries(value)) {
    const key = `googleConsentMode.${name}`;
    if (!names.has(name)) fail(key, `a configured category (${[...names].join(', ')})`, name);
    if (!Array.isArray(types) || types.some((type) => !GOOGLE_CONSENT_TYPES.includes(type))) {
      fail(key, `an array of consent types (${GOOGLE_CONSENT_TYPES.join(', ')})`, types);
    }
    mapping[name] = Object.freeze([...new Set(types as string[])]);
  }
  return mapping;
}

/**
 * Runs one parser per known property of an object. A bad property is reported and
 * keeps its default; an unknown property is reported and ignored.
 */
export function parseObjectKeys(
  key: string,
  value: Record<string, unknown>,
  parsers: Record<string, (v: unknown) => void>,
  report: ConfigProblemReporter,
): void {
  for (const [property, propertyValue] of Object.entries(value)) {
    const parse = Object.hasOwn(parsers, property) ? parsers[property] : undefined;
    if (!parse) {
      report(`config "${key}.${property}" is not a known key; it is ignored`);
      continue;
    }
    if (propertyValue === undefined) continue;
    try {
      parse(propertyValue);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      report(`${error.message}; using the default`);
    }
  }
}

/**
 * Runs a key's parser; a ConfigError is reported and the key keeps `fallback`
 * (or takes `onError`, said in the report as `instead`, when its default is not the safe answer).
 */
export function attemptFor(raw: Record<string, unknown>, report: ConfigProblemReporter) {
  return <T>(key: string, parse: () => T, fallback: T, onError?: { value: T; instead: string }): T => {
    if (raw[key] === undefined) return fallback;
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      report(`${error.message}; ${onError?.instead ?? 'using the default'}`);
      return onError ? onError.value : fallback;
    }
  };
}

/**
 * Validates what start-up needs (categories, cookie, texts, looks, Consent
 * Mode). `sentry`, `consentLog` and `analytics` are not read here: their
 * parsers (config-sections.ts) travel with the code that uses them, so a page
 * without them never downloads either. `parseConfig()` does both.
 */
export function parseCoreConfig(raw: unknown, report: ConfigProblemReporter): ResolvedConfig {
  const config: { -readonly [K in keyof ResolvedConfig]: ResolvedConfig[K] } = defaultConfig();
  if (raw === undefined || raw === null) return config;
  if (!isPlainObject(raw)) {
    report(`config must be an object, got ${describe(raw)}; using the defaults`);
    return config;
  }
  const attempt = attemptFor(raw, report);
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.has(key)) report(`config "${key}" is not a known key; it is ignored`);
  }

  config.revision = attempt('revision', () => parseRevision(raw.revision), config.revision);
  config.policyUrl = attempt('policyUrl', () => parseUrl('policyUrl', raw.policyUrl), config.policyUrl);
  config.language = attempt('language', () => parseLanguage(raw.language), config.language);
  config.categories = attempt('categories', () => parseCategories(raw.categories), config.categories);
  config.cookie = attempt('cookie', () => parseCookie(raw.cookie, report), config.cookie);
  config.googleConsentMode = attempt(
    'googleConsentMode',
    () => parseGoogleConsentMode(raw.googleConsentMode, config.categories),
    config.googleConsentMode,
    { value: CONSENT_MODE_ALL_DENIED, instead: 'every Consent Mode type stays denied' },
  );
  config.placement = attempt('placement', () => parseChoice('placement', raw.placement, PLACEMENTS), config.placement);
  config.theme = attempt('theme', () => parseChoice('theme', raw.theme, THEMES), config.theme);
  config.strings = attempt('strings', () => parseStrings(raw.strings), config.strings);
  return config;
}
