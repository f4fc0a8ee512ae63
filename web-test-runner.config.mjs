/**
 * @web/test-runner configuration: runs `test/**\/*.test.ts` in real Chromium,
 * Firefox and WebKit.
 *
 * Run it through `npm test` (test/run-tests.mjs), which also starts the
 * WebKitWebDriver/Xvfb pair the Debian WebKit needs. Running `wtr` directly
 * works for Chromium and Firefox, or for WebKit when you started
 * `WebKitWebDriver --port=4445` on an X display yourself.
 *
 * Environment:
 *   BROWSERS                comma list of chromium,firefox,webkit (default: all three)
 *   CI                      when set, every requested engine must be installed;
 *                           otherwise a missing one is skipped with a warning
 *   WEBKIT_WEBDRIVER_PORT   port of the running WebKitWebDriver (default 4445)
 *   UPDATE_SCREENSHOTS      when 1, screenshot tests write new baselines instead
 *                           of comparing (see test/ui/screenshots.test.ts)
 *
 * Where each browser comes from is decided in test/runner/browsers.mjs.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { DEFAULT_WEBKIT_WEBDRIVER_PORT, describeMissing, discoverBrowsers } from './test/runner/browsers.mjs';
import { middleware } from './test/server/middleware.mjs';
import { plainSummaryReporter } from './test/runner/summary-reporter.mjs';

/** @typedef {import('./test/runner/browsers.mjs').FoundBrowser} FoundBrowser */

const { found, missing } = discoverBrowsers();

if (missing.length > 0) {
  const details = describeMissing(missing);
  if (process.env.CI) {
    // CI must prove the widget works in every engine; a silently skipped
    // engine would turn a red build green.
    throw new Error(`CI requires all requested browser engines, but some are missing:\n${details}`);
  }
  console.warn(`\n[web-test-runner] Skipping missing browser engine(s):\n${details}\n`);
}
if (found.length === 0) {
  throw new Error('No browser engine is available to run the tests in (see the warnings above).');
}

/**
 * @param {FoundBrowser} browser
 * @returns {import('@web/test-runner').BrowserLauncher}
 */
function launcherFor(browser) {
  switch (browser.driver) {
    case 'playwright':
      // Playwright's own builds need no executablePath; Debian's Chromium is
      // driven over CDP. The background-networking/component-update switches
      // stop it from phoning home, which only produces noise offline.
      return playwrightLauncher({
        product: browser.engine,
        // --expose-gc (Chromium only): the load test measures the heap after a real collection.
        launchOptions: browser.executablePath
          ? {
              executablePath: browser.executablePath,
              args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--js-flags=--expose-gc'],
            }
          : { args: browser.engine === 'chromium' ? ['--js-flags=--expose-gc'] : [] },
      });

    case 'puppeteer':
      // Debian's Firefox ESR through WebDriver BiDi (Playwright only drives its
      // own patched Firefox).
      return puppeteerLauncher({
        launchOptions: { browser: 'firefox', executablePath: browser.executablePath, headless: true },
      });

    case 'webdriver':
      // Debian's WebKitGTK MiniBrowser through a WebKitWebDriver that
      // run-tests.mjs started. Do not set `browserName`: WebKitWebDriver
      // rejects the session ("Failed to match capabilities") when it is set.
      return withName('WebKit', webdriverLauncher({
        automationProtocol: 'webdriver',
        hostname: '127.0.0.1',
        port: Number(process.env.WEBKIT_WEBDRIVER_PORT || DEFAULT_WEBKIT_WEBDRIVER_PORT),
        logLevel: 'error',
        // (WebdriverIO's types do not know the WebKitGTK vendor capability.)
        capabilities: /** @type {import('@wdio/types').Capabilities.RequestedStandaloneCapabilities} */ ({
          // WebdriverIO 9 would otherwise ask for a BiDi session, which
          // WebKitWebDriver does not offer.
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': { binary: browser.executablePath, args: ['--automation'] },
        }),
      }));
  }
}

/**
 * The webdriver launcher labels itself from the requested capabilities in
 * `initialize()`; without `browserName` that label is empty, which makes the
 * progress output unreadable. Relabel it once it has initialized.
 *
 * @template {import('@web/test-runner').BrowserLauncher} L
 * @param {string} name
 * @param {L} launcher
 * @returns {L}
 */
function withName(name, launcher) {
  const initialize = launcher.initialize?.bind(launcher);
  launcher.initialize = async (...args) => {
    await initialize?.(...args);
    launcher.name = name;
  };
  return launcher;
}

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,

  plugins: [
    // TypeScript is transpiled per request by esbuild (no bundling, no vite).
    // The target must be a concrete ES version: with 'esnext' (or 'auto' on a
    // current browser) esbuild passes standard `@decorator`s and `accessor`
    // fields through untouched and no browser can parse them yet. es2022 is
    // the lowest target that keeps class fields native.
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      // Let esbuild see the same compiler options as tsc (e.g. that the
      // project uses standard, not experimental, decorators).
      ...(existsSync(tsconfig) ? { tsconfig } : {}),
    }),
    // Screenshot baselines of one engine (Chromium), so not named by browser.
    // Strict per pixel (a slightly different accent colour counts), with room
    // for a few anti-aliased pixels that may differ between machines; a change
    // of colour, size or text moves far more than 0.2% of an image.
    visualRegressionPlugin({
      baseDir: 'test/ui/screenshots',
      update: process.env.UPDATE_SCREENSHOTS === '1',
      getBaselineName: ({ name }) => `baseline/${name}`,
      getDiffName: ({ name }) => `failed/${name}-diff`,
      getFailedName: ({ name }) => `failed/${name}`,
      failureThresholdType: 'percent',
      failureThreshold: 0.2,
      diffOptions: { threshold: 0.02 },
    }),
  ],

  // Fake backend endpoints for tests; add new ones in test/server/middleware.mjs.
  middleware: [...middleware],

  browsers: found.map(launcherFor),

  // One test file at a time per browser: pages that run side by side in one
  // browser steal focus from each other, which breaks keyboard/focus tests,
  // and the webdriver launcher only runs pages in top-level windows (instead
  // of iframes) when the global concurrency is 1. Two browsers run at once,
  // one per core.
  concurrency: 1,
  concurrentBrowsers: 2,

  // The machines have two cores; a cold Firefox/MiniBrowser start or the
  // first esbuild transform can take a while there.
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  // The Sentry replay files wait for real flushes (about 5 s each), several per file.
  testsFinishTimeout: 360_000,

  testFramework: {
    config: { timeout: 10_000 },
  },

  // Lit's development build is used on purpose (it warns about misuse), but
  // its "Lit is in dev mode" banner would show up under every test file.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),

  reporters: [defaultReporter(), plainSummaryReporter()],
};
