// @ts-check
/**
 * The scanner's collector: drives a Chromium-family browser with Playwright
 * and records what a site leaves behind, page by page and phase by phase.
 * It judges nothing (judge.mjs does); it only looks.
 *
 * Every phase of every page gets a fresh browser context (a fresh profile):
 * what one phase stored can never leak into the next one's findings.
 */
import { existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** @typedef {import('./judge.mjs').Phase} Phase */
/** @typedef {import('./judge.mjs').PhaseObservation} PhaseObservation */
/** @typedef {import('./judge.mjs').PageObservation} PageObservation */
/** @typedef {import('./judge.mjs').ReplaySend} ReplaySend */
/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */

/**
 * A problem that stops the scan before it has anything to say (exit status 2):
 * the message is for the user, so it never comes with a stack trace.
 */
export class ScanError extends Error {}

/** What installing the scanner's optional peer dependency takes. */
export const MISSING_PLAYWRIGHT = 'the scanner needs playwright-core: npm install --save-dev playwright-core';

/**
 * @typedef {object} CollectOptions
 * @property {string} url               where the scan starts
 * @property {number} maxPages          at most this many pages
 * @property {number} pageTimeoutMs     per page and phase: loading, choosing, looking
 * @property {number} [settleMs]        how long a page may keep setting things after load or a choice
 * @property {number} [concurrency]     pages looked at at once
 * @property {(message: string) => void} [progress]
 */

/**
 * Loads playwright-core, which the scanner needs and a website install does
 * not pull in (an optional peer dependency): imported only when a scan runs.
 *
 * @returns {Promise<typeof import('playwright-core')>}
 */
export async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new ScanError(MISSING_PLAYWRIGHT);
    throw error;
  }
}

/** Where Chromium-family browsers are usually installed, after Playwright's own. */
const INSTALLED_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
const BROWSER_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/**
 * The browser to drive: `explicit` (--browser) when given, else Playwright's
 * own Chromium when downloaded, else an installed Chromium or Chrome.
 *
 * @param {typeof import('playwright-core')} playwright
 * @param {string | undefined} explicit
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string}
 */
export function findBrowser(playwright, explicit, env = process.env) {
  if (explicit !== undefined) {
    if (!isFile(explicit)) throw new ScanError(`no browser at ${explicit} (--browser needs the path of a Chromium or Chrome executable)`);
    return explicit;
  }
  try {
    const own = playwright.chromium.executablePath();
    if (own && isFile(own)) return own;
  } catch {
    // Playwright has no build for this platform: look for an installed one.
  }
  const onPath = BROWSER_COMMANDS.flatMap((command) =>
    (env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, command)),
  );
  const found = [...INSTALLED_BROWSERS, ...onPath].find(isFile);
  if (!found) {
    throw new ScanError(
      'no browser found: install Chromium or Chrome (or run `npx playwright install chromium`), or pass --browser PATH',
    );
  }
  return found;
}

/**
 * Starts the browser headless. Running as root (containers, CI) needs
 * Chromium's sandbox off; background networking would add requests that the
 * site did not make.
 *
 * @param {typeof import('playwright-core')} playwright
 * @param {string} executablePath
 * @returns {Promise<Browser>}
 */
export async function launchBrowser(playwright, executablePath) {
  const args = ['--disable-background-networking', '--disable-component-update'];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.unshift('--no-sandbox');
  try {
    return await playwright.chromium.launch({ executablePath, args, headless: true, timeout: 30_000 });
  } catch (error) {
    const first = String(/** @type {Error} */ (error).message ?? error).split('\n')[0];
    throw new ScanError(`could not start the browser at ${executablePath}: ${first}`);
  }
}

/**
 * Scans the site: breadth first from `options.url`, a level at a time (so the
 * pages chosen do not depend on which one loaded first), at most
 * `options.maxPages` pages, `concurrency` of them at once.
 *
 * @param {Browser} browser
 * @param {CollectOptions} options
 * @returns {Promise<PageObservation[]>}
 */
export async function collectSite(browser, options) {
  const start = new URL(options.url);
  start.hash = '';
  const concurrency = options.concurrency ?? 2;
  // Pages share the browser: at most `concurrency` phases (contexts) run at once, whichever pages they are of.
  const slot = createLimiter(concurrency);
  /** @type {PageObservation[]} */
  const pages = [];
  const queued = new Set([start.href]);
  let level = [start.href];
  while (level.length > 0 && pages.length < options.maxPages) {
    level = level.slice(0, options.maxPages - pages.length);
    /** @type {{ page: PageObservation, links: string[] }[]} */
    const results = await mapWithConcurrency(level, concurrency, async (url) => {
      const index = pages.length + level.indexOf(url) + 1;
      options.progress?.(`page ${index}: ${url}`);
      return collectPage(browser, url, options, url === start.href, slot);
    });
    /** @type {string[]} */
    const next = [];
    for (const { page, links } of results) {
      pages.push(page);
      for (const link of links) {
        const target = sameOriginPage(link, start);
        if (target && !queued.has(target)) {
          queued.add(target);
          next.push(target);
        }
      }
    }
    level = next;
  }
  return pages;
}

