/** Portuguese texts of the widget (a lazy chunk, fetched only for Portuguese pages). */
import type { Strings } from '../strings.js';

export const strings: Strings = {
  regionLabel: 'Privacidade',
  bannerTitle: 'A sua escolha de privacidade',
  bannerText:
    'Gostaríamos de utilizar análise estatística e uma gravação de sessão mascarada para melhorar este site. ' +
    'Nenhuma das duas é ativada sem a sua autorização, e a escolha pode ser alterada a qualquer momento.',
  policyLink: 'Política de privacidade',
  acceptAll: 'Aceitar tudo',
  rejectAll: 'Rejeitar tudo',
  preferences: 'Preferências',
  dialogTitle: 'Preferências de privacidade',
  dialogText:
    'Escolha o que este site pode utilizar. ' +
    'Os cookies necessários garantem o funcionamento do site e não podem ser desativados.',
  savePreferences: 'Guardar preferências',
  close: 'Fechar',
  gpcLocked: 'Desativado porque o navegador envia um sinal Global Privacy Control.',
  saved: 'A sua escolha de privacidade foi guardada. Ativadas: {on}. Desativadas: {off}.',
  none: 'nenhuma',
  embedBlocked: 'Este conteúdo de {source} está bloqueado até que autorize «{category}».',
  embedAllow: 'Autorizar «{category}»',
  categories: {
    necessary: {
      label: 'Necessários',
      description: 'Garantem o funcionamento do site e memorizam esta escolha. Sempre ativos.',
    },
    analytics: {
      label: 'Estatísticas',
      description: 'Contam as visitas e as páginas vistas sem identificar o visitante, para sabermos o que melhorar.',
    },
    replay: {
      label: 'Gravação de sessão',
      description:
        'Grava os cliques e as mudanças de página para podermos corrigir erros. ' +
        'Todo o texto é mascarado e todas as imagens e conteúdos audiovisuais são bloqueados.',
    },
  },
};
