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
import type { Expectation, Instead } from './config-messages.js';
import type { CategoryInput, ConsentGateConfig, CookieInput, GoogleConsentType, KeysOf } from './config-input.js';
import { CATEGORY_NAME } from './cookie.js';
import { isSafeUrl } from './url.js';

/**
 * A problem found in the config, as data: its words come from
 * config-messages.ts (`formatProblem`), fetched only when there is one.
 */
export interface ConfigProblem {
  /** The config key ("cookie.name"); empty for the config as a whole. */
  readonly key: string;
  /** What the key must be; absent for a key that is not known. */
  readonly expected?: Expectation;
  /** A limit or a list that the expectation names. */
  readonly detail?: string | number;
  readonly value?: unknown;
  /** What is used instead (default: the key's default). */
  readonly instead?: Instead;
}

/** Receives one problem at a time (a message, or a config problem as data); start-up sends them to `console.error`. */
export type ConfigProblemReporter = (problem: ConfigProblem | string) => void;

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

const GOOGLE_CONSENT_TYPE_KEYS: { readonly [T in GoogleConsentType]: true } = {
  ad_storage: true,
  ad_user_data: true,
  ad_personalization: true,
  analytics_storage: true,
  functionality_storage: true,
  personalization_storage: true,
  security_storage: true,
};
export const GOOGLE_CONSENT_TYPES: readonly GoogleConsentType[] = Object.freeze(Object.keys(GOOGLE_CONSENT_TYPE_KEYS) as GoogleConsentType[]);

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

// Every key of ConsentGateConfig, once (a key in one and not the other does not compile).
const TOP_LEVEL_KEYS = new Set(Object.keys({
  revision: true,
  policyUrl: true,
  language: true,
  categories: true,
  cookie: true,
  sentry: true,
  googleConsentMode: true,
  consentLog: true,
  analytics: true,
  placement: true,
  theme: true,
  strings: true,
} satisfies KeysOf<ConsentGateConfig>));

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

/** Thrown inside a key's parser; caught once per key, which then takes its default. */
export class ConfigError extends Error {
  constructor(readonly problem: ConfigProblem) {
    super(problem.key);
  }
}

export function fail(key: string, expected: Expectation, value: unknown, detail?: string | number): never {
  throw new ConfigError({ key, expected, value, detail });
}

function parseLocalizedText(key: string, value: unknown): LocalizedText {
  if (typeof value === 'string') {
    if (value.length > MAX_TEXT_LENGTH) fail(key, 'maxText', value, MAX_TEXT_LENGTH);
    return value;
  }
  if (isPlainObject(value)) {
    const texts: Record<string, string> = {};
    for (const [language, text] of Object.entries(value)) {
      if (!LANGUAGE_TAG.test(language)) fail(`${key}.${language}`, 'languageKeyed', language);
      if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH) {
        fail(`${key}.${language}`, 'shortString', text, MAX_TEXT_LENGTH);
      }
      texts[language.toLowerCase()] = text;
    }
    return Object.freeze(texts);
  }
  return fail(key, 'localizedText', value);
}

/** Parses `"/^_pk_/"` into a RegExp and anything else into an exact cookie name. */
function parseCookiePattern(key: string, value: unknown): string | RegExp {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    return fail(key, 'cookiePattern', value);
  }
  const regex = /^\/(.+)\/([imsu]*)$/.exec(value);
  if (regex) {
    try {
      return new RegExp(regex[1]!, regex[2]);
    } catch {
      return fail(key, 'regex', value);
    }
  }
  if (!COOKIE_NAME.test(value)) fail(key, 'cookieName', value);
  return value;
}

function parseCategory(name: string, value: unknown): CategoryConfig {
  const key = `categories.${name}`;
  if (!isPlainObject(value)) return fail(key, 'object', value);
  const known = new Set(Object.keys({ label: true, description: true, cookies: true, gpc: true } satisfies KeysOf<CategoryInput>));
  for (const property of Object.keys(value)) {
    if (!known.has(property)) fail(`${key}.${property}`, 'categoryKey', property);
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
      fail(`${key}.cookies`, 'cookieList', value.cookies);
    }
    category.cookies = value.cookies.map((pattern, index) =>
      parseCookiePattern(`${key}.cookies[${index}]`, pattern),
    );
  }
  if (value.gpc !== undefined) {
    if (typeof value.gpc !== 'boolean') fail(`${key}.gpc`, 'boolean', value.gpc);
    if (category.required && value.gpc) fail(`${key}.gpc`, 'notForNecessary', value.gpc);
    category.gpc = value.gpc;
  }
  return category;
}

/**
 * Merges the site's categories over the default set (necessary, analytics,
 * replay). `false` removes a default category; `necessary` always stays.
 */
function parseCategories(value: unknown): CategoryConfig[] {
  if (!isPlainObject(value)) return fail('categories', 'categories', value);
  const byName = new Map(defaultCategories().map((category) => [category.name, category]));
  for (const [name, entry] of Object.entries(value)) {
    if (!CATEGORY_NAME.test(name)) {
      fail(`categories.${name}`, 'categoryName', name);
    }
    if (entry === false) {
      if (name === 'necessary') fail('categories.necessary', 'kept', entry);
      byName.delete(name);
      continue;
    }
    const category = parseCategory(name, entry);
    byName.set(name, category);
  }
  if (byName.size > MAX_CATEGORIES) fail('categories', 'maxCategories', value, MAX_CATEGORIES);
  return [...byName.values()];
}

