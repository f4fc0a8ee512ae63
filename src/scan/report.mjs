// @ts-check
/**
 * The scanner's reporter: turns a judged scan into what people read (a table
 * per phase, violations first, each with what to do about it), what programs
 * read (one JSON object) and a `categories` declaration to paste.
 */

/** @typedef {import('./judge.mjs').Phase} Phase */
/** @typedef {import('./judge.mjs').Violation} Violation */
/** @typedef {import('./judge.mjs').PageObservation} PageObservation */
/** @typedef {import('./judge.mjs').PhaseObservation} PhaseObservation */

/**
 * @typedef {object} ScanResult
 * @property {string} url
 * @property {(PageObservation & { judgedBy?: string })[]} pages
 * @property {Violation[]} violations
 */

/** @type {readonly Phase[]} */
const PHASES = ['before', 'reject', 'accept'];
const PHASE_TITLES = { before: 'Before a choice', reject: 'After Reject all', accept: 'After Accept all' };

/**
 * The machine-readable report: `{ url, pages, phases: { before, reject, accept }, violations }`,
 * each phase a list of what each page left behind in it.
 *
 * @param {ScanResult} result
 */
export function toJson(result) {
  /** @type {Record<Phase, object[]>} */
  const phases = { before: [], reject: [], accept: [] };
  for (const page of result.pages) {
    for (const phase of PHASES) {
      const seen = page.phases[phase];
      if (seen) phases[phase].push({ page: page.url, ...seen });
    }
  }
  return {
    url: result.url,
    pages: result.pages.map((page) => ({ url: page.url, runsConsentGate: page.runsConsentGate })),
    phases,
    violations: result.violations,
  };
}

/**
 * The readable report: a summary line, the violations with advice, then a
 * table per phase of the cookies, storage, other hosts and replay seen.
 *
 * @param {ScanResult} result
 * @returns {string}
 */
