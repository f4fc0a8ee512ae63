/**
 * Browser discovery for the test harness.
 *
 * Shared by `web-test-runner.config.mjs` (which turns the result into
 * launchers) and `test/run-tests.mjs` (which starts WebKitWebDriver and Xvfb
 * when the WebKit engine needs them), so both always agree on what runs.
 *
 * For every engine we prefer the build that Playwright manages itself (present
 * after `npx playwright install` on a developer machine) and fall back to the
 * Debian packages, which is all that CI and the sandboxed machines have: their
 * only network access is the npm and Debian registries, so Playwright cannot
 * download its browsers there.
 *
 *   engine    Playwright build      Debian fallback
 *   chromium  playwright/chromium   /usr/bin/chromium via Playwright (CDP)
 *   firefox   playwright/firefox    /usr/bin/firefox-esr via Puppeteer (WebDriver BiDi)
 *   webkit    playwright/webkit     MiniBrowser via WebKitWebDriver (WebDriver classic),
 *                                   on an X display (Xvfb when there is none)
 *
 * Playwright can only drive its own patched Firefox and WebKit builds, hence
 * the different automation stacks for the Debian ones.
 */
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, firefox, webkit } from 'playwright';

/** @typedef {'chromium' | 'firefox' | 'webkit'} Engine */

/**
 * A browser that can be launched.
 * @typedef {object} FoundBrowser
 * @property {Engine} engine
 * @property {'playwright' | 'puppeteer' | 'webdriver'} driver  which launcher drives it
 * @property {string} [executablePath]  browser binary; unset for Playwright's own builds
 * @property {string} [webDriverPath]   WebKitWebDriver binary (driver 'webdriver' only)
 * @property {boolean} [needsXvfb]      true when MiniBrowser needs an Xvfb display
 * @property {string} description       human-readable origin, for logs
 */

/**
 * A requested engine that is not installed.
 * @typedef {object} MissingBrowser
 * @property {Engine} engine
 * @property {string} reason
 * @property {string[]} debianPackages  what `apt-get install` needs to fix it
 */

/** @type {readonly Engine[]} */
export const ENGINES = Object.freeze(['chromium', 'firefox', 'webkit']);

/** Default WebKitWebDriver port; `run-tests.mjs` may pick another one. */
export const DEFAULT_WEBKIT_WEBDRIVER_PORT = 4445;

/**
 * Engines requested through the comma-separated `BROWSERS` env variable
 * (e.g. `BROWSERS=firefox,webkit npm test`); all of them when unset.
 *
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Engine[]}
 */
export function requestedEngines(env = process.env) {
  const raw = (env.BROWSERS ?? '').trim();
  if (raw === '') return [...ENGINES];
  const names = [...new Set(raw.split(',').map(s => s.trim().toLowerCase()).filter(Boolean))];
  const unknown = names.filter(n => !ENGINES.includes(/** @type {Engine} */ (n)));
  if (unknown.length > 0) {
    throw new Error(
      `BROWSERS contains unknown engine(s): ${unknown.join(', ')}. ` +
        `Use a comma-separated list of: ${ENGINES.join(', ')}.`,
    );
  }
  return /** @type {Engine[]} */ (names);
}

/**
 * Resolves each requested engine to an installed browser.
 *
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ found: FoundBrowser[], missing: MissingBrowser[] }}
 */
export function discoverBrowsers(env = process.env) {
  /** @type {FoundBrowser[]} */
  const found = [];
  /** @type {MissingBrowser[]} */
  const missing = [];
  for (const engine of requestedEngines(env)) {
    const result = discoverEngine(engine, env);
    if ('reason' in result) missing.push(result);
    else found.push(result);
  }
  return { found, missing };
}

/**
 * The message shown for engines that could not be found.
 *
 * @param {MissingBrowser[]} missing
 */
