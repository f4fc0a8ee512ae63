import type { TextKey } from '../consent/config.js';

/**
 * The widget's words. English is built in; other languages arrive as lazy chunks
 * (see `i18n.ts`) and sites may override any text per language in config.
 * Every value is plain text: it is rendered as text, never as HTML.
 */
export interface Strings extends Readonly<Record<TextKey, string>> {
  /** Built-in labels and descriptions of the default categories; config `categories` overrides them. */
  readonly categories: Readonly<Record<string, { readonly label: string; readonly description: string }>>;
}

/**
 * English, built in. In `saved`, `{on}` and `{off}` are replaced by lists of
 * category labels; in `embedBlocked` and `embedAllow` (the placeholder of a
 * blocked iframe), `{source}` by the embed's host and `{category}` by labels.
 */
export const en: Strings = {
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
  embedBlocked: 'This content from {source} is blocked until you allow {category}.',
  embedAllow: 'Allow {category}',
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