export function toText(result) {
  const origin = new URL(result.url).origin;
  /** @param {string} url */
  const short = (url) => (url.startsWith(origin) ? url.slice(origin.length) || '/' : url);
  const lines = [];
  const count = result.violations.length;
  lines.push(`consent-gate scan of ${result.url}: ${plural(result.pages.length, 'page')}, ${count === 0 ? 'no violations' : plural(count, 'violation')}`);
  const withoutWidget = result.pages.filter((page) => !page.runsConsentGate);
  if (withoutWidget.length > 0) {
    lines.push(`Pages without consent-gate (looked at before a choice only): ${withoutWidget.map((page) => short(page.url)).join(', ')}`);
  }
  lines.push('');

  if (count > 0) {
    lines.push(`VIOLATIONS (${count})`);
    lines.push(...table(['phase', 'page', 'kind', 'name'], result.violations.map((v) => [v.phase, short(v.page), v.kind, v.name])));
    lines.push('', 'What to do:');
    const advised = new Set();
    for (const violation of result.violations) {
      const key = `${violation.kind}\u0000${violation.name}`;
      if (advised.has(key)) continue;
      advised.add(key);
      const phases = [...new Set(result.violations.filter((v) => v.kind === violation.kind && v.name === violation.name).map((v) => v.phase))];
      lines.push(`  - ${violation.kind} ${violation.name} (${phases.join(', ')}): ${adviceFor(violation, result)}`);
    }
    lines.push('');
  }

  for (const phase of PHASES) {
    const pages = result.pages.filter((page) => page.phases[phase]);
    if (pages.length === 0) continue;
    lines.push(`${PHASE_TITLES[phase].toUpperCase()} (${phase}, ${plural(pages.length, 'page')})`);
    /** @type {Map<string, { cookie: any, pages: string[] }>} */
    const cookies = new Map();
    /** @type {Map<string, string[]>} */
    const storage = new Map();
    /** @type {Map<string, string[]>} */
    const hosts = new Map();
    /** @type {Map<string, string[]>} */
    const replay = new Map();
    /** @type {string[]} */
    const problems = [];
    /** @param {Map<string, string[]>} map @param {string} key @param {string} page */
    const note = (map, key, page) => map.set(key, [...(map.get(key) ?? []), page]);
    for (const page of pages) {
      const seen = /** @type {PhaseObservation} */ (page.phases[phase]);
      const at = short(page.url);
      for (const cookie of seen.cookies) {
        const key = `${cookie.name}\u0000${cookie.domain}\u0000${cookie.path}`;
        const entry = cookies.get(key) ?? { cookie, pages: [] };
        entry.pages.push(at);
        cookies.set(key, entry);
      }
      for (const key of seen.localStorage) note(storage, `localStorage\u0000${key}`, at);
      for (const key of seen.sessionStorage) note(storage, `sessionStorage\u0000${key}`, at);
      for (const host of seen.otherHosts) note(hosts, host, at);
      for (const send of seen.replay) note(replay, `${send.url} (${[...new Set(send.itemTypes)].join(', ')})${phase === 'accept' && send.beforeChoice ? ' before Accept all' : ''}`, at);
      for (const problem of seen.errors ?? []) problems.push(`${at}: ${problem}`);
    }
    if (cookies.size === 0) lines.push('  Cookies: none');
    else {
      lines.push('  Cookies');
      lines.push(...table(
        ['name', 'domain', 'path', 'expires', 'httpOnly', 'secure', 'sameSite', 'category', 'pages'],
        [...cookies.values()].map(({ cookie, pages: on }) => [
          cookie.name, cookie.domain, cookie.path, expiry(cookie.expires), yesNo(cookie.httpOnly), yesNo(cookie.secure),
          cookie.sameSite, cookie.category ?? '(none)', listPages(on),
        ]),
        '    ',
      ));
    }
    if (storage.size === 0) lines.push('  Storage: none');
    else {
      lines.push('  Storage');
      lines.push(...table(['area', 'key', 'pages'], [...storage].map(([key, on]) => [...key.split('\u0000'), listPages(on)]), '    '));
    }
    lines.push(`  Other hosts: ${hosts.size === 0 ? 'none' : [...hosts].map(([host, on]) => `${host} (${listPages(on)})`).join(', ')}`);
    lines.push(`  Replay data sent: ${replay.size === 0 ? 'none' : ''}`);
    for (const [what, on] of replay) lines.push(`    ${what} on ${listPages(on)}`);
    if (lines.at(-1)?.endsWith(': ')) lines[lines.length - 1] = lines[lines.length - 1].trimEnd();
    for (const problem of problems) lines.push(`  Note: ${problem}`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * The `categories` fragment as pretty JSON, wrapped so it pastes into a config.
 *
 * @param {Record<string, { cookies: string[] }>} declaration
 */
export function toDeclaration(declaration) {
  return JSON.stringify({ categories: declaration }, null, 2);
}

/**
 * What a site owner can do about one violation.
 *
 * @param {Violation} violation
 * @param {ScanResult} result
 * @returns {string}
 */
export function adviceFor(violation, result) {
  if (violation.kind === 'replay' || violation.name === 'sentryReplaySession') {
    return 'Sentry session replay ran before the replay category was granted. Let consent-gate start replay: give it sentry.dsn ' +
      '(or hand your own SDK over with consentGate.useSentry(Sentry)) and do not add replayIntegration() yourself; ' +
      'replay then waits for the category in sentry.replayCategory ("replay" by default).';
  }
  const page = result.pages.find((p) => p.url === violation.page);
  const cookie = violation.kind === 'cookie'
    ? PHASES.map((phase) => page?.phases[phase]?.cookies.find((c) => c.name === violation.name)).find(Boolean)
    : undefined;
  const category = /** @type {{ category?: string | null } | undefined} */ (cookie)?.category;
  const gated = category && category !== 'necessary' ? category : 'analytics';
  const gateScript = `gate the script that sets it with <script type="text/plain" data-consent-category="${gated}">`;
  if (violation.kind !== 'cookie') {
    // The widget clears cookies of refused categories, never other storage: the script must wait.
    return `if the site cannot work without it, declare it under categories.necessary.cookies (storage keys are matched by the same patterns); otherwise ${gateScript}.`;
  }
  if (cookie?.httpOnly) {
    // No script can read or delete an HttpOnly cookie, the widget included: only the server can hold it back.
    return `if the site cannot work without it, declare it under categories.necessary.cookies; otherwise the server must not set it (it is HttpOnly) until the consent cookie grants its category.`;
  }
  if (category && category !== 'necessary') {
    return `it belongs to "${category}" but was set without that consent: ${gateScript}, or load it only after consentGate.has("${category}").`;
  }
  return `if the site cannot work without it, declare it under categories.necessary.cookies; otherwise ${gateScript} and list it under categories.${gated}.cookies, so consent-gate also clears it when that category is refused.`;
}

/**
 * Rows as aligned columns under a header.
 *
 * @param {string[]} header
 * @param {string[][]} rows
 * @param {string} [indent]
 */
function table(header, rows, indent = '  ') {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column] ?? '').length)));
  /** @param {string[]} row */
  const line = (row) => indent + row.map((cell, column) => String(cell ?? '').padEnd(/** @type {number} */ (widths[column]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

/** @param {number} expires  seconds since the epoch, -1 for a session cookie */
function expiry(expires) {
  return expires === -1 || expires === undefined ? 'session' : new Date(expires * 1000).toISOString().slice(0, 10);
}

/** @param {boolean} value */
function yesNo(value) {
  return value ? 'yes' : 'no';
}

/** @param {string[]} pages */
function listPages(pages) {
  const unique = [...new Set(pages)];
  return unique.length > 3 ? `${unique.slice(0, 3).join(', ')} +${unique.length - 3} more` : unique.join(', ');
}

/** @param {number} n @param {string} word */
function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
