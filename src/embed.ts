/**
 * The script-tag entry (`dist/consent-gate.js`). Reads the page's config (the
 * `#consent-gate-config` JSON block, else `window.consentGateConfig`), starts
 * consent-gate once per page and exposes `window.consentGate`.
 */
import type { ConsentGateConfig } from './consent/config-input.js';
import { createReporter } from './consent/reporter.js';
import { STARTED, startConsentGate, type StartedPage } from './start.js';

declare global {
  interface Window {
    consentGateConfig?: unknown;
    Sentry?: unknown;
  }
}

function readPageConfig(): unknown {
  const block = document.getElementById('consent-gate-config');
  if (block) {
    try {
      return JSON.parse(block.textContent ?? '');
    } catch (error) {
      console.error(`consent-gate: the #consent-gate-config block is not valid JSON (${String(error)}); using the defaults`);
      return undefined;
    }
  }
  return window.consentGateConfig;
}

/**
 * A config set after the start is not read (a module that sets it and imports
 * `consent-gate/script`: imports run first). Said, rather than silently running
 * with the defaults. (Its words come with the config problems' chunk.)
 */
function watchLateConfig(config: unknown): void {
  // (A page's `var consentGateConfig` is a property that cannot be redefined: nothing to watch.)
  if (Object.getOwnPropertyDescriptor(window, 'consentGateConfig')?.configurable === false) return;
  const { report } = createReporter();
  Object.defineProperty(window, 'consentGateConfig', {
    configurable: true,
    get: () => config,
    set: (value: unknown) => report({ key: 'window.consentGateConfig', expected: 'setBeforeStart', value, instead: 'ignored' }),
  });
}

// A second copy of the script (another URL, another version) stays quiet: the page has one already.
if (!(window as StartedPage)[STARTED]) {
  const config = readPageConfig();
  startConsentGate({ config: config as ConsentGateConfig, sentry: window.Sentry });
  watchLateConfig(window.consentGateConfig);
}
