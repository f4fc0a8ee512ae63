/**
 * Proof of consent: records with a hash of the shown texts, posted to
 * consentLog.url, kept and retried when the send fails, and exported.
 */
import { expect } from '@esm-bundle/chai';
import { parseConfig } from '../../src/consent/config.js';
import { canonicalJson } from '../../src/consent/record.js';
import { sha256Hex, sha256Portable } from '../../src/consent/sha256.js';
import { MAX_ATTEMPTS } from '../../src/gates/consent-log.js';
import { loadLocale } from '../../src/ui/i18n.js';
import { shownTexts } from '../../src/ui/shown-texts.js';
import { closedAfterEach, openPage, type SitePage, uniqueCookieName, waitFor } from '../helpers/page.js';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

describe('sha256', () => {
  const vectors: [string, string][] = [
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ];
  for (const [input, expected] of vectors) {
    it(`portable: ${JSON.stringify(input).slice(0, 20)} → ${expected.slice(0, 12)}…`, () => {
      expect(hex(sha256Portable(new TextEncoder().encode(input)))).to.equal(expected);
    });
  }

  it('portable agrees with Web Crypto on texts of every length, non-ASCII included', async () => {
    for (let length = 0; length < 200; length += 7) {
      const text = 'Datenschutz – الخصوصية – 🍪 '.repeat(8).slice(0, length);
      const bytes = new TextEncoder().encode(text);
      expect(hex(sha256Portable(bytes)), `length ${length}`).to.equal(hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))));
    }
  });
});

describe('the hash of the shown texts', () => {
  const hashOf = async (raw: unknown, language = 'en') => {
    const config = parseConfig(raw, () => {});
    return sha256Hex(canonicalJson(shownTexts(config, await loadLocale(language, config.strings, () => {}))));
  };

  it('is the same for the same texts, whatever the key order of the config', async () => {
    const a = await hashOf({ policyUrl: '/privacy', categories: { marketing: { label: 'Ads', description: 'Ad partners' } } });
    const b = await hashOf({ categories: { marketing: { description: 'Ad partners', label: 'Ads' } }, policyUrl: '/privacy' });
    expect(a).to.match(/^[0-9a-f]{64}$/).and.equal(b);
  });

  it('changes when a label, a description, a text, the policy link or the language changes', async () => {
    const base = await hashOf({ policyUrl: '/privacy' });
    const variants = await Promise.all([
      hashOf({ policyUrl: '/privacy', categories: { analytics: { label: 'Statistics' } } }),
      hashOf({ policyUrl: '/privacy', categories: { replay: { description: 'Records everything' } } }),
      hashOf({ policyUrl: '/privacy', strings: { en: { acceptAll: 'OK' } } }),
      hashOf({ policyUrl: '/privacy-v2' }),
      hashOf({ policyUrl: '/privacy' }, 'de'),
    ]);
    for (const variant of variants) expect(variant).to.not.equal(base);
    expect(new Set(variants).size).to.equal(variants.length);
  });
});

describe('the consent log on a real page', () => {
  const pages = closedAfterEach();

  const key = () => `k${Math.random().toString(36).slice(2, 10)}`;
  const received = async (logKey: string) => (await (await fetch(`/__consent-log/${logKey}`)).json()) as {
    records: { body: string; contentType: string }[];
    refused: number;
  };
  const open = async (config: object) => {
    const page = await openPage({ config });
    pages.push(page);
    return page;
  };

  it('posts one JSON record per choice, with everything the proof needs', async () => {
    const logKey = key();
    const page = await open({ cookie: { name: uniqueCookieName() }, policyUrl: '/privacy', consentLog: { url: `/__consent-log/${logKey}` } });
    await page.window.consentGate.set({ analytics: true });
    await waitFor(async () => (await received(logKey)).records.length === 1, 'the record');
    const { records } = await received(logKey);
    expect(records[0]!.contentType).to.match(/^application\/json/);
    const record = JSON.parse(records[0]!.body);
    const state = page.window.consentGate.get()!;
    expect(record).to.deep.include({
      id: state.id,
      timestamp: state.updatedAt,
      revision: 1,
      granted: ['necessary', 'analytics'],
      refused: ['replay'],
      language: 'en',
      policyUrl: '/privacy',
    });
    expect(record.textHash).to.match(/^[0-9a-f]{64}$/);
    expect(JSON.parse(page.window.consentGate.export()).record).to.deep.equal(record);
  });

  it('keeps a record the server refused and sends it on the next page load', async () => {
    const logKey = key();
    const config = { cookie: { name: uniqueCookieName() }, consentLog: { url: `/__consent-log/${logKey}?fail=1` } };
    const first = await open(config);
    await first.window.consentGate.acceptAll();
    await waitFor(async () => (await received(logKey)).refused === 1, 'the refused send');
    const id = first.window.consentGate.get()!.id;
    first.close();
    await open(config);
    await waitFor(async () => (await received(logKey)).records.length === 1, 'the retried record', 6000);
    expect(JSON.parse((await received(logKey)).records[0]!.body).id).to.equal(id);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts and says so, without blocking any page`, async function () {
    this.timeout(30_000);
    const logKey = key();
    const config = { cookie: { name: uniqueCookieName() }, consentLog: { url: `/__consent-log/${logKey}?fail=99` } };
    const first = await open(config);
    await first.window.consentGate.rejectAll();
    await waitFor(async () => (await received(logKey)).refused === 1, 'the first refused send');
    first.close();
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      const page = await open(config);
      expect(page.bannerShown(), 'the page works as usual').to.equal(false);
      await waitFor(async () => (await received(logKey)).refused === attempt, `send ${attempt}`, 6000);
      if (attempt === MAX_ATTEMPTS) {
        await waitFor(() => page.window.__errors.some((message) => message.includes('dropped')), 'the drop to be reported');
      }
      page.close();
    }
    await open(config);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await received(logKey)).refused, 'no more sends').to.equal(MAX_ATTEMPTS);
  });
});