/**
 * One page in its three phases, each in a fresh context: `before`, then (only
 * when the page runs consent-gate, which makes the choice) `reject` and `accept`.
 * Only the start page's first load may stop the scan: a site that cannot be
 * opened at all cannot be scanned; any later page's failure is noted in it.
 *
 * @param {Browser} browser
 * @param {string} url
 * @param {CollectOptions} options
 * @param {boolean} isStart
 * @param {<T>(task: () => Promise<T>) => Promise<T>} slot  runs a phase when the browser has room for it
 * @returns {Promise<{ page: PageObservation, links: string[] }>}
 */
async function collectPage(browser, url, options, isStart, slot) {
  const before = await slot(() => collectPhase(browser, url, 'before', options, isStart));
  /** @type {PageObservation} */
  const page = { url, runsConsentGate: before.runsConsentGate, config: before.config, phases: { before: before.seen } };
  if (before.runsConsentGate) {
    // Each in its own fresh context, so the two choices can be looked at side by side.
    const [reject, accept] = await Promise.all(
      /** @type {const} */ (['reject', 'accept']).map((phase) => slot(() => collectPhase(browser, url, phase, options, false))),
    );
    page.phases.reject = reject.seen;
    page.phases.accept = accept.seen;
  }
  return { page, links: before.links };
}

/**
 * Opens `url` in a fresh context, makes the phase's choice, lets the page
 * settle and records what it left behind.
 *
 * @param {Browser} browser
 * @param {string} url
 * @param {Phase} phase
 * @param {CollectOptions} options
 * @param {boolean} failIfUnreachable  throw a ScanError when the page cannot be loaded
 * @returns {Promise<{ seen: PhaseObservation, runsConsentGate: boolean, config: unknown, links: string[] }>}
 */
async function collectPhase(browser, url, phase, options, failIfUnreachable) {
  const origin = new URL(url);
  const settleMs = options.settleMs ?? 1000;
  const context = await browser.newContext();
  context.setDefaultTimeout(options.pageTimeoutMs);
  /** @type {PhaseObservation} */
  const seen = { cookies: [], localStorage: [], sessionStorage: [], otherHosts: [], replay: [], errors: [] };
  const errors = /** @type {string[]} */ (seen.errors);
  const otherHosts = new Set();
  /** Until the choice is made (never, in `before`), whatever is sent is sent without consent. */
  let choiceMade = false;
  context.on('request', (request) => {
    let requestUrl;
    try {
      requestUrl = new URL(request.url());
    } catch {
      return;
    }
    if (!/^(https?|wss?):$/.test(requestUrl.protocol)) return;
    if (requestUrl.host !== origin.host) otherHosts.add(requestUrl.host);
    if (request.method() !== 'POST') return;
    try {
      const itemTypes = replayItemTypes(request.postDataBuffer());
      if (itemTypes.length > 0) seen.replay.push({ url: requestUrl.origin + requestUrl.pathname, itemTypes, beforeChoice: !choiceMade });
    } catch {
      // a body that cannot be read carries nothing we can name
    }
  });
  let runsConsentGate = false;
  /** @type {unknown} */
  let config = null;
  /** @type {string[]} */
  let links = [];
  try {
    const page = await context.newPage();
    // A page's alert() or confirm() would stop it until someone answers: nobody will.
    page.on('dialog', (dialog) => dialog.dismiss().catch(() => {}));
    page.on('pageerror', (error) => errors.push(`the page threw: ${String(error.message).split('\n')[0]}`));
    try {
      const response = await page.goto(url, { waitUntil: 'load', timeout: options.pageTimeoutMs });
      if (response && response.status() >= 400) {
        // A start page that is an error page is not the site: scanning it would judge nothing.
        if (failIfUnreachable) throw new ScanError(`${url} answered HTTP ${response.status()} ${response.statusText()}`.trimEnd());
        errors.push(`HTTP ${response.status()}`);
      }
    } catch (error) {
      if (error instanceof ScanError) throw error;
      const problem = describeLoadFailure(error, url, options.pageTimeoutMs);
      if (failIfUnreachable) throw new ScanError(problem);
      errors.push(problem);
    }
    // Finding the widget and making the choice share one more time-out: a page
    // whose scripts never answer is recorded as it is rather than waited for.
    const looked = await withinTime(async () => {
      const found = await hasConsentGate(page, options.pageTimeoutMs);
      const pageConfig = await safely(page, readConfigInPage, null);
      if (phase !== 'before' && found) {
        choiceMade = true;
        const chosen = await safely(page, phase === 'accept' ? acceptAllInPage : rejectAllInPage, 'the page navigated away', options.pageTimeoutMs);
        if (chosen !== true) errors.push(`could not ${phase === 'accept' ? 'accept' : 'reject'} all: ${chosen}`);
      }
      return { found, pageConfig };
    }, options.pageTimeoutMs);
    if (looked) {
      runsConsentGate = looked.found;
      config = looked.pageConfig;
    } else {
      errors.push(`the page did not answer within ${Math.round(options.pageTimeoutMs / 1000)} s`);
    }
    await page.waitForTimeout(settleMs);
    if (phase === 'before') links = await safely(page, linksInPage, []);
    // A page that sent the browser elsewhere is judged by what it left; where it went is a page of its own.
    const landedOn = page.url();
    if (landedOn !== url && landedOn !== 'about:blank') {
      errors.push(`navigated away to ${landedOn}`);
      links.unshift(landedOn);
    }
    const storage = await safely(page, storageKeysInPage, { local: [], session: [] });
    seen.localStorage = storage.local;
    seen.sessionStorage = storage.session;
    seen.cookies = (await context.cookies())
      .filter((cookie) => cookieBelongsTo(cookie.domain, origin.hostname))
      .map(({ name, domain, path, expires, httpOnly, secure, sameSite }) => ({ name, domain, path, expires, httpOnly, secure, sameSite }))
      .sort((a, b) => a.name.localeCompare(b.name));
  } finally {
    await context.close().catch(() => {});
  }
  seen.otherHosts = [...otherHosts].sort();
  if (errors.length === 0) delete seen.errors;
  return { seen, runsConsentGate, config, links };
}

