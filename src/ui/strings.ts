import type { TextKey } from '../consent/config-base.js';

/**
 * The widget's words. English is built in; other languages arrive as lazy chunks
 * (see `i18n.ts`) and sites may override any text per language in config.
 * Every value is plain text: it is rendered as text, never as HTML.
 */
export interface Strings extends Readonly<Record<TextKey, string>> {
  /** Built-in labels and descriptions of the default categories; config `categories` overrides them. */
  readonly categories: Readonly<Record<string, { readonly label: string; readonly description: string }>>;
}

/** The texts of the embed placeholder and the privacy declaration (strings-page.ts). */
export type PageTextKey = Extract<TextKey, `embed${string}` | `decl${string}`>;

/**
 * The texts a locale carries: all of them for the built-in languages other than
 * English; English leaves out the page texts, which come in English with the
 * placeholder's and the declaration's chunks (`withPageTexts`), not with the banner.
 */
export type WidgetStrings = Omit<Strings, PageTextKey> & Partial<Pick<Strings, PageTextKey>>;

/**
 * English, built in: the banner's and the dialog's texts. In `saved`, `{on}`
 * and `{off}` are replaced by lists of category labels.
 */
export const en: WidgetStrings = {
  regionLabel: 'Privacy',
  bannerTitle: 'Your privacy choice',
  bannerText:
    'We would like to use analytics and a masked session replay to improve this site. ' +
    'Neither runs unless you allow it, and you can change your choice at any time.',
  policyLink: 'Privacy policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  preferences: 'Preferences',
  dialogTitle: 'Privacy preferences',
  dialogText: 'Choose what this site may use. Necessary cookies keep the site working and cannot be switched off.',
  savePreferences: 'Save preferences',
  close: 'Close',
  gpcLocked: 'Off because your browser sends a Global Privacy Control signal.',
  saved: 'Your privacy choice is saved. On: {on}. Off: {off}.',
  none: 'none',
  categories: {
    necessary: {
      label: 'Necessary',
      description: 'Keeps the site working and remembers this choice. Always on.',
    },
    analytics: {
      label: 'Analytics',
      description: 'Counts visits and pages without identifying you, so we learn what to improve.',
    },
    replay: {
      label: 'Session replay',
      description:
        'Records clicks and page changes with all text masked and all images and media blocked, so we can fix bugs.',
    },
  },
};
