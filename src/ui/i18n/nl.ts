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
  declTitle: 'Cookies en uw privacykeuzes',
  declIntro:
    'Deze website vraagt om uw toestemming voordat er iets wordt gebruikt wat niet noodzakelijk is. ' +
    'Hieronder vindt u de categorieën waaruit u kunt kiezen, het doel van elke categorie ' +
    'en de cookies die daarbij worden gebruikt.',
  declAlwaysOn: 'altijd aan',
  declOn: 'aan',
  declOff: 'uit',
  declCookies: 'Cookies',
  declName: 'Naam',
  declCategory: 'Categorie',
  declPurpose: 'Doel',
  declNoCookies: 'Deze categorie plaatst zelf geen cookies.',
  declConsentCookie:
    'Onthoudt uw privacykeuze gedurende {days} dagen: een willekeurige toestemmings-ID, het tijdstip van de keuze ' +
    'en de categorieën die u hebt toegestaan. Niets waarmee u kunt worden geïdentificeerd.',
  declReplayText:
    'Als u ‘{category}’ toestaat, wordt er een opname van uw bezoek (klikken, scrollen, paginawisselingen) gemaakt, ' +
    'zodat we fouten kunnen oplossen. Alle tekst en alles wat u typt, wordt gemaskeerd; ' +
    'afbeeldingen, video, audio, tekeningen (canvas en SVG) en ingesloten inhoud (iframes) worden geblokkeerd.',
  declErrorBuffer:
    'Met dezelfde toestemming wordt de laatste minuut van uw bezoek in uw browser bewaard ' +
    'en alleen verstuurd als er een fout optreedt. ' +
    'Zonder deze toestemming wordt niets vastgelegd, ook niet als er een fout optreedt.',
  declChoiceNone: 'U hebt nog geen keuze gemaakt.',
  declChoice: 'Uw huidige keuze: aan: {on}; uit: {off}.',
  declChange: 'Uw keuze wijzigen',
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
