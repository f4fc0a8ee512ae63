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
