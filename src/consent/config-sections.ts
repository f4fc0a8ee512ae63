/**
 * The config sections that belong to optional features: `sentry`, `consentLog`
 * and `analytics`. They are parsed where those features load (a lazy chunk of
 * the script build), with the same rules as the rest: a bad key is reported
 * and keeps its default; a bad section is reported and stays off.
 */
import type { AnalyticsConfig, CategoryConfig, ConfigSections, SentryConfig } from './types.js';
import type { AnalyticsInput, ConsentLogInput, KeysOf, SentryInput } from './config-input.js';
import { attemptFor, fail, isGatingCategory, isPlainObject, parseObjectKeys, parseUrl, type ConfigProblemReporter } from './config-base.js';

/** `protocol://public_key@host[:port]/[path/]project_id`, as Sentry documents DSNs. */
const SENTRY_DSN = /^https?:\/\/[A-Za-z0-9]+(:[A-Za-z0-9]+)?@[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~-]+)*\/\d+$/;

function parseRate(key: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) fail(key, 'rate', value);
  return value;
}

function parseShortString(key: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    fail(key, 'text', value, 200);
  }
  return value;
}

/** CSS selectors for replay; checked for shape here, for validity by the browser where replay runs. */
function parseSelectors(key: string, value: unknown): readonly string[] {
  if (!Array.isArray(value) || value.length > 50 || value.some((s) => typeof s !== 'string' || s.length === 0 || s.length > 200)) {
    return fail(key, 'selectors', value);
  }
  return Object.freeze([...value]);
}

/** `sentry` keys that only our own client (with a DSN) uses. */
const OWN_CLIENT_KEYS: readonly (keyof SentryInput)[] = ['replaysSessionSampleRate', 'replaysOnErrorSampleRate', 'environment', 'release', 'tunnel'];

function parseSentry(value: unknown, categories: readonly CategoryConfig[], report: ConfigProblemReporter): SentryConfig | null {
  if (value === null) return null;
  if (!isPlainObject(value)) return fail('sentry', 'object', value);
  // No DSN: no client of ours; the rest applies to the page's own SDK.
  const dsn = value.dsn ?? null;
  if (dsn !== null && (typeof dsn !== 'string' || !SENTRY_DSN.test(dsn))) {
    return fail('sentry.dsn', 'dsn', dsn);
  }
  const sentry: { -readonly [K in keyof SentryConfig]: SentryConfig[K] } = {
    dsn,
    replayCategory: 'replay',
    replaysSessionSampleRate: 0.1,
    replaysOnErrorSampleRate: 1,
    mask: [],
    block: [],
    keepUrlQuery: false,
  };
  const parsers: { readonly [K in keyof SentryInput]-?: (v: unknown) => void } = {
    dsn: () => {},
    replayCategory: (v) => (sentry.replayCategory = parseGatingCategory('sentry.replayCategory', v, categories)),
    replaysSessionSampleRate: (v) => (sentry.replaysSessionSampleRate = parseRate('sentry.replaysSessionSampleRate', v)),
    replaysOnErrorSampleRate: (v) => (sentry.replaysOnErrorSampleRate = parseRate('sentry.replaysOnErrorSampleRate', v)),
    environment: (v) => (sentry.environment = parseShortString('sentry.environment', v)),
    release: (v) => (sentry.release = parseShortString('sentry.release', v)),
    tunnel: (v) => (sentry.tunnel = parseUrl('sentry.tunnel', v)),
    mask: (v) => (sentry.mask = parseSelectors('sentry.mask', v)),
    block: (v) => (sentry.block = parseSelectors('sentry.block', v)),
    keepUrlQuery: (v) => {
      if (typeof v !== 'boolean') fail('sentry.keepUrlQuery', 'boolean', v);
      sentry.keepUrlQuery = v;
    },
  };
  // Without a DSN the site's own SDK takes these from its init(): they are left out, said once.
  const ignored: readonly string[] = dsn === null ? OWN_CLIENT_KEYS.filter((key) => value[key] !== undefined) : [];
  if (ignored.length > 0) {
    const many = ignored.length > 1;
    report(
      `config ${ignored.map((key) => `"sentry.${key}"`).join(', ')} ${many ? 'are' : 'is'} for consent-gate's own client, which runs only with "sentry.dsn"; ignored (your Sentry.init() sets ${many ? 'them' : 'it'} for yours)`,
    );
  }
  parseObjectKeys('sentry', Object.fromEntries(Object.entries(value).filter(([key]) => !ignored.includes(key))), parsers, report);
  return sentry;
}

