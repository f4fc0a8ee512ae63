import { expect } from '@esm-bundle/chai';
import { CONSENT_MODE_ALL_DENIED } from '../../src/consent/config-base.js';
import { defaultConfig, parseConfig } from '../../src/consent/config.js';

type ResolvedConfig = ReturnType<typeof parseConfig>;
/** What parseConfig() gives without config: the defaults and no optional section. */
const defaults = (): ResolvedConfig => ({ ...defaultConfig(), sentry: null, consentLog: null, analytics: null });

/** Parses `raw` and returns the config with every problem reported. */
function parse(raw: unknown): { config: ResolvedConfig; problems: string[] } {
  const problems: string[] = [];
  const config = parseConfig(raw, (message) => problems.push(message));
  return { config, problems };
}

const categoryNames = (config: ResolvedConfig) => config.categories.map((category) => category.name);

describe('parseConfig', () => {
  it('runs with the defaults when there is no config at all', () => {
    for (const raw of [undefined, null]) {
      const { config, problems } = parse(raw);
      expect(problems).to.deep.equal([]);
      expect(config).to.deep.equal(defaults());
      expect(categoryNames(config)).to.deep.equal(['necessary', 'analytics', 'replay']);
      expect(config.cookie).to.deep.equal({ name: 'consent_gate', domain: null, path: '/', maxAgeDays: 182, sameSite: 'Lax' });
      expect(config.sentry).to.equal(null);
    }
  });

  it('takes a key given as undefined as absent, at every level (a typed config allows it: `domain: process.env.X`)', () => {
    const { config, problems } = parse({
      revision: undefined,
      policyUrl: undefined,
      language: undefined,
      placement: undefined,
      theme: undefined,
      googleConsentMode: undefined,
      consentLog: undefined,
      categories: { analytics: { label: undefined, description: undefined, cookies: undefined, gpc: undefined } },
      cookie: { name: undefined, domain: undefined, path: undefined, maxAgeDays: undefined, sameSite: undefined },
      sentry: { dsn: 'https://key@o1.ingest.sentry.io/1', replayCategory: undefined, replaysSessionSampleRate: undefined, mask: undefined, keepUrlQuery: undefined },
      analytics: { domain: undefined, endpoint: undefined, category: undefined },
      strings: { de: { acceptAll: 'Alle erlauben', rejectAll: undefined } },
    });
    expect(problems).to.deep.equal([]);
    expect(config.analytics, 'analytics on, with its defaults').to.deep.equal({ endpoint: 'https://plausible.io/api/event', domain: null, category: 'analytics' });
    expect(config.strings).to.deep.equal({ de: { acceptAll: 'Alle erlauben' } });
    expect(config.cookie).to.deep.equal(defaultConfig().cookie);
    expect(config.sentry?.replayCategory).to.equal('replay');
    expect(categoryNames(config)).to.deep.equal(['necessary', 'analytics', 'replay']);
  });

  it('reports a config that is not an object and uses every default', () => {
    for (const raw of ['{}', 42, true, [], [{ revision: 2 }]]) {
      const { config, problems } = parse(raw);
      expect(problems, JSON.stringify(raw)).to.have.length(1);
      expect(problems[0]).to.match(/^config must be an object/);
      expect(config).to.deep.equal(defaults());
    }
  });

  describe('accepts every valid key', () => {
    const valid: [string, unknown, (config: ResolvedConfig) => unknown, unknown][] = [
      ['revision', 3, (c) => c.revision, 3],
      ['policyUrl relative', '/privacy', (c) => c.policyUrl, '/privacy'],
      ['policyUrl https', 'https://example.com/privacy#cookies', (c) => c.policyUrl, 'https://example.com/privacy#cookies'],
      ['language auto', 'auto', (c) => c.language, 'auto'],
      ['language tag', 'de-AT', (c) => c.language, 'de-at'],
      ['cookie.name', { name: 'my_consent' }, (c) => c.cookie.name, 'my_consent'],
      ['cookie.domain', { domain: 'Example.com' }, (c) => c.cookie.domain, 'example.com'],
      ['cookie.path', { path: '/app' }, (c) => c.cookie.path, '/app'],
      ['cookie.maxAgeDays', { maxAgeDays: 30 }, (c) => c.cookie.maxAgeDays, 30],
      ['cookie.sameSite', { sameSite: 'Strict' }, (c) => c.cookie.sameSite, 'Strict'],
      ['consentLog', { url: '/api/consent' }, (c) => c.consentLog, { url: '/api/consent' }],
      ['placement corner', 'corner', (c) => c.placement, 'corner'],
      ['placement center', 'center', (c) => c.placement, 'center'],
      ['theme dark', 'dark', (c) => c.theme, 'dark'],
      ['theme light', 'light', (c) => c.theme, 'light'],
      ['strings by language', { en: { acceptAll: 'Allow all' }, 'DE-at': { rejectAll: 'Ablehnen' } }, (c) => c.strings, {
        en: { acceptAll: 'Allow all' },
        'de-at': { rejectAll: 'Ablehnen' },
      }],
      ['strings HTML kept as text', { en: { bannerTitle: '<b>Hi</b>' } }, (c) => c.strings.en?.bannerTitle, '<b>Hi</b>'],
      // Without a DSN there is no client of ours; the section sets replay up on the page's own SDK.
      ['sentry without a dsn', { replayCategory: 'analytics', mask: ['.secret'] }, (c) => [c.sentry?.dsn, c.sentry?.replayCategory, c.sentry?.mask], [
        null,
        'analytics',
        ['.secret'],
      ]],
    ];
    const keyOf = (name: string) => name.split(/[ .]/)[0]!;
    for (const [name, value, read, expected] of valid) {
      it(name, () => {
        const { config, problems } = parse({ [keyOf(name)]: value });
        expect(problems).to.deep.equal([]);
        expect(read(config)).to.deep.equal(expected);
      });
    }

    it('categories: merges site categories over the defaults, necessary first', () => {
      const { config, problems } = parse({
        categories: {
          analytics: { label: 'Statistics', description: { en: 'Counts visits', de: 'Zählt Besuche' }, cookies: ['_ga', '/^_pk_/'] },
          marketing: { label: 'Marketing', gpc: true },
          replay: false,
        },
      });
      expect(problems).to.deep.equal([]);
      expect(categoryNames(config)).to.deep.equal(['necessary', 'analytics', 'marketing']);
      const analytics = config.categories[1]!;
      expect(analytics.label).to.equal('Statistics');
      expect(analytics.description).to.deep.equal({ en: 'Counts visits', de: 'Zählt Besuche' });
      expect(analytics.cookies[0]).to.equal('_ga');
      expect((analytics.cookies[1] as RegExp).test('_pk_id.1')).to.equal(true);
      expect(config.categories[2]!.gpc).to.equal(true);
      expect(config.categories[0]!.required).to.equal(true);
    });

    it('sentry: keeps every option', () => {
      const sentry = {
        dsn: 'https://abc123@o1.ingest.sentry.io/42',
        replayCategory: 'analytics',
        replaysSessionSampleRate: 0,
        replaysOnErrorSampleRate: 0.5,
        environment: 'staging',
        release: 'web@1.2.3',
        tunnel: '/sentry-tunnel',
        mask: ['.account-name'],
        block: ['#chart'],
        keepUrlQuery: true,
      };
      const { config, problems } = parse({ sentry });
      expect(problems).to.deep.equal([]);
      expect(config.sentry).to.deep.equal(sentry);
    });

    it('sentry: fills in the documented defaults', () => {
      const { config } = parse({ sentry: { dsn: 'http://public@127.0.0.1:8000/1' } });
      expect(config.sentry).to.deep.equal({
        dsn: 'http://public@127.0.0.1:8000/1',
        replayCategory: 'replay',
        replaysSessionSampleRate: 0.1,
        replaysOnErrorSampleRate: 1,
        mask: [],
        block: [],
        keepUrlQuery: false,
      });
    });

    it('googleConsentMode: maps configured categories to consent types', () => {
      const { config, problems } = parse({
        categories: { marketing: { label: 'Marketing' } },
        googleConsentMode: { analytics: ['analytics_storage'], marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'] },
      });
      expect(problems).to.deep.equal([]);
      expect(config.googleConsentMode).to.deep.equal({
        analytics: ['analytics_storage'],
        marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
      });
    });
  });

  describe('reports a bad key once, by name, and uses its default', () => {
    // [raw config, key the message must name, what the default looks like]
    const invalid: [unknown, string, (config: ResolvedConfig) => unknown, unknown][] = [
      [{ revision: 0 }, 'revision', (c) => c.revision, 1],
      [{ revision: 1.5 }, 'revision', (c) => c.revision, 1],
      [{ revision: '2' }, 'revision', (c) => c.revision, 1],
      [{ policyUrl: 'javascript:alert(1)' }, 'policyUrl', (c) => c.policyUrl, null],
      [{ policyUrl: 'JaVaScRiPt:alert(1)' }, 'policyUrl', (c) => c.policyUrl, null],
      [{ policyUrl: 'java\tscript:alert(1)' }, 'policyUrl', (c) => c.policyUrl, null],
      [{ policyUrl: 'data:text/html,<script>alert(1)</script>' }, 'policyUrl', (c) => c.policyUrl, null],
      [{ policyUrl: '//evil.example/privacy' }, 'policyUrl', (c) => c.policyUrl, null],
      [{ policyUrl: '\\\\evil.example/privacy' }, 'policyUrl', (c) => c.policyUrl, null],
      [{ policyUrl: 'https://user:pass@example.com/' }, 'policyUrl', (c) => c.policyUrl, null],
      [{ policyUrl: 42 }, 'policyUrl', (c) => c.policyUrl, null],
      [{ language: 'english please' }, 'language', (c) => c.language, 'auto'],
      [{ language: ['de'] }, 'language', (c) => c.language, 'auto'],
      [{ categories: [] }, 'categories', categoryNames, ['necessary', 'analytics', 'replay']],
      [{ categories: { 'Bad Name': {} } }, 'categories.Bad Name', categoryNames, ['necessary', 'analytics', 'replay']],
      [{ categories: { necessary: false } }, 'categories.necessary', categoryNames, ['necessary', 'analytics', 'replay']],
      [{ categories: { analytics: 'yes' } }, 'categories.analytics', categoryNames, ['necessary', 'analytics', 'replay']],
      [{ categories: { analytics: { label: 7 } } }, 'categories.analytics.label', categoryNames, ['necessary', 'analytics', 'replay']],
      [{ categories: { analytics: { label: { xx_1: 'a' } } } }, 'categories.analytics.label.xx_1', categoryNames, ['necessary', 'analytics', 'replay']],
      [{ categories: { analytics: { cookies: '_ga' } } }, 'categories.analytics.cookies', categoryNames, ['necessary', 'analytics', 'replay']],
      [{ categories: { analytics: { cookies: ['/[/'] } } }, 'categories.analytics.cookies[0]', categoryNames, ['necessary', 'analytics', 'replay']],
      [{ categories: { analytics: { gpc: 'true' } } }, 'categories.analytics.gpc', categoryNames, ['necessary', 'analytics', 'replay']],
      [{ categories: { analytics: { colour: 'red' } } }, 'categories.analytics.colour', categoryNames, ['necessary', 'analytics', 'replay']],
      [{ categories: { necessary: { gpc: true } } }, 'categories.necessary.gpc', categoryNames, ['necessary', 'analytics', 'replay']],
      [
        { categories: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`c${i}`, {}])) },
        'categories',
        categoryNames,
        ['necessary', 'analytics', 'replay'],
      ],
      [{ cookie: 'consent' }, 'cookie', (c) => c.cookie.name, 'consent_gate'],
      [{ cookie: { name: 'a;b' } }, 'cookie.name', (c) => c.cookie.name, 'consent_gate'],
      [{ cookie: { domain: 'exa mple.com' } }, 'cookie.domain', (c) => c.cookie.domain, null],
      [{ cookie: { path: 'app' } }, 'cookie.path', (c) => c.cookie.path, '/'],
      [{ cookie: { maxAgeDays: -1 } }, 'cookie.maxAgeDays', (c) => c.cookie.maxAgeDays, 182],
      [{ cookie: { maxAgeDays: 1000 } }, 'cookie.maxAgeDays', (c) => c.cookie.maxAgeDays, 182],
      [{ cookie: { maxAgeDays: Number.NaN } }, 'cookie.maxAgeDays', (c) => c.cookie.maxAgeDays, 182],
      [{ cookie: { sameSite: 'lax' } }, 'cookie.sameSite', (c) => c.cookie.sameSite, 'Lax'],
      [{ cookie: { secure: false } }, 'cookie.secure', (c) => c.cookie, defaultConfig().cookie],
      [{ sentry: 'https://key@host/1' }, 'sentry', (c) => c.sentry, null],
      [{ sentry: { dsn: 'not a dsn' } }, 'sentry.dsn', (c) => c.sentry, null],
      [{ sentry: { dsn: 'javascript://key@host/1' } }, 'sentry.dsn', (c) => c.sentry, null],
      [{ sentry: { dsn: '' } }, 'sentry.dsn', (c) => c.sentry, null],
      [{ sentry: { replayCategory: 'necessary' } }, 'sentry.replayCategory', (c) => [c.sentry?.dsn, c.sentry?.replayCategory], [null, 'replay']],
      [{ sentry: { replaysSessionSampleRate: 0.5 } }, 'sentry.replaysSessionSampleRate', (c) => [c.sentry?.dsn, c.sentry?.replaysSessionSampleRate], [null, 0.1]],
      [{ sentry: { dsn: 'https://k@h.io/1', replayCategory: 'marketing' } }, 'sentry.replayCategory', (c) => c.sentry?.replayCategory, 'replay'],
      [{ sentry: { dsn: 'https://k@h.io/1', replayCategory: 'necessary' } }, 'sentry.replayCategory', (c) => c.sentry?.replayCategory, 'replay'],
      [{ sentry: { dsn: 'https://k@h.io/1', replaysSessionSampleRate: 2 } }, 'sentry.replaysSessionSampleRate', (c) => c.sentry?.replaysSessionSampleRate, 0.1],
      [{ sentry: { dsn: 'https://k@h.io/1', replaysOnErrorSampleRate: '1' } }, 'sentry.replaysOnErrorSampleRate', (c) => c.sentry?.replaysOnErrorSampleRate, 1],
      [{ sentry: { dsn: 'https://k@h.io/1', environment: 3 } }, 'sentry.environment', (c) => c.sentry?.environment, undefined],
      [{ sentry: { dsn: 'https://k@h.io/1', tunnel: 'javascript:x' } }, 'sentry.tunnel', (c) => c.sentry?.tunnel, undefined],
      [{ sentry: { dsn: 'https://k@h.io/1', unmask: ['*'] } }, 'sentry.unmask', (c) => (c.sentry as unknown as Record<string, unknown>)?.unmask, undefined],
      [{ sentry: { dsn: 'https://k@h.io/1', mask: '.x' } }, 'sentry.mask', (c) => c.sentry?.mask, []],
      [{ sentry: { dsn: 'https://k@h.io/1', block: [''] } }, 'sentry.block', (c) => c.sentry?.block, []],
      [{ sentry: { dsn: 'https://k@h.io/1', keepUrlQuery: 1 } }, 'sentry.keepUrlQuery', (c) => c.sentry?.keepUrlQuery, false],
      [{ googleConsentMode: { marketing: ['ad_storage'] } }, 'googleConsentMode.marketing', (c) => c.googleConsentMode, CONSENT_MODE_ALL_DENIED],
      [{ googleConsentMode: { analytics: ['analytics'] } }, 'googleConsentMode.analytics', (c) => c.googleConsentMode, CONSENT_MODE_ALL_DENIED],
      [{ googleConsentMode: ['analytics_storage'] }, 'googleConsentMode', (c) => c.googleConsentMode, CONSENT_MODE_ALL_DENIED],
      [{ consentLog: { url: 'javascript:void 0' } }, 'consentLog.url', (c) => c.consentLog, null],
      [{ consentLog: '/api/consent' }, 'consentLog', (c) => c.consentLog, null],
      [{ colour: 'red' }, 'colour', (c) => c, defaults()],
      [{ placement: 'left' }, 'placement', (c) => c.placement, 'bottom'],
      [{ placement: 'top' }, 'placement', (c) => c.placement, 'bottom'],
      [{ placement: ['top'] }, 'placement', (c) => c.placement, 'bottom'],
      [{ theme: 'Dark' }, 'theme', (c) => c.theme, 'auto'],
      [{ theme: null }, 'theme', (c) => c.theme, 'auto'],
      [{ strings: 'de' }, 'strings', (c) => c.strings, {}],
      [{ strings: { german: { acceptAll: 'Ja' } } }, 'strings.german', (c) => c.strings, {}],
      [{ strings: { de: ['Ja'] } }, 'strings.de', (c) => c.strings, {}],
      [{ strings: { de: { accept: 'Ja' } } }, 'strings.de.accept', (c) => c.strings, {}],
      [{ strings: { de: { acceptAll: 1 } } }, 'strings.de.acceptAll', (c) => c.strings, {}],
      [{ strings: { de: { acceptAll: '  ' } } }, 'strings.de.acceptAll', (c) => c.strings, {}],
      [{ strings: { de: { acceptAll: 'x'.repeat(2001) } } }, 'strings.de.acceptAll', (c) => c.strings, {}],
      [JSON.parse('{"strings":{"de":{"__proto__":"x"}}}'), 'strings.de.__proto__', (c) => c.strings, {}],
      [JSON.parse('{"strings":{"__proto__":{"acceptAll":"x"}}}'), 'strings.__proto__', (c) => c.strings, {}],
    ];
    for (const [raw, key, read, expected] of invalid) {
      it(`${JSON.stringify(raw)} → "${key}"`, () => {
        const { config, problems } = parse(raw);
        expect(problems, problems.join('\n')).to.have.length(1);
        expect(problems[0]).to.include(`"${key}"`);
        expect(read(config)).to.deep.equal(expected);
      });
    }
  });

  it('keeps the good keys when another key is bad', () => {
    const { config, problems } = parse({ revision: 4, cookie: { name: 'site_consent', maxAgeDays: 'long' }, policyUrl: 'data:x' });
    expect(problems).to.have.length(2);
    expect(config.revision).to.equal(4);
    expect(config.cookie.name).to.equal('site_consent');
    expect(config.cookie.maxAgeDays).to.equal(182);
    expect(config.policyUrl).to.equal(null);
  });

  it('ignores inherited and prototype-polluting keys', () => {
    const raw = JSON.parse('{"__proto__": {"revision": 9}, "cookie": {"__proto__": {"name": "x"}}}');
    const { config } = parse(raw);
    expect(config.revision).to.equal(1);
    expect(config.cookie.name).to.equal('consent_gate');
    expect(({} as Record<string, unknown>).revision).to.equal(undefined);
  });
});
