// @ts-check
/**
 * The scanner's judge: pure functions from what the browser saw (collect.mjs)
 * to the category of each cookie and the list of violations. No I/O here, so
 * every rule is tested alone with tables (test/scan/judge.test.mjs).
 *
 * The rules, from PRODUCT.md:
 * - in `before` (no choice) and `reject` (Reject all), every cookie and storage
 *   key must be covered by the necessary category: the consent cookie and the
 *   widget's own `consent-gate:` storage always are, the site's own through
 *   `categories.necessary.cookies`;
 * - replay data must not be sent before the replay category was granted: never
 *   in `before` or `reject`, and in `accept` only after Accept all.
 */

/** @typedef {'before' | 'reject' | 'accept'} Phase */
/** @typedef {'cookie' | 'localStorage' | 'sessionStorage' | 'replay'} ViolationKind */

/**
 * A cookie as the browser holds it (Playwright's shape, trimmed).
 * @typedef {object} SeenCookie
 * @property {string} name
 * @property {string} domain
 * @property {string} path
 * @property {number} expires  seconds since the epoch; -1 for a session cookie
 * @property {boolean} httpOnly
 * @property {boolean} secure
 * @property {string} sameSite
 */

/**
 * A request that carried Sentry replay items.
 * @typedef {object} ReplaySend
 * @property {string} url
 * @property {string[]} itemTypes      e.g. replay_event, replay_recording
 * @property {boolean} beforeChoice    sent before the phase's choice was made (always true in `before`)
 */

/**
 * What one phase of one page left behind.
 * @typedef {object} PhaseObservation
 * @property {SeenCookie[]} cookies
 * @property {string[]} localStorage
 * @property {string[]} sessionStorage
 * @property {string[]} otherHosts
 * @property {ReplaySend[]} replay
 * @property {string[]} [errors]        what went wrong on the page (time-outs, navigations), for the report
 */

/**
 * One scanned page.
 * @typedef {object} PageObservation
 * @property {string} url
 * @property {boolean} runsConsentGate
 * @property {unknown} config                         the page's raw consent-gate config, or null
 * @property {Partial<Record<Phase, PhaseObservation>>} phases
 */

/**
 * @typedef {object} Violation
 * @property {Phase} phase
 * @property {string} page
 * @property {ViolationKind} kind
 * @property {string} name
 */

/** The widget's default consent cookie name (config `cookie.name`). */
export const DEFAULT_CONSENT_COOKIE = 'consent_gate';
/** Prefix of the widget's own localStorage keys (record, pending choice, ...). */
export const WIDGET_STORAGE_PREFIX = 'consent-gate:';
/** The category a replay must wait for when the config names none. */
export const DEFAULT_REPLAY_CATEGORY = 'replay';
/** Phases whose storage must all be necessary. */
const RESTRICTED_PHASES = /** @type {const} */ (['before', 'reject']);

/**
 * Turns a config pattern ("_ga" or "/^_pk_/i") into a matcher, as the widget does;
 * a malformed regex matches nothing rather than stopping the scan.
 *
 * @param {unknown} pattern
 * @returns {(name: string) => boolean}
 */
export function cookiePatternMatcher(pattern) {
  if (typeof pattern !== 'string') return () => false;
  const regex = /^\/(.+)\/([imsu]*)$/.exec(pattern);
  if (regex) {
    try {
      const compiled = new RegExp(/** @type {string} */ (regex[1]), regex[2]);
      return (name) => compiled.test(name);
    } catch {
      return () => false;
    }
  }
  return (name) => name === pattern;
}

/**
 * The parts of a page's consent-gate config the judge needs, read defensively:
 * the config comes from a page and may be anything.
 *
 * @param {unknown} config
 * @returns {{ consentCookie: string, replayCategory: string, categories: { name: string, patterns: string[] }[] }}
 */
export function readConfig(config) {
  const record = isRecord(config) ? config : {};
  const cookie = isRecord(record.cookie) ? record.cookie : {};
  const sentry = isRecord(record.sentry) ? record.sentry : {};
  const declared = isRecord(record.categories) ? record.categories : {};
  // The widget always has necessary, analytics and replay; the config adds to them.
  const names = [...new Set(['necessary', 'analytics', 'replay', ...Object.keys(declared)])];
  return {
    consentCookie: typeof cookie.name === 'string' && cookie.name ? cookie.name : DEFAULT_CONSENT_COOKIE,
    replayCategory: typeof sentry.replayCategory === 'string' && sentry.replayCategory ? sentry.replayCategory : DEFAULT_REPLAY_CATEGORY,
    categories: names.map((name) => {
      const category = declared[name];
      const cookies = isRecord(category) && Array.isArray(category.cookies) ? category.cookies : [];
      return { name, patterns: cookies.filter((pattern) => typeof pattern === 'string') };
    }),
  };
}

/**
 * The category a cookie belongs to under `config`: the consent cookie is
 * necessary; otherwise the first category whose `cookies` patterns match it,
 * necessary first (a site may list its own cookies there). Null when none does.
 *
 * @param {string} name
 * @param {unknown} config
 * @returns {string | null}
 */
export function categoryOfCookie(name, config) {
  const { consentCookie, categories } = readConfig(config);
  if (name === consentCookie) return 'necessary';
  for (const category of categories) {
    if (category.patterns.some((pattern) => cookiePatternMatcher(pattern)(name))) return category.name;
  }
  return null;
}

/**
 * Whether a localStorage or sessionStorage key may be set without consent:
 * the widget's own keys, and names the site lists as necessary.
 *
 * @param {string} key
 * @param {unknown} config
 */
