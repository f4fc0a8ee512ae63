/** Registers `<consent-gate-placeholder>`; safe to run twice. */
import { ConsentPlaceholderElement } from './consent-placeholder.component.js';
import { defineElement } from './element.js';

export const PLACEHOLDER_TAG = 'consent-gate-placeholder';

export const definePlaceholder = (): void => defineElement(PLACEHOLDER_TAG, ConsentPlaceholderElement);

export { ConsentPlaceholderElement };
