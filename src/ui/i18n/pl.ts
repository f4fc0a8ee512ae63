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
  declTitle: 'Pliki cookie i ustawienia prywatności',
  declIntro:
    'Przed użyciem czegokolwiek, co nie jest niezbędne, witryna prosi o zgodę. ' +
    'Poniżej przedstawiono kategorie, spośród których można wybierać, cel każdej z nich ' +
    'oraz używane przez nią pliki cookie.',
  declAlwaysOn: 'zawsze włączone',
  declOn: 'włączone',
  declOff: 'wyłączone',
  declCookies: 'Pliki cookie',
  declName: 'Nazwa',
  declCategory: 'Kategoria',
  declPurpose: 'Cel',
  declNoCookies: 'Ta kategoria nie zapisuje własnych plików cookie.',
  declConsentCookie:
    'Zapamiętuje wybór dotyczący prywatności przez {days} dni: losowy identyfikator zgody, czas dokonania wyboru ' +
    'oraz kategorie, na które wyrażono zgodę. Nie zawiera niczego, co pozwalałoby zidentyfikować użytkownika.',
  declReplayText:
    'Po wyrażeniu zgody na „{category}” nagrywany jest przebieg wizyty (kliknięcia, przewijanie, ' +
    'przejścia między stronami), abyśmy mogli naprawiać błędy. Cały tekst i wszystko, co zostanie wpisane, ' +
    'jest maskowane; obrazy, wideo, dźwięk, rysunki (canvas i SVG) oraz treści osadzone (ramki iframe) są blokowane.',
  declErrorBuffer:
    'Na podstawie tej samej zgody ostatnia minuta wizyty jest przechowywana w przeglądarce ' +
    'i wysyłana wyłącznie w razie wystąpienia błędu. Bez tej zgody nic nie jest nagrywane, nawet gdy wystąpi błąd.',
  declChoiceNone: 'Nie dokonano jeszcze wyboru.',
  declChoice: 'Obecny wybór: włączone: {on}; wyłączone: {off}.',
  declChange: 'Zmień wybór',
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
