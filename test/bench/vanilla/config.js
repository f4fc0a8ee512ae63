/**
 * vanilla-cookieconsent v3 set up for `npm run bench` as its documentation
 * shows (the stylesheet linked in the page, this module importing the ESM
 * build and calling `run`), with consent-gate's defaults: the same three
 * categories and the same English texts (src/ui/strings.ts), the banner as a
 * bar at the bottom. Served as /vanilla/config.js beside the package's dist/
 * files, so its bytes count as vanilla's: these texts are what consent-gate
 * ships built in.
 */
import * as CookieConsent from './cookieconsent.esm.js';

CookieConsent.run({
  // On by default, it keeps the banner hidden when navigator.webdriver is set,
  // as it is in every browser that Playwright drives.
  hideFromBots: false,
  guiOptions: {
    consentModal: { layout: 'bar', position: 'bottom' },
    preferencesModal: { layout: 'box' },
  },
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: {},
    replay: {},
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          label: 'Privacy',
          title: 'Your privacy choice',
          description:
            'We would like to use analytics and a masked session replay to improve this site. ' +
            'Neither runs unless you allow it, and you can change your choice at any time. ' +
            '<a href="/privacy">Privacy policy</a>',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Preferences',
        },
        preferencesModal: {
          title: 'Privacy preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save preferences',
          closeIconLabel: 'Close',
          sections: [
            {
              description: 'Choose what this site may use. Necessary cookies keep the site working and cannot be switched off.',
            },
            {
              title: 'Necessary',
              description: 'Keeps the site working and remembers this choice. Always on.',
              linkedCategory: 'necessary',
            },
            {
              title: 'Analytics',
              description: 'Counts visits and pages without identifying you, so we learn what to improve.',
              linkedCategory: 'analytics',
            },
            {
              title: 'Session replay',
              description:
                'Records clicks and page changes with all text masked and all images and media blocked, so we can fix bugs.',
              linkedCategory: 'replay',
            },
          ],
        },
      },
    },
  },
});