/**
 * Whether the page runs consent-gate: its API appears once the script tag's
 * module has run. Pages with no trace of the widget are not waited for.
 *
 * @param {Page} page
 * @param {number} timeoutMs
 */
async function hasConsentGate(page, timeoutMs) {
  const hinted = await safely(page, () => {
    const w = /** @type {any} */ (window);
    return !!(w.consentGate || w.consentGateConfig || document.getElementById('consent-gate-config') ||
      [...document.scripts].some((script) => /consent-gate/.test(script.src)));
  }, false);
  if (!hinted) return false;
  try {
    await page.waitForFunction(() => {
      const api = /** @type {any} */ (window).consentGate;
      return !!api && typeof api.acceptAll === 'function' && typeof api.rejectAll === 'function';
    }, undefined, { timeout: Math.min(timeoutMs, 5000) });
    await safely(page, () => /** @type {any} */ (window).consentGate.ready.then(() => true), false, timeoutMs);
    return true;
  } catch {
    return false;
  }
}

/** The config the widget reads: the JSON block wins over window.consentGateConfig. */
function readConfigInPage() {
  const block = document.getElementById('consent-gate-config');
  if (block) {
    try {
      return JSON.parse(block.textContent ?? '');
    } catch {
      return null;
    }
  }
  const fromWindow = /** @type {any} */ (window).consentGateConfig;
  try {
    return fromWindow === undefined ? null : JSON.parse(JSON.stringify(fromWindow));
  } catch {
    return null;
  }
}

/** Accept all, as a visitor's click does. */
async function acceptAllInPage() {
  await /** @type {any} */ (window).consentGate.acceptAll();
  return true;
}

/** Reject all, as a visitor's click does. */
async function rejectAllInPage() {
  await /** @type {any} */ (window).consentGate.rejectAll();
  return true;
}

function linksInPage() {
  return [...document.querySelectorAll('a[href], area[href]')].map((a) => /** @type {HTMLAnchorElement} */ (a).href);
}

function storageKeysInPage() {
  /** @param {() => Storage} area */
  const keys = (area) => {
    try {
      const storage = area();
      return Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').filter(Boolean).sort();
    } catch {
      return [];
    }
  };
  return { local: keys(() => localStorage), session: keys(() => sessionStorage) };
}

/**
 * Runs `fn` in the page; a page that navigated away, closed or threw gives
 * `fallback` (or the reason, when the fallback is a string) instead.
 *
 * @template T, F
 * @param {Page} page
 * @param {() => T | Promise<T>} fn
 * @param {F} fallback
 * @param {number} [timeoutMs]
 * @returns {Promise<T | F>}
 */
