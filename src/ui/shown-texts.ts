/**
 * The texts the widget shows, in the structure the consent record hashes:
 * banner and dialog as rendered for `locale`, every category with its label
 * and description, and the policy link. Built from the same values the
 * templates render, so the hash changes exactly when the wording does.
 */
import type { ShownTexts } from '../consent/record.js';
import type { ResolvedConfig } from '../consent/types.js';
import { categoryTexts, type Locale } from './i18n.js';

/** `lockedByGpc`: the categories the dialog shows as locked by Global Privacy Control (with its note). */
export function shownTexts(config: ResolvedConfig, locale: Locale, lockedByGpc: (category: string) => boolean = () => false): ShownTexts {
  const { strings, language } = locale;
  return {
    language,
    policyUrl: config.policyUrl,
    banner: {
      region: strings.regionLabel,
      title: strings.bannerTitle,
      text: strings.bannerText,
      policyLink: config.policyUrl ? strings.policyLink : null,
      buttons: [strings.acceptAll, strings.rejectAll, strings.preferences],
    },
    dialog: {
      title: strings.dialogTitle,
      text: strings.dialogText,
      categories: config.categories.map((category) => ({
        name: category.name,
        ...categoryTexts(category, locale),
        alwaysOn: category.required,
        note: lockedByGpc(category.name) ? strings.gpcLocked : undefined,
      })),
      buttons: [strings.close, strings.savePreferences, strings.acceptAll, strings.rejectAll],
    },
  };
}
