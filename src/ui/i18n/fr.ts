/** French texts of the widget (a lazy chunk, fetched only for French pages). */
import type { Strings } from '../strings.js';

export const strings: Strings = {
  regionLabel: 'Confidentialité',
  bannerTitle: 'Votre choix en matière de confidentialité',
  bannerText:
    'Nous aimerions utiliser la mesure d’audience et un enregistrement de session masqué pour améliorer ce site. ' +
    'Aucun des deux n’est activé sans votre accord, et vous pouvez modifier votre choix à tout moment.',
  policyLink: 'Politique de confidentialité',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  preferences: 'Préférences',
  dialogTitle: 'Préférences de confidentialité',
  dialogText:
    'Choisissez ce que ce site peut utiliser. ' +
    'Les cookies nécessaires assurent le bon fonctionnement du site et ne peuvent pas être désactivés.',
  savePreferences: 'Enregistrer les préférences',
  close: 'Fermer',
  gpcLocked: 'Désactivé, car votre navigateur envoie un signal Global Privacy Control.',
  saved: 'Votre choix en matière de confidentialité est enregistré. Activées : {on}. Désactivées : {off}.',
  none: 'aucune',
  embedBlocked: 'Ce contenu de {source} est bloqué tant que vous n’avez pas autorisé « {category} ».',
  embedAllow: 'Autoriser « {category} »',
  declTitle: 'Cookies et vos choix en matière de confidentialité',
  declIntro:
    'Ce site vous demande votre accord avant d’utiliser tout ce qui n’est pas nécessaire. ' +
    'Vous trouverez ci-dessous les catégories parmi lesquelles vous pouvez choisir, ' +
    'la finalité de chacune et les cookies qu’elle utilise.',
  declAlwaysOn: 'toujours activés',
  declOn: 'activé',
  declOff: 'désactivé',
  declCookies: 'Cookies',
  declName: 'Nom',
  declCategory: 'Catégorie',
  declPurpose: 'Finalité',
  declNoCookies: 'Cette catégorie ne dépose aucun cookie qui lui soit propre.',
  declConsentCookie:
    'Mémorise votre choix en matière de confidentialité pendant {days} jours : un identifiant de consentement ' +
    'aléatoire, la date et l’heure du choix et les catégories que vous avez autorisées. ' +
    'Rien qui permette de vous identifier.',
  declReplayText:
    'Si vous autorisez « {category} », votre visite (clics, défilement, changements de page) est enregistrée ' +
    'de façon à pouvoir être rejouée, afin que nous puissions corriger les erreurs. ' +
    'Tout le texte et tout ce que vous saisissez sont masqués ; les images, vidéos, contenus audio, ' +
    'dessins (canvas et SVG) et contenus intégrés (iframes) sont bloqués.',
  declErrorBuffer:
    'Avec la même autorisation, la dernière minute de votre visite est conservée dans votre navigateur ' +
    'et n’est envoyée qu’en cas d’erreur. Sans cette autorisation, rien n’est enregistré, pas même en cas d’erreur.',
  declChoiceNone: 'Vous n’avez pas encore fait de choix.',
  declChoice: 'Votre choix actuel : activées : {on} ; désactivées : {off}.',
  declChange: 'Modifier votre choix',
  categories: {
    necessary: {
      label: 'Nécessaires',
      description: 'Assurent le fonctionnement du site et mémorisent ce choix. Toujours activés.',
    },
    analytics: {
      label: 'Mesure d’audience',
      description:
        'Compte les visites et les pages consultées sans vous identifier, afin que nous sachions quoi améliorer.',
    },
    replay: {
      label: 'Enregistrement de session',
      description:
        'Enregistre les clics et les changements de page pour nous permettre de corriger les erreurs. ' +
        'Tout le texte est masqué, et toutes les images et tous les médias sont bloqués.',
    },
  },
};
