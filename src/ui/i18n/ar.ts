/** Arabic texts of the widget (a lazy chunk, fetched only for Arabic pages). */
import type { Strings } from '../strings.js';

export const strings: Strings = {
  regionLabel: 'الخصوصية',
  bannerTitle: 'اختيارك بشأن الخصوصية',
  bannerText:
    'نودّ استخدام التحليلات وتسجيل الجلسات مع إخفاء محتواها لتحسين هذا الموقع. ' +
    'لا يعمل أيٌّ منهما إلا بإذن منك، ويمكنك تغيير اختيارك في أي وقت.',
  policyLink: 'سياسة الخصوصية',
  acceptAll: 'قبول الكل',
  rejectAll: 'رفض الكل',
  preferences: 'التفضيلات',
  dialogTitle: 'تفضيلات الخصوصية',
  dialogText:
    'يمكنك تحديد ما يُسمح لهذا الموقع باستخدامه. ' +
    'تضمن ملفات تعريف الارتباط الضرورية عمل الموقع، ولا يمكن إيقافها.',
  savePreferences: 'حفظ التفضيلات',
  close: 'إغلاق',
  gpcLocked: 'معطّل لأن متصفحك يرسل إشارة Global Privacy Control.',
  saved: 'تم حفظ اختيارك بشأن الخصوصية. مفعّلة: {on}. معطّلة: {off}.',
  none: 'لا شيء',
  embedBlocked: 'هذا المحتوى من {source} محجوب حتى تسمح بـ«{category}».',
  embedAllow: 'السماح بـ«{category}»',
  categories: {
    necessary: {
      label: 'ضرورية',
      description: 'تحافظ على عمل الموقع وتتذكر هذا الاختيار. مفعّلة دائمًا.',
    },
    analytics: {
      label: 'التحليلات',
      description: 'تُحصي الزيارات والصفحات دون التعرّف على هويتك، لنعرف ما يحتاج إلى تحسين.',
    },
    replay: {
      label: 'تسجيل الجلسات',
      description:
        'يسجّل النقرات والتنقل بين الصفحات لنتمكن من إصلاح الأخطاء. ' +
        'تُخفى جميع النصوص وتُحجب جميع الصور والوسائط.',
    },
  },
};
