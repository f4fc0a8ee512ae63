/**
 * The elements' types in the DOM's tag map, for the npm package's types:
 * `document.querySelector('consent-gate-declaration')` is typed, and JSX
 * typings can be built from these (README "Frameworks"). Types only: the
 * classes themselves arrive with the UI chunk, in a browser.
 */
import type { ConsentDeclarationElement } from './ui/consent-declaration.component.js';
import type { ConsentGateElement } from './ui/consent-gate.component.js';
import type { ConsentPlaceholderElement } from './ui/consent-placeholder.component.js';

export type { ConsentDeclarationElement, ConsentGateElement, ConsentPlaceholderElement };

declare global {
  interface HTMLElementTagNameMap {
    'consent-gate': ConsentGateElement;
    'consent-gate-declaration': ConsentDeclarationElement;
    'consent-gate-placeholder': ConsentPlaceholderElement;
  }
}
