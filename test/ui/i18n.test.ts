import { expect } from '@esm-bundle/chai';
import { TEXT_KEYS } from '../../src/consent/config.js';
import { BUILT_IN_LANGUAGES, chooseLanguage, ENGLISH, loadLocale, makeLocale, siteLanguages } from '../../src/ui/i18n.js';
import { withPageTexts } from '../../src/ui/strings-page.js';

describe('chooseLanguage', () => {
  // [configured, <html lang>, navigator.languages, site languages, expected]
  const cases: [string, string, string[], string[], string][] = [
    ['auto', 'de', ['fr-FR'], [], 'de'],
    ['auto', 'de-AT', ['fr-FR'], [], 'de'],
    ['auto', '', ['fr-FR', 'en'], [], 'fr'],
    ['auto', 'sv', ['pl', 'en'], [], 'pl'],
    ['auto', 'sv', ['fi'], [], 'en'],
    ['auto', '', [], [], 'en'],
    ['auto', 'pt-BR', [], [], 'pt'],
    ['auto', 'ar-EG', ['en'], [], 'ar'],
    ['auto', 'sv-SE', ['en'], ['sv'], 'sv'],
    ['auto', 'en-GB', [], ['en-gb'], 'en-gb'],
    ['it', 'de', ['fr'], [], 'it'],
    ['nl-be', 'de', ['fr'], [], 'nl'],
    ['sv', 'de', ['fr'], [], 'de'],
    ['sv', '', ['fi', 'es'], [], 'es'],
    ['sv', 'de', [], ['sv'], 'sv'],
    ['auto', '  ', ['ES'], [], 'es'],
  ];
  for (const [configured, page, visitor, site, expected] of cases) {
    it(`${configured} / lang="${page}" / [${visitor.join(', ')}] / site [${site.join(', ')}] → ${expected}`, () => {
      expect(chooseLanguage(configured, page, visitor, site)).to.equal(expected);
    });
  }
});

describe('siteLanguages', () => {
  it('offers variants of built-in languages with any texts, other languages only with every text', () => {
    const complete = Object.fromEntries(TEXT_KEYS.map((key) => [key, `sv ${key}`]));
    const problems: string[] = [];
    const languages = siteLanguages(
      { 'en-gb': { acceptAll: 'Accept all cookies' }, sv: complete, fi: { acceptAll: 'Hyväksy' }, 'sv-fi': { rejectAll: 'Nej' } },
      (message) => problems.push(message),
    );
    expect(languages).to.deep.equal(['en-gb', 'sv', 'sv-fi']);
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include('"strings.fi"').and.include('rejectAll');
  });
});

describe('built-in translations', () => {
  for (const language of BUILT_IN_LANGUAGES) {
    it(`${language}: every text present, placeholders kept, Global Privacy Control named`, async () => {
      const errors: string[] = [];
      const locale = await loadLocale(language, {}, (message) => errors.push(message));
      expect(errors).to.deep.equal([]);
      expect(locale.language).to.equal(language);
      expect(locale.direction).to.equal(language === 'ar' ? 'rtl' : 'ltr');
      const texts = withPageTexts(locale);
      for (const key of TEXT_KEYS) {
        expect(texts[key], key).to.be.a('string').and.match(/\S/);
        expect(texts[key], key).to.not.match(/[<>]/);
      }
      if (language !== 'en') {
        // A built-in translation carries every text itself, page texts included.
        expect(TEXT_KEYS.filter((key) => !locale.strings[key]), 'texts left to English').to.deep.equal([]);
      }
      expect(locale.strings.saved).to.include('{on}').and.include('{off}');
      expect(locale.strings.gpcLocked).to.include('Global Privacy Control');
      for (const category of ['necessary', 'analytics', 'replay']) {
        expect(locale.strings.categories[category]?.label, category).to.match(/\S/);
        expect(locale.strings.categories[category]?.description, category).to.match(/\S/);
      }
      if (language !== 'en') {
        // Really translated, not English left behind (loanwords aside: "Privacy", "Cookies", "Name").
        const loanwords: Record<string, string[]> = {
          de: ['declCookies', 'declName'],
          fr: ['declCookies'],
          es: ['declCookies'],
          it: ['regionLabel'],
          nl: ['regionLabel', 'declCookies'],
          pt: ['declCookies'],
        };
        const english = withPageTexts(ENGLISH);
        const same = TEXT_KEYS.filter((key) => texts[key] === english[key] && !loanwords[language]?.includes(key));
        expect(same, `${language} texts identical to English`).to.deep.equal([]);
      }
    });
  }

  it('lays site texts over the built-in ones: primary language first, then the exact tag', async () => {
    const locale = await loadLocale('de-at', { de: { acceptAll: 'Ja, alle', rejectAll: 'Nein' }, 'de-at': { rejectAll: 'Na' } }, () => {});
    expect(locale.strings.acceptAll).to.equal('Ja, alle');
    expect(locale.strings.rejectAll).to.equal('Na');
    expect(locale.strings.dialogTitle).to.equal('Datenschutzeinstellungen');
  });

  it('needs no chunk for English or a language only the site gives; a built-in language without its chunk shows English', () => {
    expect(makeLocale('en', null, {}).strings.acceptAll).to.equal('Accept all');
    expect(makeLocale('sv', null, { sv: { acceptAll: 'Godkänn alla' } })).to.deep.include({ language: 'sv' });
    expect(makeLocale('sv', null, { sv: { acceptAll: 'Godkänn alla' } }).strings).to.include({ acceptAll: 'Godkänn alla', rejectAll: 'Reject all' });
    expect(makeLocale('fr', null, { fr: { acceptAll: 'Tout accepter' } })).to.deep.include({ language: 'en', direction: 'ltr' });
    expect(makeLocale('ar', null, {}).strings.acceptAll, 'the Arabic chunk did not arrive').to.equal('Accept all');
  });
});
