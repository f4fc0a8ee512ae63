/** German texts of the widget (a lazy chunk, fetched only for German pages). */
import type { Strings } from '../strings.js';

export const strings: Strings = {
  regionLabel: 'Datenschutz',
  bannerTitle: 'Ihre Entscheidung zum Datenschutz',
  bannerText:
    'Wir würden gern eine Webanalyse und eine maskierte Sitzungsaufzeichnung einsetzen, ' +
    'um diese Website zu verbessern. ' +
    'Beides ist nur aktiv, wenn Sie es erlauben, und Sie können Ihre Entscheidung jederzeit ändern.',
  policyLink: 'Datenschutzerklärung',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  preferences: 'Einstellungen',
  dialogTitle: 'Datenschutzeinstellungen',
  dialogText:
    'Wählen Sie, was diese Website verwenden darf. ' +
    'Notwendige Cookies sorgen dafür, dass die Website funktioniert, und können nicht ausgeschaltet werden.',
  savePreferences: 'Einstellungen speichern',
  close: 'Schließen',
  gpcLocked: 'Ausgeschaltet, weil Ihr Browser das Signal „Global Privacy Control“ sendet.',
  saved: 'Ihre Entscheidung zum Datenschutz ist gespeichert. Ein: {on}. Aus: {off}.',
  none: 'keine',
  embedBlocked: 'Dieser Inhalt von {source} ist blockiert, bis Sie „{category}“ erlauben.',
  embedAllow: '„{category}“ erlauben',
  categories: {
    necessary: {
      label: 'Notwendig',
      description: 'Sorgt dafür, dass die Website funktioniert, und speichert diese Entscheidung. Immer aktiv.',
    },
    analytics: {
      label: 'Webanalyse',
      description:
        'Zählt Besuche und aufgerufene Seiten, ohne Sie zu identifizieren, ' +
        'damit wir erfahren, was wir verbessern können.',
    },
    replay: {
      label: 'Sitzungsaufzeichnung',
      description:
        'Zeichnet Klicks und Seitenwechsel auf, damit wir Fehler beheben können. ' +
        'Dabei wird sämtlicher Text maskiert, und alle Bilder und Medien werden blockiert.',
    },
  },
};