export function isNecessaryStorageKey(key, config) {
  if (key.startsWith(WIDGET_STORAGE_PREFIX)) return true;
  const necessary = readConfig(config).categories.find((category) => category.name === 'necessary');
  return !!necessary && necessary.patterns.some((pattern) => cookiePatternMatcher(pattern)(key));
}

/**
 * Every violation on one page, in phase order: cookies, then storage, then replay.
 *
 * @param {PageObservation} page
 * @param {unknown} config  the config that applies to the page (its own, else the site's)
 * @returns {Violation[]}
 */
export function judgePage(page, config) {
  /** @type {Violation[]} */
  const violations = [];
  for (const phase of /** @type {Phase[]} */ (['before', 'reject', 'accept'])) {
    const seen = page.phases[phase];
    if (!seen) continue;
    /** @param {ViolationKind} kind @param {string} name */
    const add = (kind, name) => {
      if (!violations.some((v) => v.phase === phase && v.kind === kind && v.name === name)) {
        violations.push({ phase, page: page.url, kind, name });
      }
    };
    if (/** @type {readonly string[]} */ (RESTRICTED_PHASES).includes(phase)) {
      for (const cookie of seen.cookies) {
        if (categoryOfCookie(cookie.name, config) !== 'necessary') add('cookie', cookie.name);
      }
      for (const key of seen.localStorage) if (!isNecessaryStorageKey(key, config)) add('localStorage', key);
      for (const key of seen.sessionStorage) if (!isNecessaryStorageKey(key, config)) add('sessionStorage', key);
      for (const send of seen.replay) add('replay', replayName(send));
    } else {
      // Accept all grants replay, but only from the moment it is clicked.
      for (const send of seen.replay) if (send.beforeChoice) add('replay', replayName(send));
    }
  }
  return violations;
}

/**
 * Judges a whole scan: violations of every page, and each cookie annotated
 * with its category. Pages without a config of their own are judged by the
 * first config found on the site (the start page's, usually).
 *
 * @param {PageObservation[]} pages
 * @returns {{ violations: Violation[], pages: (PageObservation & { judgedBy: 'own' | 'site' | 'none' })[] }}
 */
export function judgeScan(pages) {
  const siteConfig = pages.find((page) => page.config != null)?.config ?? null;
  /** @type {Violation[]} */
  const violations = [];
  const judged = pages.map((page) => {
    const config = page.config ?? siteConfig;
    violations.push(...judgePage(page, config));
    /** @type {Partial<Record<Phase, PhaseObservation>>} */
    const phases = {};
    for (const [phase, seen] of Object.entries(page.phases)) {
      if (!seen) continue;
      phases[/** @type {Phase} */ (phase)] = {
        ...seen,
        cookies: seen.cookies.map((cookie) => ({ ...cookie, category: categoryOfCookie(cookie.name, config) })),
      };
    }
    /** @type {'own' | 'site' | 'none'} */
    const judgedBy = page.config != null ? 'own' : siteConfig != null ? 'site' : 'none';
    return { ...page, phases, judgedBy };
  });
  return { violations, pages: judged };
}

/**
 * The `categories` fragment that declares what was observed, for the site
 * owner to review: the config's own patterns stay; a cookie seen in `before`
 * or `reject` that no category covers goes under necessary (it is set without
 * consent, so either it is necessary or it is a leak to fix); one seen only
 * after Accept all goes where its name suggests (analytics by default).
 *
 * @param {PageObservation[]} pages
 * @returns {Record<string, { cookies: string[] }>}
 */
export function declarationFor(pages) {
  const siteConfig = pages.find((page) => page.config != null)?.config ?? null;
  const { categories, consentCookie } = readConfig(siteConfig);
  /** @type {Record<string, { cookies: string[] }>} */
  const fragment = {};
  for (const category of categories) fragment[category.name] = { cookies: [...category.patterns] };
  /** @type {Map<string, Set<Phase>>} */
  const phasesByCookie = new Map();
  for (const page of pages) {
    for (const [phase, seen] of Object.entries(page.phases)) {
      for (const cookie of seen?.cookies ?? []) {
        const phases = phasesByCookie.get(cookie.name) ?? new Set();
        phases.add(/** @type {Phase} */ (phase));
        phasesByCookie.set(cookie.name, phases);
      }
    }
  }
  for (const [name, phases] of [...phasesByCookie].sort(([a], [b]) => a.localeCompare(b))) {
    if (name === consentCookie || categoryOfCookie(name, siteConfig) !== null) continue;
    const category = phases.has('before') || phases.has('reject') ? 'necessary' : guessCategory(name);
    (fragment[category] ??= { cookies: [] }).cookies.push(name);
  }
  return fragment;
}

/** Well-known cookie names, by the category they usually need. */
const KNOWN_COOKIES = /** @type {const} */ ([
  [/^(_ga|_gid|_gat|_pk_|_hj|_clck|_clsk|ajs_|mp_|amplitude|_dc_gtm_|__utm)/, 'analytics'],
  [/^(_fbp|_fbc|_gcl_|IDE$|test_cookie$|_uetsid|_uetvid|_tt_|_pin_|li_|bcookie|muc_ads)/, 'marketing'],
]);

/**
 * A first guess at the category of a cookie that appeared only after Accept all.
 *
 * @param {string} name
 * @returns {string}
 */
export function guessCategory(name) {
  for (const [pattern, category] of KNOWN_COOKIES) if (pattern.test(name)) return category;
  return 'analytics';
}

/** @param {ReplaySend} send */
function replayName(send) {
  return `${new URL(send.url).host} (${[...new Set(send.itemTypes)].join(', ')})`;
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
