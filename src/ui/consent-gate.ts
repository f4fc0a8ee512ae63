/** Registers `<consent-gate>`; safe to run twice (two copies of the script, an SPA re-import). */
import { ConsentGateElement } from './consent-gate.component.js';
import { CONSENT_GATE_TAG } from './index.js';

export { CONSENT_GATE_TAG };
/** The tag used when a page has already defined `<consent-gate>` as something else. */
export const FALLBACK_TAG = 'consent-gate-widget';

/** Where the widget's element lives on this page. */
export interface ConsentGateRegistration {
  /** `consent-gate`, or `FALLBACK_TAG` (numbered if need be) when the page defined `<consent-gate>` as something else. */
  readonly tag: string;
  /** The class that owns `tag`: ours, or another copy's of the same element. */
  readonly element: CustomElementConstructor;
  /** True when `<consent-gate>` was taken and the fallback tag is used. */
  readonly taken: boolean;
}

/**
 * Defines the element unless its tag is already ours (another copy of the
 * script). A tag taken by something else (the page's own element) does not
 * leave the visitor without a banner: the element is defined as `FALLBACK_TAG`.
 */
export function defineConsentGate(): ConsentGateRegistration {
  const ours = (element: CustomElementConstructor | undefined) => !!element && 'openPreferences' in element.prototype;
  // (Numbered fallbacks only if a page took the fallback name too: never no banner.)
  for (const tag of [CONSENT_GATE_TAG, FALLBACK_TAG, ...Array.from({ length: 8 }, (_, i) => `${FALLBACK_TAG}-${i + 2}`)]) {
    const existing = customElements.get(tag);
    if (ours(existing)) return { tag, element: existing!, taken: tag !== CONSENT_GATE_TAG };
    if (!existing) {
      customElements.define(tag, ConsentGateElement);
      return { tag, element: ConsentGateElement, taken: tag !== CONSENT_GATE_TAG };
    }
  }
  throw new Error(`every tag consent-gate could use is defined by something else`);
}

export { ConsentGateElement };
