/**
 * The words of config problems. Parsing (config-base.ts, config-sections.ts)
 * says what went wrong as data (`ConfigProblem`: the key, what it must be, the
 * value); this turns it into the message a site owner reads. A chunk of its
 * own in the script build, fetched only when a config has a problem, so a page
 * whose config is right never downloads these texts.
 */
import { isPlainObject, type ConfigProblem } from './config-base.js';

/** What a key must be, by the name parsing gives it; `detail` fills in a limit or a list. */
const EXPECTED = {
  object: 'an object',
  maxText: (n) => `at most ${n} characters`,
  languageKeyed: 'keyed by a language tag such as "en"',
  shortString: (n) => `a string of at most ${n} characters`,
  localizedText: 'a string or an object of strings by language',
  cookiePattern: 'a cookie name or a "/regex/" string',
  regex: 'a valid regular expression',
  cookieName: 'a valid cookie name',
  categoryKey: 'one of label, description, cookies, gpc',
  cookieList: 'an array of at most 100 cookie names',
  boolean: 'true or false',
  notForNecessary: 'false for the necessary category',
  categories: 'an object keyed by category name',
  categoryName: 'named with lowercase letters, digits, "_" or "-" (at most 24)',
  kept: 'kept: it cannot be removed',
  maxCategories: (n) => `at most ${n} categories`,
  revision: 'a whole number of 1 or more',
  url: 'an http(s) or relative URL',
  language: '"auto" or a language tag such as "de"',
  oneOf: (list) => `one of ${list}`,
  strings: 'an object keyed by language tag',
  texts: 'an object of texts',
  textKey: (list) => `one of the text keys (${list})`,
  text: (n) => `a non-empty string of at most ${n} characters`,
  domain: 'null or a domain name such as "example.com"',
  path: 'a path starting with "/"',
  maxAgeDays: (n) => `a number of days above 0 and at most ${n}`,
  sameSite: '"Lax", "Strict" or "None"',
  consentMode: 'an object mapping categories to consent types',
  configuredCategory: (list) => `a configured category (${list})`,
  consentTypes: (list) => `an array of consent types (${list})`,
  rate: 'a number from 0 to 1',
  selectors: 'an array of CSS selectors',
  dsn: 'a Sentry DSN such as "https://key@o1.ingest.sentry.io/1"',
  analytics: 'true or an object',
  siteDomain: 'a domain name such as "example.com"',
  analyticsKey: 'absent (known: endpoint, domain, category)',
  gatingCategory: (list) => `a category of this config other than necessary (${list})`,
  consentLog: 'an object with a "url"',
  consentLogKey: 'absent (only "url" is known)',
  setBeforeStart:
    'set before consent-gate starts (in a module, imports run before its code): set it in an earlier <script>, use the #consent-gate-config block, or startConsentGate({ config }) from the npm package',
} satisfies Record<string, string | ((detail: string | number | undefined) => string)>;

export type Expectation = keyof typeof EXPECTED;

/** What the widget does instead of a key it cannot read. */
const INSTEAD = {
  default: 'using the default',
  defaults: 'using the defaults',
  denied: 'every Consent Mode type stays denied',
  ignored: 'it is ignored',
};

export type Instead = keyof typeof INSTEAD;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 60))}`;
  if (typeof value === 'object') return isPlainObject(value) ? 'an object' : 'an object of another kind';
  // (String() of an object can throw: a null prototype, a hostile toString.)
  return `${typeof value} ${String(value).slice(0, 60)}`;
}

/** The message of a problem, or the message itself. */
export function formatProblem(problem: ConfigProblem | string): string {
  if (typeof problem === 'string') return problem;
  const { key, expected, detail, value, instead = 'default' } = problem;
  const name = key ? `config "${key}"` : 'config';
  if (!expected) return `${name} is not a known key; it is ignored`;
  const phrase: string | ((detail: string | number | undefined) => string) = EXPECTED[expected];
  return `${name} must be ${typeof phrase === 'string' ? phrase : phrase(detail)}, got ${describe(value)}; ${INSTEAD[instead]}`;
}
