/**
 * The shapes that flow through consent-gate: the resolved configuration and the
 * visitor's consent state. Pure types, shared by the store, the gates and the UI.
 */

/** A category name as it appears in config, the cookie and the API. */
export type CategoryName = string;

/** Text that a site may give once, or per language (`{ "en": "...", "de": "..." }`). */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** One consent category after validation. */
export interface CategoryConfig {
  readonly name: CategoryName;
  /** Label shown next to the switch; `undefined` means the built-in translation. */
  readonly label?: LocalizedText;
  readonly description?: LocalizedText;
  /** Cookies this category sets: exact names, or regular expressions from `/.../` strings. */
  readonly cookies: readonly (string | RegExp)[];
  /** Off and locked while the browser sends Global Privacy Control. */
  readonly gpc: boolean;
  /** `necessary` only: always granted, cannot be switched off. */
  readonly required: boolean;
}

export type SameSite = 'Lax' | 'Strict' | 'None';

export interface CookieConfig {
  readonly name: string;
  readonly domain: string | null;
  readonly path: string;
  readonly maxAgeDays: number;
  readonly sameSite: SameSite;
}

export interface SentryConfig {
  /**
   * Where our own client sends; null without one: the section then sets replay
   * up on the page's own SDK (`useSentry()`, or `window.Sentry` at start-up).
   */
  readonly dsn: string | null;
  readonly replayCategory: CategoryName;
  readonly replaysSessionSampleRate: number;
  readonly replaysOnErrorSampleRate: number;
  readonly environment?: string;
  readonly release?: string;
  readonly tunnel?: string;
  /** Extra CSS selectors for replay to mask or block; added to the locked defaults, never replacing them. */
  readonly mask: readonly string[];
  readonly block: readonly string[];
  /** Keep query strings and fragments of page URLs in Sentry data (default: strip them). */
  readonly keepUrlQuery: boolean;
}

/**
 * Where the banner sits: a bar at the bottom, a box in the bottom corner, or a
 * box in the centre. (No top bar: it would either shift the page down or hide
 * the first focusable elements of the page under it.)
 */
export type Placement = 'bottom' | 'corner' | 'center';

/** Light or dark colours; `auto` follows the visitor's `prefers-color-scheme`. */
export type Theme = 'auto' | 'light' | 'dark';

/** The widget's own texts, by key (see `TEXT_KEYS`); category texts live in `categories`. */
export type TextOverrides = Readonly<Record<string, Readonly<Partial<Record<string, string>>>>>;

export interface AnalyticsConfig {
  /** Where events are posted (Plausible's Events API, or a self-hosted one). */
  readonly endpoint: string;
  /** The site's name at the analytics service; default: the page's host name. */
  readonly domain: string | null;
  /** The category that gates it. */
  readonly category: CategoryName;
}

/**
 * The configuration after validation: every key present, every value safe. It
 * holds what start-up needs; the sections of optional features are parsed apart,
 * with those features (`ConfigSections`).
 */
export interface ResolvedConfig {
  readonly revision: number;
  readonly policyUrl: string | null;
  readonly language: string;
  /** In display order; `necessary` first. */
  readonly categories: readonly CategoryConfig[];
  readonly cookie: CookieConfig;
  /**
   * Category name to Google Consent Mode types. A mapping the config could not
   * read is every type under `*`, which names no category: all denied, always.
   */
  readonly googleConsentMode: Readonly<Record<CategoryName | '*', readonly string[]>> | null;
  readonly placement: Placement;
  readonly theme: Theme;
  /** Site texts by language tag (lower case), then by text key; they replace the built-in ones. */
  readonly strings: TextOverrides;
}

/** The config sections of optional features, parsed with them (config-sections.ts); null when not configured. */
export interface ConfigSections {
  readonly sentry: SentryConfig | null;
  readonly consentLog: { readonly url: string } | null;
  /** Built-in cookieless analytics (Plausible-compatible). */
  readonly analytics: AnalyticsConfig | null;
}

/** What `consentGate.get()` returns once the visitor has chosen. */
export interface ConsentState {
  readonly id: string;
  readonly revision: number;
  /** ISO 8601 time of the choice. */
  readonly updatedAt: string;
  readonly categories: Readonly<Record<CategoryName, boolean>>;
}

/** Where a state change came from. */
export type ChangeSource =
  /** The stored choice read at start-up. */
  | 'restore'
  /** A choice made in this tab (UI or API). */
  | 'local'
  /** A choice or withdrawal made in another tab of the site. */
  | 'remote';
