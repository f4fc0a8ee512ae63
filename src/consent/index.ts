/** The consent layer: state, parsing and validation, the cookie, cross-tab sync. */
export { parseConfig, defaultConfig, GOOGLE_CONSENT_TYPES, type ConfigProblemReporter } from './config.js';
export { decodeChoice, encodeChoice, documentCookieJar, memoryCookieJar, type CookieJar, type StoredChoice } from './cookie.js';
export { ConsentStore, type ConsentListener, type ConsentStoreOptions } from './store.js';
export { syncAcrossTabs } from './sync.js';
export { isSafeUrl } from './url.js';
export type * from './types.js';
