/** Registers `<consent-gate>`; safe to run twice (two copies of the script, an SPA re-import). */
import { ConsentGateElement } from './consent-gate.component.js';

export const CONSENT_GATE_TAG = 'consent-gate';
/** The tag used when a page has already defined `<consent-gate>` as something else. */
export const FALLBACK_TAG = 'consent-gate-widget';

/**
 * Defines the element unless the tag is taken. Returns the class that owns the
 * tag now, which may be another copy's (or the page's own) element.
 */
export function defineConsentGate(): CustomElementConstructor {
  const existing = customElements.get(CONSENT_GATE_TAG);
  if (existing) return existing;
  customElements.define(CONSENT_GATE_TAG, ConsentGateElement);
  return ConsentGateElement;
}

export { ConsentGateElement };

declare global {
  interface HTMLElementTagNameMap {
    'consent-gate': ConsentGateElement;
  }
}
