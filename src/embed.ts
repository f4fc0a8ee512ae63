/**
 * The script-tag entry (`dist/consent-gate.js`). Reads the page's config (the
 * `#consent-gate-config` JSON block, else `window.consentGateConfig`), starts
 * consent-gate once per page and exposes `window.consentGate`.
 */
import { startConsentGate, type ConsentGateApi } from './start.js';

declare global {
  interface Window {
    consentGate?: ConsentGateApi;
    consentGateConfig?: unknown;
    Sentry?: unknown;
  }
}

/** Marks a started page, so a second copy of the script (another URL, another version) stays quiet. */
const STARTED = Symbol.for('consent-gate.started');

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

const page = window as Window & { [STARTED]?: true };
if (!page[STARTED]) {
  page[STARTED] = true;
  window.consentGate = startConsentGate({ config: readPageConfig(), sentry: window.Sentry });
}
