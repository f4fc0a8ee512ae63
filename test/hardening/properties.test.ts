/**
 * Property-based tests (fast-check) over what the widget reads from outside:
 * cookie values and configs of any shape. Whatever comes in, nothing throws,
 * nothing opens that was not granted, and every problem is reported.
 */
import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { defaultConfig, parseConfig } from '../../src/consent/config.js';
import { decodeChoice, encodeChoice, memoryCookieJar, type StoredChoice } from '../../src/consent/cookie.js';
import { ConsentStore } from '../../src/consent/store.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const options = { now: NOW, maxAgeDays: 182 };

/** Strings that look like ours: the right number of dot-separated parts, random inside. */
const cookieLike = fc
  .tuple(
    fc.constantFrom('1', '2', '0', ''),
    fc.stringMatching(/^[0-9a-z]{0,6}$/),
    fc.stringMatching(/^[0-9a-z]{0,9}$/),
    fc.stringMatching(/^[0-9a-f]{0,33}$/),
    fc.oneof(fc.constant('-'), fc.array(fc.constantFrom('analytics', 'replay', 'marketing', 'x', '__proto__'), { maxLength: 4 }).map((a) => a.join('+'))),
    fc.stringMatching(/^[0-9a-z]{0,7}$/),
  )
  .map((parts) => parts.join('.'));

const anyCookie = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 300 }), cookieLike);

const anyJson = fc.jsonValue({ maxDepth: 4 });
/** Configs whose keys are real ones, with values of any shape. */
const configLike = fc.dictionary(
  fc.constantFrom('revision', 'policyUrl', 'language', 'categories', 'cookie', 'sentry', 'googleConsentMode', 'consentLog', 'analytics', 'placement', 'theme', 'strings', '__proto__', 'colour'),
  fc.oneof(anyJson, fc.dictionary(fc.constantFrom('analytics', 'replay', 'necessary', 'marketing', 'name', 'dsn', 'de', 'en'), anyJson)),
);

describe('properties', () => {
  it('a cookie value decodes only if it is exactly what we would write for it', () => {
    fc.assert(
      fc.property(anyCookie, (value) => {
        const decoded = decodeChoice(value, options);
        if (decoded.ok) expect(encodeChoice(decoded.choice)).to.equal(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('our own values round-trip, for any granted set of known categories', () => {
    const choice = fc.record<StoredChoice>({
      id: fc.uuid({ version: 4 }),
      revision: fc.integer({ min: 1, max: 10_000 }),
      updatedAt: fc.integer({ min: NOW - 100 * 86_400_000, max: NOW }),
      granted: fc.uniqueArray(fc.constantFrom('analytics', 'replay', 'marketing', 'chat_2', 'ads-x'), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(choice, (stored) => {
        const decoded = decodeChoice(encodeChoice(stored), options);
        expect(decoded.ok).to.equal(true);
        if (decoded.ok) expect(decoded.choice).to.deep.equal(stored);
      }),
      { numRuns: 500 },
    );
  });

  it('a store over any cookie grants nothing unless the value is a valid choice, and never throws', () => {
    const config = parseConfig({}, () => {});
    fc.assert(
      fc.property(fc.array(anyCookie, { maxLength: 3 }), (values) => {
        const jar = memoryCookieJar();
        for (const value of values) jar.write(value);
        const store = new ConsentStore({ config, jar, now: () => NOW, report: () => {} });
        const anyValid = values.some((value) => {
          const decoded = decodeChoice(value, options);
          return decoded.ok && decoded.choice.revision === 1;
        });
        if (!anyValid) expect(store.state).to.equal(null);
        for (const category of ['analytics', 'replay']) {
          if (!anyValid) expect(store.has(category)).to.equal(false);
        }
        expect(Object.keys(store.state?.categories ?? { necessary: true, analytics: 0, replay: 0 })).to.deep.equal(['necessary', 'analytics', 'replay']);
      }),
      { numRuns: 1500 },
    );
  });

  it('any config parses without throwing, reports each problem by key, and keeps necessary first and on', () => {
    fc.assert(
      fc.property(fc.oneof(configLike, anyJson), (raw) => {
        const problems: string[] = [];
        const config = parseConfig(raw, (message) => problems.push(message));
        expect(config.categories[0]!.name).to.equal('necessary');
        expect(config.categories[0]!.required).to.equal(true);
        for (const message of problems) expect(message).to.match(/^config /);
        if (config.policyUrl !== null) {
          // Whatever was accepted resolves to an http(s) page: no javascript:, data:, or another scheme.
          const resolved = new URL(config.policyUrl, 'https://site.example/dir/page');
          expect(resolved.protocol).to.match(/^https?:$/);
          if (!/^https?:/i.test(config.policyUrl)) expect(resolved.host, 'a relative URL stays on the site').to.equal('site.example');
        }
        // A store over it starts closed.
        const store = new ConsentStore({ config, jar: memoryCookieJar(), report: () => {} });
        expect(store.state).to.equal(null);
        expect(config.categories.filter((category) => !category.required).every((category) => !store.has(category.name))).to.equal(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('a huge config is reported and replaced by defaults, quickly', () => {
    const problems: string[] = [];
    const huge = {
      categories: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`c${i}`, { label: 'x'.repeat(100) }])),
      policyUrl: `/${'a'.repeat(1_000_000)}`,
      strings: { en: { acceptAll: 'y'.repeat(1_000_000) } },
    };
    const config = parseConfig(huge, (message) => problems.push(message));
    expect(config.categories.map((category) => category.name)).to.deep.equal(defaultConfig().categories.map((category) => category.name));
    expect(config.policyUrl).to.equal(null);
    expect(config.strings).to.deep.equal({});
    expect(problems.map((message) => /config "([^"]+)"/.exec(message)?.[1])).to.have.members(['categories', 'policyUrl', 'strings.en.acceptAll']);
    expect(problems.every((message) => message.length < 400), 'messages stay short').to.equal(true);
  });
});
