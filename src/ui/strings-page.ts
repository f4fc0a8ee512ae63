/**
 * The English texts of the embed placeholder and of `<consent-gate-declaration>`.
 * They live here, imported by those two chunks, so a page without them does not
 * download them. In `embedBlocked` and `embedAllow`, `{source}` is the embed's
 * host and `{category}` the category labels; in `declConsentCookie`, `{days}` is
 * the consent cookie's lifetime.
 */
import type { Locale } from './i18n.js';
import type { PageTextKey, Strings } from './strings.js';

export const enPage: Readonly<Pick<Strings, PageTextKey>> = {
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
};

/** Every text of `locale`: its own, and English for the page texts a locale leaves out (English itself). */
export const withPageTexts = (locale: Locale): Strings => ({ ...enPage, ...locale.strings }) as Strings;
