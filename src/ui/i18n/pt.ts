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
  declTitle: 'Cookies e as suas escolhas de privacidade',
  declIntro:
    'Este site pede autorização antes de utilizar qualquer elemento que não seja necessário. ' +
    'Abaixo encontram-se as categorias entre as quais pode escolher, a finalidade de cada uma ' +
    'e os cookies que utiliza.',
  declAlwaysOn: 'sempre ativos',
  declOn: 'ativado',
  declOff: 'desativado',
  declCookies: 'Cookies',
  declName: 'Nome',
  declCategory: 'Categoria',
  declPurpose: 'Finalidade',
  declNoCookies: 'Esta categoria não instala cookies.',
  declConsentCookie:
    'Memoriza a sua escolha de privacidade durante {days} dias: um identificador de consentimento aleatório, ' +
    'a data e a hora da escolha e as categorias autorizadas. Nada que permita identificar o visitante.',
  declReplayText:
    'Se autorizar «{category}», é gravada uma reprodução da sua visita (cliques, deslocamento, mudanças de página) ' +
    'para podermos corrigir erros. Todo o texto e tudo o que escrever são mascarados; ' +
    'as imagens, os vídeos, o áudio, os desenhos (canvas e SVG) e os conteúdos incorporados (iframes) são bloqueados.',
  declErrorBuffer:
    'Com a mesma autorização, o último minuto da sua visita é guardado no navegador e só é enviado ' +
    'se ocorrer um erro. Sem essa autorização, nada é gravado, nem mesmo quando ocorre um erro.',
  declChoiceNone: 'Ainda não fez nenhuma escolha.',
  declChoice: 'A sua escolha atual: ativadas: {on}; desativadas: {off}.',
  declChange: 'Alterar a escolha',
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
