/**
 * The npm entry, for bundler users. `startConsentGate()` does what the script tag
 * does, with the config passed in (and sets `window.consentGate`); the store and
 * its parts are exported for sites that build their own UI or tests.
 *
 * Safe to import on a server (no DOM): nothing here touches the DOM at import,
 * and `startConsentGate()` there returns an API that stores and opens nothing.
 * The elements' classes come with the UI chunk, in a browser; their types are
 * exported and in the DOM's tag map (elements.ts).
 */
export { startConsentGate } from './npm.js';
export type { ConsentGateApi, StartOptions, ConsentGateEventDetail } from './start.js';
export * from './consent/index.js';
export type { AnalyticsInput, CategoryInput, ConsentGateConfig, ConsentLogInput, CookieInput, GoogleConsentType, SentryInput } from './consent/config-input.js';
export type { TextKey } from './consent/config-base.js';
export type * from './elements.js';
export type { Gate, GateFactory } from './gates/gate.js';
