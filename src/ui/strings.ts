/**
 * The widget's words. English is built in; other languages arrive as lazy chunks
 * (see the i18n issue) and sites may override any string per language in config.
 * Every value is plain text: it is rendered as text, never as HTML.
 */
export interface Strings {
  readonly regionLabel: string;
  readonly bannerTitle: string;
  readonly bannerText: string;
  readonly policyLink: string;
  readonly acceptAll: string;
  readonly rejectAll: string;
  readonly preferences: string;
  readonly dialogTitle: string;
  readonly dialogText: string;
  readonly savePreferences: string;
  readonly close: string;
  readonly gpcLocked: string;
  /** `{on}` and `{off}` are replaced by lists of category labels. */
  readonly saved: string;
  readonly none: string;
  readonly categories: Readonly<Record<string, { readonly label: string; readonly description: string }>>;
}

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
