/** Spanish texts of the widget (a lazy chunk, fetched only for Spanish pages). */
import type { Strings } from '../strings.js';

export const strings: Strings = {
  regionLabel: 'Privacidad',
  bannerTitle: 'Su decisión sobre privacidad',
  bannerText:
    'Nos gustaría utilizar analítica web y una grabación de sesiones enmascarada para mejorar este sitio. ' +
    'Ninguna de las dos se activa sin su permiso, y puede cambiar su decisión en cualquier momento.',
  policyLink: 'Política de privacidad',
  acceptAll: 'Aceptar todo',
  rejectAll: 'Rechazar todo',
  preferences: 'Preferencias',
  dialogTitle: 'Preferencias de privacidad',
  dialogText:
    'Elija qué puede utilizar este sitio. ' +
    'Las cookies necesarias permiten que el sitio funcione y no se pueden desactivar.',
  savePreferences: 'Guardar preferencias',
  close: 'Cerrar',
  gpcLocked: 'Desactivado porque su navegador envía una señal de Global Privacy Control.',
  saved: 'Su decisión sobre privacidad se ha guardado. Activadas: {on}. Desactivadas: {off}.',
  none: 'ninguna',
  embedBlocked: 'Este contenido de {source} está bloqueado hasta que permita «{category}».',
  embedAllow: 'Permitir «{category}»',
  declTitle: 'Cookies y sus decisiones sobre privacidad',
  declIntro:
    'Este sitio le pide permiso antes de utilizar cualquier elemento que no sea necesario. ' +
    'A continuación se indican las categorías entre las que puede elegir, la finalidad de cada una ' +
    'y las cookies que utiliza.',
  declAlwaysOn: 'siempre activas',
  declOn: 'activada',
  declOff: 'desactivada',
  declCookies: 'Cookies',
  declName: 'Nombre',
  declCategory: 'Categoría',
  declPurpose: 'Finalidad',
  declNoCookies: 'Esta categoría no instala cookies.',
  declConsentCookie:
    'Recuerda su decisión sobre privacidad durante {days} días: un identificador de consentimiento aleatorio, ' +
    'la fecha y hora de la decisión y las categorías que usted ha permitido. Nada que permita identificarle.',
  declReplayText:
    'Si permite «{category}», se graba una reproducción de su visita (clics, desplazamiento, cambios de página) ' +
    'para que podamos corregir errores. Todo el texto y todo lo que usted escriba se enmascaran; ' +
    'las imágenes, los vídeos, el audio, los dibujos (canvas y SVG) y el contenido incrustado (iframes) se bloquean.',
  declErrorBuffer:
    'Con el mismo permiso, el último minuto de su visita se conserva en su navegador y solo se envía ' +
    'si se produce un error. Sin ese permiso no se graba nada, ni siquiera cuando se produce un error.',
  declChoiceNone: 'Todavía no ha tomado ninguna decisión.',
  declChoice: 'Su decisión actual: activadas: {on}; desactivadas: {off}.',
  declChange: 'Cambiar su decisión',
  categories: {
    necessary: {
      label: 'Necesarias',
      description: 'Hacen que el sitio funcione y recuerdan esta decisión. Siempre activas.',
    },
    analytics: {
      label: 'Analítica',
      description: 'Cuenta las visitas y las páginas vistas sin identificarle, para saber qué podemos mejorar.',
    },
    replay: {
      label: 'Grabación de sesiones',
      description:
        'Graba los clics y los cambios de página para que podamos corregir errores. ' +
        'Todo el texto se enmascara y todas las imágenes y contenidos multimedia se bloquean.',
    },
  },
};
