/** Registers `<consent-gate-declaration>`; safe to run twice. */
import { ConsentDeclarationElement } from './consent-declaration.component.js';
import { defineElement } from './element.js';

export const DECLARATION_TAG = 'consent-gate-declaration';

export const defineDeclaration = (): void => defineElement(DECLARATION_TAG, ConsentDeclarationElement);

export { ConsentDeclarationElement };
