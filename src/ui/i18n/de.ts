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
  declTitle: 'Cookies und Ihre Datenschutzeinstellungen',
  declIntro:
    'Diese Website fragt Sie um Erlaubnis, bevor sie etwas verwendet, das nicht notwendig ist. ' +
    'Nachfolgend finden Sie die Kategorien, zwischen denen Sie wählen können, ' +
    'den Zweck jeder Kategorie und die Cookies, die sie verwendet.',
  declAlwaysOn: 'immer aktiv',
  declOn: 'ein',
  declOff: 'aus',
  declCookies: 'Cookies',
  declName: 'Name',
  declCategory: 'Kategorie',
  declPurpose: 'Zweck',
  declNoCookies: 'Diese Kategorie setzt keine eigenen Cookies.',
  declConsentCookie:
    'Speichert Ihre Entscheidung zum Datenschutz für {days} Tage: eine zufällige Einwilligungs-ID, ' +
    'den Zeitpunkt der Entscheidung und die Kategorien, die Sie erlaubt haben. Nichts, was Sie identifiziert.',
  declReplayText:
    'Wenn Sie „{category}“ erlauben, wird eine Aufzeichnung Ihres Besuchs ' +
    '(Klicks, Scrollen, Seitenwechsel) erstellt, damit wir Fehler beheben können. ' +
    'Sämtlicher Text und alles, was Sie eingeben, werden maskiert; Bilder, Videos, Audioinhalte, ' +
    'Zeichnungen (Canvas und SVG) und eingebettete Inhalte (iframes) werden blockiert.',
  declErrorBuffer:
    'Mit derselben Erlaubnis wird die jeweils letzte Minute Ihres Besuchs in Ihrem Browser gespeichert ' +
    'und nur dann übermittelt, wenn ein Fehler auftritt. ' +
    'Ohne diese Erlaubnis wird nichts aufgezeichnet, auch dann nicht, wenn ein Fehler auftritt.',
  declChoiceNone: 'Sie haben noch keine Entscheidung getroffen.',
  declChoice: 'Ihre aktuelle Entscheidung – ein: {on}; aus: {off}.',
  declChange: 'Entscheidung ändern',
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
