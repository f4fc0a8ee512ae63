/**
 * The npm entry, for bundler users. `startConsentGate()` does what the script tag
 * does, with the config passed in; the store and its parts are exported for
 * sites that build their own UI or tests.
 */
export { startConsentGate, type ConsentGateApi, type StartOptions, type ConsentGateEventDetail } from './start.js';
export * from './consent/index.js';
export { ConsentGateElement, defineConsentGate } from './ui/consent-gate.js';
export type { Gate, GateFactory } from './gates/gate.js';