const DEFAULT_ANALYTICS_ENDPOINT = 'https://plausible.io/api/event';
const SITE_DOMAIN = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/i;

/** `{ "domain": "example.com", "endpoint": "https://plausible.example/api/event", "category": "analytics" }`, each optional. */
function parseAnalytics(value: unknown, categories: readonly CategoryConfig[]): AnalyticsConfig | null {
  if (value === null || value === false) return null;
  if (value === true) value = {};
  if (!isPlainObject(value)) return fail('analytics', 'analytics', value);
  const analytics: { -readonly [K in keyof AnalyticsConfig]: AnalyticsConfig[K] } = {
    endpoint: DEFAULT_ANALYTICS_ENDPOINT,
    domain: null,
    category: 'analytics',
  };
  const parsers: { readonly [K in keyof AnalyticsInput]-?: (key: string, v: unknown) => void } = {
    endpoint: (key, v) => (analytics.endpoint = parseUrl(key, v)),
    domain: (key, v) => {
      if (typeof v !== 'string' || !SITE_DOMAIN.test(v)) fail(key, 'siteDomain', v);
      analytics.domain = v.toLowerCase();
    },
    category: (key, v) => (analytics.category = parseGatingCategory(key, v, categories)),
  };
  for (const [property, v] of Object.entries(value)) {
    const key = `analytics.${property}`;
    if (v === undefined) continue;
    const parse = Object.hasOwn(parsers, property) ? parsers[property as keyof AnalyticsInput] : undefined;
    if (!parse) fail(key, 'analyticsKey', property);
    parse(key, v);
  }
  if (!categories.some((category) => category.name === analytics.category)) {
    fail('analytics.category', 'configuredCategory', analytics.category, categories.map((c) => c.name).join(', '));
  }
  return analytics;
}

/** A category that can gate something (`isGatingCategory`). */
function parseGatingCategory(key: string, value: unknown, categories: readonly CategoryConfig[]): string {
  if (!isGatingCategory(value, categories)) {
    return fail(key, 'gatingCategory', value, categories.filter((c) => !c.required).map((c) => c.name).join(', '));
  }
  return value;
}

function parseConsentLog(value: unknown): { url: string } | null {
  if (value === null) return null;
  if (!isPlainObject(value)) return fail('consentLog', 'consentLog', value);
  for (const property of Object.keys(value)) {
    if (!Object.hasOwn({ url: true } satisfies KeysOf<ConsentLogInput>, property)) fail(`consentLog.${property}`, 'consentLogKey', property);
  }
  return { url: parseUrl('consentLog.url', value.url) };
}

/** Parses `sentry`, `consentLog` and `analytics` (each null when absent or unreadable) against the parsed categories. */
export function parseSections(raw: unknown, categories: readonly CategoryConfig[], report: ConfigProblemReporter): ConfigSections {
  if (!isPlainObject(raw)) return { sentry: null, consentLog: null, analytics: null };
  const attempt = attemptFor(raw, report);
  return {
    sentry: attempt('sentry', () => parseSentry(raw.sentry, categories, report), null),
    consentLog: attempt('consentLog', () => parseConsentLog(raw.consentLog), null),
    analytics: attempt('analytics', () => parseAnalytics(raw.analytics, categories), null),
  };
}