export function describeMissing(missing) {
  const packages = [...new Set(missing.flatMap(m => m.debianPackages))];
  return [
    ...missing.map(m => `  - ${m.engine}: ${m.reason}`),
    `  Install with: apt-get install -y ${packages.join(' ')}`,
    `  (or \`npx playwright install ${missing.map(m => m.engine).join(' ')}\` where downloads are allowed)`,
  ].join('\n');
}

/**
 * @param {Engine} engine
 * @param {NodeJS.ProcessEnv} env
 * @returns {FoundBrowser | MissingBrowser}
 */
function discoverEngine(engine, env) {
  const playwrightBuild = playwrightExecutable(engine);
  if (playwrightBuild) {
    return { engine, driver: 'playwright', description: `Playwright's ${engine} (${playwrightBuild})` };
  }

  switch (engine) {
    case 'chromium': {
      const executablePath = firstExisting(['/usr/bin/chromium']);
      return executablePath
        ? { engine, driver: 'playwright', executablePath, description: `${executablePath} (Debian)` }
        : { engine, reason: 'neither Playwright\'s Chromium nor /usr/bin/chromium is installed', debianPackages: ['chromium'] };
    }
    case 'firefox': {
      const executablePath = firstExisting(['/usr/bin/firefox-esr']);
      return executablePath
        ? { engine, driver: 'puppeteer', executablePath, description: `${executablePath} (Debian)` }
        : { engine, reason: 'neither Playwright\'s Firefox nor /usr/bin/firefox-esr is installed', debianPackages: ['firefox-esr'] };
    }
    case 'webkit': {
      const webDriverPath = firstExisting(['/usr/bin/WebKitWebDriver']);
      const executablePath = findMiniBrowser();
      if (!webDriverPath || !executablePath) {
        return {
          engine,
          reason: 'neither Playwright\'s WebKit nor WebKitWebDriver + MiniBrowser is installed',
          debianPackages: ['webkit2gtk-driver', 'xvfb', 'xauth'],
        };
      }
      // MiniBrowser is a GTK app and needs an X display even when unseen.
      const needsXvfb = !env.DISPLAY;
      if (needsXvfb && !onPath('xvfb-run', env)) {
        return {
          engine,
          reason: 'MiniBrowser needs an X display: DISPLAY is unset and xvfb-run is not installed',
          debianPackages: ['xvfb', 'xauth'],
        };
      }
      return {
        engine,
        driver: 'webdriver',
        executablePath,
        webDriverPath,
        needsXvfb,
        description: `${executablePath} via ${webDriverPath} (Debian)`,
      };
    }
  }
}

/**
 * Path of Playwright's own build of `engine`, if it has been downloaded.
 * `executablePath()` only computes where the build would live, so the file
 * must be checked as well.
 *
 * @param {Engine} engine
 */
function playwrightExecutable(engine) {
  const browserType = { chromium, firefox, webkit }[engine];
  try {
    const path = browserType.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** MiniBrowser lives in an arch- and API-version-specific libdir. */
function findMiniBrowser() {
  /** @type {string[]} */
  let libDirs = [];
  try {
    libDirs = readdirSync('/usr/lib', { withFileTypes: true })
      .filter(d => d.isDirectory() && /-linux-gnu/.test(d.name))
      .map(d => join('/usr/lib', d.name));
  } catch {
    // not a Debian-like system
  }
  return firstExisting(
    libDirs.flatMap(dir =>
      ['webkitgtk-6.0', 'webkit2gtk-4.1', 'webkit2gtk-4.0'].map(api => join(dir, api, 'MiniBrowser')),
    ),
  );
}

/** @param {string[]} paths */
function firstExisting(paths) {
  return paths.find(p => existsSync(p));
}

/**
 * @param {string} command
 * @param {NodeJS.ProcessEnv} env
 */
function onPath(command, env) {
  return (env.PATH ?? '').split(delimiter).some(dir => dir && existsSync(join(dir, command)));
}
