/** Dutch texts of the widget (a lazy chunk, fetched only for Dutch pages). */
import type { Strings } from '../strings.js';

export const strings: Strings = {
  regionLabel: 'Privacy',
  bannerTitle: 'Uw privacykeuze',
  bannerText:
    'We willen graag statistieken en een gemaskeerde sessie-opname gebruiken om deze website te verbeteren. ' +
    'Geen van beide is actief zonder uw toestemming, en u kunt uw keuze op elk moment wijzigen.',
  policyLink: 'Privacyverklaring',
  acceptAll: 'Alles accepteren',
  rejectAll: 'Alles weigeren',
  preferences: 'Voorkeuren',
  dialogTitle: 'Privacyvoorkeuren',
  dialogText:
    'Kies wat deze website mag gebruiken. ' +
    'Noodzakelijke cookies zorgen ervoor dat de website werkt en kunnen niet worden uitgeschakeld.',
  savePreferences: 'Voorkeuren opslaan',
  close: 'Sluiten',
  gpcLocked: 'Uitgeschakeld omdat uw browser een Global Privacy Control-signaal verstuurt.',
  saved: 'Uw privacykeuze is opgeslagen. Aan: {on}. Uit: {off}.',
  none: 'geen',
  embedBlocked: 'Deze inhoud van {source} is geblokkeerd totdat u ‘{category}’ toestaat.',
  embedAllow: '‘{category}’ toestaan',
  categories: {
    necessary: {
      label: 'Noodzakelijk',
      description: 'Zorgt ervoor dat de website werkt en onthoudt deze keuze. Altijd aan.',
    },
    analytics: {
      label: 'Statistieken',
      description: 'Telt bezoeken en pagina’s zonder u te identificeren, zodat we weten wat we kunnen verbeteren.',
    },
    replay: {
      label: 'Sessie-opname',
      description:
        'Legt klikken en paginawisselingen vast, zodat we fouten kunnen oplossen. ' +
        'Alle tekst wordt gemaskeerd en alle afbeeldingen en media worden geblokkeerd.',
    },
  },
};
