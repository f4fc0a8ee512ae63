/**
 * The config a site writes (PRODUCT.md "Config"), as a type: what
 * `startConsentGate({ config })` takes and the npm package exports. The
 * validators (config-base.ts, config-sections.ts) list their keys as records of
 * these types' keys, so a key added to one and not the other does not compile.
 * Values arrive unchecked at run time all the same (a script tag's JSON): the
 * validators still check every one.
 */
import type { TextKey } from './config-base.js';
import type { LocalizedText, Placement, SameSite, Theme } from './types.js';

/** The Google Consent Mode v2 types a category can map to. */
export type GoogleConsentType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

export interface CategoryInput {
  /** Shown next to the switch: one text, or one per language (`{ en: '…', de: '…' }`). */
  label?: LocalizedText;
  description?: LocalizedText;
  /** The category's cookies, deleted on withdrawal: exact names, or `"/regex/"` strings. */
  cookies?: readonly string[];
  /** Off and locked while the browser sends Global Privacy Control (not for `necessary`). */
  gpc?: boolean;
}

export interface CookieInput {
  /** Default `consent_gate`. */
  name?: string;
  /** Default: the page's host only. */
  domain?: string | null;
  /** Default `/`. */
  path?: string;
  /** Default 182; at most 400. */
  maxAgeDays?: number;
  /** Default `Lax`. */
  sameSite?: SameSite;
}

export interface SentryInput {
  /** Without it, replay is set up on the page's own Sentry SDK (`useSentry()`), if any. */
  dsn?: string | null;
  /** The category that gates session replay and the error-only buffer. Default `replay`. */
  replayCategory?: string;
  /** 0 to 1; default 0.1. */
  replaysSessionSampleRate?: number;
  /** 0 to 1; default 1. */
  replaysOnErrorSampleRate?: number;
  environment?: string;
  release?: string;
  tunnel?: string;
  /** Extra selectors to mask, added to the locked defaults. */
  mask?: readonly string[];
  /** Extra selectors to block, added to the locked defaults. */
  block?: readonly string[];
  /** Keep query strings and fragments of page URLs in Sentry data. Default false. */
  keepUrlQuery?: boolean;
}

export interface AnalyticsInput {
  /** The site's name at the analytics service; default: the page's host name. */
  domain?: string;
  /** Plausible's Events API, or a compatible one. */
  endpoint?: string;
  /** The category that gates it. Default `analytics`. */
  category?: string;
}

export interface ConsentLogInput {
  /** Where consent records are posted. */
  url: string;
}

/** consent-gate's config; every key is optional. */
export interface ConsentGateConfig {
  /** Raise it when the policy changes: a stored choice of another revision counts as none. Default 1. */
  revision?: number;
  /** The privacy policy, linked from the banner: http(s) or relative. */
  policyUrl?: string;
  /** `auto` (default: `<html lang>`, then the browser's), or a language tag such as `de`. */
  language?: string;
  /** Merged over the defaults (necessary, analytics, replay); `false` removes one (not `necessary`). */
  categories?: Readonly<Record<string, CategoryInput | false>> & {
    /** Always on: it cannot be removed, and Global Privacy Control does not lock it. */
    readonly necessary?: Omit<CategoryInput, 'gpc'> & { gpc?: false };
  };
  cookie?: CookieInput;
  sentry?: SentryInput | null;
  /** Category → the Consent Mode types it grants. */
  googleConsentMode?: Readonly<Record<string, readonly GoogleConsentType[]>> | null;
  consentLog?: ConsentLogInput | null;
  /** The built-in cookieless analytics: `true` for its defaults. */
  analytics?: AnalyticsInput | boolean | null;
  placement?: Placement;
  theme?: Theme;
  /** The widget's texts by language; a language that is not built in needs every key. */
  strings?: Readonly<Record<string, Readonly<Partial<Record<TextKey, string>>>>>;
}

/** Each key of `T`, once: a validator's list of the keys it knows. */
export type KeysOf<T> = { readonly [K in keyof Required<T>]: true };
