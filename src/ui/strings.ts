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

/**
 * English, built in. In `saved`, `{on}` and `{off}` are replaced by lists of
 * category labels; in `embedBlocked` and `embedAllow` (the placeholder of a
 * blocked iframe), `{source}` by the embed's host and `{category}` by labels.
 * The `decl*` texts are those of `<consent-gate-declaration>` (the privacy
 * page's section); `{days}` is the consent cookie's lifetime.
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
  declTitle: 'Cookies and your privacy choices',
  declIntro:
    'This site asks before it uses anything that is not necessary. Below are the categories you can choose from, ' +
    'what each one is for, and the cookies it uses.',
  declAlwaysOn: 'always on',
  declOn: 'on',
  declOff: 'off',
  declCookies: 'Cookies',
  declName: 'Name',
  declCategory: 'Category',
  declPurpose: 'Purpose',
  declNoCookies: 'No cookies of its own.',
  declConsentCookie:
    'Remembers your privacy choice for {days} days: a random consent id, the time of the choice and the categories ' +
    'you allowed. Nothing that identifies you.',
  declReplayText:
    'If you allow {category}, a replay of your visit (clicks, scrolling, page changes) is recorded so we can fix bugs. ' +
    'All text and everything you type is masked; images, video, audio, drawings (canvas and SVG) and embedded content ' +
    '(iframes) are blocked.',
  declErrorBuffer:
    'With the same permission, the last minute of your visit is kept in your browser and sent only when an error ' +
    'happens. Without it, nothing is recorded, not even when an error happens.',
  declChoiceNone: 'You have not made a choice yet.',
  declChoice: 'Your current choice: on: {on}; off: {off}.',
  declChange: 'Change your choice',
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
