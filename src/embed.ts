/**
 * The script-tag entry (`dist/consent-gate.js`). Reads the page's config (the
 * `#consent-gate-config` JSON block, else `window.consentGateConfig`), starts
 * consent-gate once per page and exposes `window.consentGate`.
 */
import { STARTED, startConsentGate, type ConsentGateApi, type StartedPage } from './start.js';

declare global {
  interface Window {
    consentGate?: ConsentGateApi;
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

// A second copy of the script (another URL, another version) stays quiet: the page has one already.
if (!(window as StartedPage)[STARTED]) {
  window.consentGate = startConsentGate({ config: readPageConfig(), sentry: window.Sentry });
}
