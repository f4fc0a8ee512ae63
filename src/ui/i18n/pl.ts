/** Polish texts of the widget (a lazy chunk, fetched only for Polish pages). */
import type { Strings } from '../strings.js';

export const strings: Strings = {
  regionLabel: 'Prywatność',
  bannerTitle: 'Wybór dotyczący prywatności',
  bannerText:
    'Chcielibyśmy korzystać z analityki oraz z nagrywania sesji z maskowaniem treści, aby ulepszać tę witrynę. ' +
    'Żadna z tych funkcji nie zostanie włączona bez wyrażenia zgody, a wybór można zmienić w dowolnym momencie.',
  policyLink: 'Polityka prywatności',
  acceptAll: 'Akceptuj wszystkie',
  rejectAll: 'Odrzuć wszystkie',
  preferences: 'Ustawienia',
  dialogTitle: 'Ustawienia prywatności',
  dialogText:
    'Poniżej można wskazać, z czego ta witryna może korzystać. ' +
    'Niezbędne pliki cookie zapewniają działanie witryny i nie można ich wyłączyć.',
  savePreferences: 'Zapisz ustawienia',
  close: 'Zamknij',
  gpcLocked: 'Wyłączone, ponieważ przeglądarka wysyła sygnał Global Privacy Control.',
  saved: 'Wybór dotyczący prywatności został zapisany. Włączone: {on}. Wyłączone: {off}.',
  none: 'brak',
  embedBlocked: 'Ta treść z {source} jest zablokowana do czasu wyrażenia zgody na „{category}”.',
  embedAllow: 'Zezwól na „{category}”',
  categories: {
    necessary: {
      label: 'Niezbędne',
      description: 'Zapewniają działanie witryny i zapamiętują ten wybór. Zawsze włączone.',
    },
    analytics: {
      label: 'Analityka',
      description:
        'Zlicza odwiedziny i wyświetlenia stron bez identyfikowania odwiedzających, ' +
        'dzięki czemu wiemy, co ulepszyć.',
    },
    replay: {
      label: 'Nagrywanie sesji',
      description:
        'Rejestruje kliknięcia i przejścia między stronami, abyśmy mogli naprawiać błędy. ' +
        'Cały tekst jest maskowany, a wszystkie obrazy i multimedia są blokowane.',
    },
  },
};
