/** Italian texts of the widget (a lazy chunk, fetched only for Italian pages). */
import type { Strings } from '../strings.js';

export const strings: Strings = {
  regionLabel: 'Privacy',
  bannerTitle: 'Scelta sulla privacy',
  bannerText:
    'Vorremmo utilizzare strumenti di analisi statistica e una registrazione mascherata della sessione ' +
    'per migliorare questo sito. Nessuno dei due viene attivato senza consenso, ' +
    'e la scelta può essere modificata in qualsiasi momento.',
  policyLink: 'Informativa sulla privacy',
  acceptAll: 'Accetta tutto',
  rejectAll: 'Rifiuta tutto',
  preferences: 'Preferenze',
  dialogTitle: 'Preferenze sulla privacy',
  dialogText:
    'È possibile scegliere che cosa può utilizzare questo sito. ' +
    'I cookie necessari garantiscono il funzionamento del sito e non possono essere disattivati.',
  savePreferences: 'Salva le preferenze',
  close: 'Chiudi',
  gpcLocked: 'Disattivato perché il browser invia un segnale Global Privacy Control.',
  saved: 'La scelta sulla privacy è stata salvata. Attive: {on}. Disattivate: {off}.',
  none: 'nessuna',
  embedBlocked: 'Questo contenuto di {source} è bloccato finché non si consente «{category}».',
  embedAllow: 'Consenti «{category}»',
  declTitle: 'Cookie e scelte sulla privacy',
  declIntro:
    'Questo sito chiede il consenso prima di utilizzare qualsiasi elemento non necessario. ' +
    'Di seguito sono indicate le categorie tra cui è possibile scegliere, la finalità di ciascuna ' +
    'e i cookie che utilizza.',
  declAlwaysOn: 'sempre in uso',
  declOn: 'in uso',
  declOff: 'non in uso',
  declCookies: 'Cookie',
  declName: 'Nome',
  declCategory: 'Categoria',
  declPurpose: 'Finalità',
  declNoCookies: 'Questa categoria non installa cookie.',
  declConsentCookie:
    'Memorizza la scelta sulla privacy per {days} giorni: un identificativo casuale del consenso, ' +
    'la data e l’ora della scelta e le categorie consentite. Nessun dato che consenta l’identificazione.',
  declReplayText:
    'Se si consente «{category}», viene registrata una riproduzione della visita ' +
    '(clic, scorrimento, cambi di pagina) per consentirci di correggere gli errori. ' +
    'Tutto il testo e tutto ciò che viene digitato sono mascherati; immagini, video, audio, ' +
    'disegni (canvas e SVG) e contenuti incorporati (iframe) vengono bloccati.',
  declErrorBuffer:
    'Con lo stesso consenso, l’ultimo minuto della visita viene conservato nel browser e inviato solo ' +
    'se si verifica un errore. Senza consenso non viene registrato nulla, nemmeno quando si verifica un errore.',
  declChoiceNone: 'Non è ancora stata effettuata alcuna scelta.',
  declChoice: 'Scelta attuale: attive: {on}; disattivate: {off}.',
  declChange: 'Modifica la scelta',
  categories: {
    necessary: {
      label: 'Necessari',
      description: 'Garantiscono il funzionamento del sito e memorizzano questa scelta. Sempre attivi.',
    },
    analytics: {
      label: 'Statistiche',
      description:
        'Contano le visite e le pagine visualizzate senza identificare chi visita il sito, ' +
        'per capire che cosa migliorare.',
    },
    replay: {
      label: 'Registrazione della sessione',
      description:
        'Registra i clic e i cambi di pagina per consentirci di correggere gli errori. ' +
        'Tutto il testo viene mascherato e tutte le immagini e i contenuti multimediali vengono bloccati.',
    },
  },
};
