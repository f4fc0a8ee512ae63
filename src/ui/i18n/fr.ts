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