async function safely(page, fn, fallback, timeoutMs = 5000) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      /** @type {Promise<never>} */
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), timeoutMs).unref());
      return /** @type {T} */ (await Promise.race([page.evaluate(fn), timeout]));
    } catch (error) {
      const message = String(/** @type {Error} */ (error).message ?? error);
      // A navigation destroyed the page's context: look at the page it went to instead.
      if (attempt === 0 && /context was destroyed|navigat/i.test(message)) {
        await page.waitForLoadState('load').catch(() => {});
        continue;
      }
      return typeof fallback === 'string' ? /** @type {F} */ (/** @type {unknown} */ (message.split('\n')[0])) : fallback;
    }
  }
  return fallback;
}

/**
 * The Sentry envelope item types in a request body: an envelope is
 * newline-delimited JSON (a header, then per item a header and its payload,
 * which may be binary), so each line that parses as an item header names one.
 * Only replay items are returned.
 *
 * @param {Buffer | null} body
 * @returns {string[]}
 */
export function replayItemTypes(body) {
  if (!body || body.length === 0) return [];
  /** @type {string[]} */
  const types = [];
  let start = 0;
  while (start < body.length) {
    let end = body.indexOf(0x0a, start);
    if (end === -1) end = body.length;
    // Item headers are short JSON objects; a compressed payload is neither.
    if (body[start] === 0x7b && end - start < 4096) {
      try {
        const header = JSON.parse(body.subarray(start, end).toString('utf8'));
        if (header && (header.type === 'replay_event' || header.type === 'replay_recording')) types.push(header.type);
      } catch {
        // not a header line
      }
    }
    start = end + 1;
  }
  return types;
}

/**
 * Whether a cookie with `domain` (Playwright's, ".example.com" for a domain
 * cookie) is sent to, or set by, `hostname` or its subdomains: the site's cookies.
 *
 * @param {string} domain
 * @param {string} hostname
 */
export function cookieBelongsTo(domain, hostname) {
  const bare = domain.replace(/^\./, '').toLowerCase();
  const host = hostname.toLowerCase();
  return bare === host || host.endsWith(`.${bare}`) || bare.endsWith(`.${host}`);
}

/**
 * The page a link leads to, when it is on the scanned origin and a web page
 * (http or https, without its #fragment); otherwise null.
 *
 * @param {string} link
 * @param {URL} start
 * @returns {string | null}
 */
export function sameOriginPage(link, start) {
  try {
    const url = new URL(link, start);
    if (url.origin !== start.origin) return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/**
 * Says why a page did not load, in words a site owner can act on.
 *
 * @param {unknown} error
 * @param {string} url
 * @param {number} timeoutMs
 */
export function describeLoadFailure(error, url, timeoutMs) {
  const message = String(/** @type {Error} */ (error)?.message ?? error);
  const host = new URL(url).host;
  if (/ERR_CONNECTION_REFUSED/.test(message)) return `nothing answers at ${host} (connection refused): is the site running?`;
  if (/ERR_NAME_NOT_RESOLVED/.test(message)) return `the host ${new URL(url).hostname} was not found (DNS)`;
  if (/ERR_ADDRESS_UNREACHABLE|ERR_CONNECTION_TIMED_OUT|ERR_INTERNET_DISCONNECTED/.test(message)) return `${host} cannot be reached`;
  if (/Timeout|timed out/i.test(message)) return `${url} did not load within ${Math.round(timeoutMs / 1000)} s (the per-page time-out, --timeout)`;
  const net = /net::(ERR_[A-Z_]+)/.exec(message);
  if (net) return `${url} could not be loaded (${net[1]})`;
  return `${url} could not be loaded: ${message.split('\n')[0]}`;
}

/**
 * Runs `fn` over `items`, at most `limit` at a time, keeping their order.
 *
 * @template T, R
 * @param {T[]} items
 * @param {number} limit
 * @param {(item: T) => Promise<R>} fn
 * @returns {Promise<R[]>}
 */
async function mapWithConcurrency(items, limit, fn) {
  /** @type {R[]} */
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(/** @type {T} */ (items[index]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * `task`'s result, or undefined when it takes longer than `ms`.
 *
 * @template T
 * @param {() => Promise<T>} task
 * @param {number} ms
 * @returns {Promise<T | undefined>}
 */
async function withinTime(task, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return /** @type {T | undefined} */ (await Promise.race([task(), late]));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A gate that lets at most `limit` tasks run at once, the rest waiting in order.
 *
 * @param {number} limit
 * @returns {<T>(task: () => Promise<T>) => Promise<T>}
 */
function createLimiter(limit) {
  let running = 0;
  /** @type {(() => void)[]} */
  const waiting = [];
  return async (task) => {
    if (running >= limit) await new Promise((resolve) => waiting.push(() => resolve(undefined)));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** @param {string} path */
function isFile(path) {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}
