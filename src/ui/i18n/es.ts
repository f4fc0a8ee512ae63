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