function parseRevision(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    return fail('revision', 'revision', value);
  }
  return value;
}

export function parseUrl(key: string, value: unknown): string {
  if (typeof value !== 'string' || !isSafeUrl(value)) {
    return fail(key, 'url', value);
  }
  return value;
}

function parseLanguage(value: unknown): string {
  if (value === 'auto') return value;
  if (typeof value !== 'string' || !LANGUAGE_TAG.test(value)) {
    return fail('language', 'language', value);
  }
  return value.toLowerCase();
}

function parseChoice<T extends string>(key: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) return fail(key, 'oneOf', value, allowed.map((a) => `"${a}"`).join(', '));
  return value as T;
}

/** `{ "de": { "acceptAll": "Alle akzeptieren" } }`: known keys only, plain text only. */
function parseStrings(value: unknown): TextOverrides {
  if (!isPlainObject(value)) return fail('strings', 'strings', value);
  const byLanguage: Record<string, Record<string, string>> = {};
  for (const [language, texts] of Object.entries(value)) {
    const key = `strings.${language}`;
    if (!LANGUAGE_TAG.test(language)) fail(key, 'languageKeyed', language);
    if (!isPlainObject(texts)) fail(key, 'texts', texts);
    const parsed: Record<string, string> = {};
    for (const [name, text] of Object.entries(texts)) {
      // (A key given as undefined counts as absent, as everywhere in config.)
      if (text === undefined) continue;
      if (!(TEXT_KEYS as readonly string[]).includes(name)) fail(`${key}.${name}`, 'textKey', name, TEXT_KEYS.join(', '));
      if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT_LENGTH) {
        fail(`${key}.${name}`, 'text', text, MAX_TEXT_LENGTH);
      }
      parsed[name] = text;
    }
    byLanguage[language.toLowerCase()] = Object.freeze(parsed);
  }
  return Object.freeze(byLanguage);
}

function parseCookie(value: unknown, report: ConfigProblemReporter): CookieConfig {
  if (!isPlainObject(value)) return fail('cookie', 'object', value);
  const cookie: { -readonly [K in keyof CookieConfig]: CookieConfig[K] } = { ...DEFAULT_COOKIE };
  const parsers: { readonly [K in keyof CookieInput]-?: (v: unknown) => void } = {
    name: (v) => {
      if (typeof v !== 'string' || !COOKIE_NAME.test(v)) fail('cookie.name', 'cookieName', v);
      cookie.name = v;
    },
    domain: (v) => {
      if (v === null) return;
      if (typeof v !== 'string' || v.length > 253 || !COOKIE_DOMAIN.test(v)) {
        fail('cookie.domain', 'domain', v);
      }
      cookie.domain = v.toLowerCase();
    },
    path: (v) => {
      if (typeof v !== 'string' || v.length > 200 || !COOKIE_PATH.test(v)) fail('cookie.path', 'path', v);
      cookie.path = v;
    },
    maxAgeDays: (v) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > MAX_AGE_DAYS_LIMIT) {
        fail('cookie.maxAgeDays', 'maxAgeDays', v, MAX_AGE_DAYS_LIMIT);
      }
      cookie.maxAgeDays = v;
    },
    sameSite: (v) => {
      if (!SAME_SITE.includes(v as SameSite)) fail('cookie.sameSite', 'sameSite', v);
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
  if (!isPlainObject(value)) return fail('googleConsentMode', 'consentMode', value);
  const names = new Set(categories.map((category) => category.name));
  const mapping: Record<string, readonly string[]> = {};
  for (const [name, types] of Object.entries(value)) {
    const key = `googleConsentMode.${name}`;
    if (!names.has(name)) fail(key, 'configuredCategory', name, [...names].join(', '));
    if (!Array.isArray(types) || types.some((type) => !GOOGLE_CONSENT_TYPES.includes(type as GoogleConsentType))) {
      fail(key, 'consentTypes', types, GOOGLE_CONSENT_TYPES.join(', '));
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
      report({ key: `${key}.${property}` });
      continue;
    }
    if (propertyValue === undefined) continue;
    try {
      parse(propertyValue);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      report(error.problem);
    }
  }
}

/**
 * Runs a key's parser; a ConfigError is reported and the key keeps `fallback`
 * (or takes `onError`, said in the report as `instead`, when its default is not the safe answer).
 */
export function attemptFor(raw: Record<string, unknown>, report: ConfigProblemReporter) {
  return <T>(key: string, parse: () => T, fallback: T, onError?: { value: T; instead: Instead }): T => {
    if (raw[key] === undefined) return fallback;
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      report({ ...error.problem, instead: onError?.instead });
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
    report({ key: '', expected: 'object', value: raw, instead: 'defaults' });
    return config;
  }
  const attempt = attemptFor(raw, report);
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.has(key)) report({ key });
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
    { value: CONSENT_MODE_ALL_DENIED, instead: 'denied' },
  );
  config.placement = attempt('placement', () => parseChoice('placement', raw.placement, PLACEMENTS), config.placement);
  config.theme = attempt('theme', () => parseChoice('theme', raw.theme, THEMES), config.theme);
  config.strings = attempt('strings', () => parseStrings(raw.strings), config.strings);
  return config;
}
