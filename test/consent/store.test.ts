import { expect } from '@esm-bundle/chai';
import { parseConfig } from '../../src/consent/config.js';
import { encodeChoice, memoryCookieJar, type CookieJar } from '../../src/consent/cookie.js';
import { ConsentStore, randomId } from '../../src/consent/store.js';
import type { ChangeSource, ConsentState } from '../../src/consent/types.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const DAY = 86_400_000;
const ID = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';

function makeStore(
  rawConfig: unknown = {},
  jar: CookieJar = memoryCookieJar(),
  extra: { gpc?: boolean; now?: number } = {},
) {
  const reports: string[] = [];
  const config = parseConfig(rawConfig, (message) => reports.push(message));
  const store = new ConsentStore({
    config,
    jar,
    globalPrivacyControl: extra.gpc,
    now: () => extra.now ?? NOW,
    createId: () => ID,
    report: (message) => reports.push(message),
  });
  return { store, jar, reports };
}

describe('ConsentStore', () => {
  it('starts with no choice and only "necessary" granted', () => {
    const { store } = makeStore();
    expect(store.state).to.equal(null);
    expect(store.has('necessary')).to.equal(true);
    expect(store.has('analytics')).to.equal(false);
    expect(store.has('replay')).to.equal(false);
  });

  describe('actions', () => {
    const cases: [string, (store: ConsentStore) => Promise<void>, Record<string, boolean>][] = [
      ['acceptAll', (s) => s.acceptAll(), { necessary: true, analytics: true, replay: true }],
      ['rejectAll', (s) => s.rejectAll(), { necessary: true, analytics: false, replay: false }],
      ['set analytics only', (s) => s.set({ analytics: true }), { necessary: true, analytics: true, replay: false }],
      ['set replay, then analytics', (s) => s.set({ replay: true }).then(() => s.set({ analytics: true })), { necessary: true, analytics: true, replay: true }],
      ['acceptAll, then withdraw replay', (s) => s.acceptAll().then(() => s.set({ replay: false })), { necessary: true, analytics: true, replay: false }],
      ['set necessary off (ignored)', (s) => s.set({ necessary: false }), { necessary: true, analytics: false, replay: false }],
    ];
    for (const [name, act, expected] of cases) {
      it(`${name} → ${JSON.stringify(expected)}, stored in the cookie`, async () => {
        const { store, jar } = makeStore();
        await act(store);
        expect(store.state).to.deep.equal({ id: ID, revision: 1, updatedAt: new Date(NOW).toISOString(), categories: expected });
        // A second store over the same cookie (the next page view) restores it.
        expect(makeStore({}, jar).store.state).to.deep.equal(store.state);
      });
    }

    it('reset() forgets the choice and removes the cookie', async () => {
      const { store, jar } = makeStore();
      await store.acceptAll();
      await store.reset();
      expect(store.state).to.equal(null);
      expect(jar.readAll()).to.deep.equal([]);
      expect(store.has('analytics')).to.equal(false);
    });

    it('keeps the consent id across changes and makes a new one after reset', async () => {
      let next = 0;
      const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
      const store = new ConsentStore({
        config: parseConfig({}, () => {}),
        jar: memoryCookieJar(),
        createId: () => ids[next++]!,
      });
      await store.acceptAll();
      await store.rejectAll();
      expect(store.state?.id).to.equal(ids[0]);
      await store.reset();
      await store.acceptAll();
      expect(store.state?.id).to.equal(ids[1]);
    });

    it('reports bad input to set() and ignores it', async () => {
      const { store, reports } = makeStore();
      await store.set({ analytics: true, marketing: true, replay: 'yes' as unknown as boolean });
      expect(store.state?.categories).to.deep.equal({ necessary: true, analytics: true, replay: false });
      expect(reports).to.have.length(2);
      expect(reports[0]).to.include('"marketing"');
      expect(reports[1]).to.include('"replay"');
      await store.set(null as unknown as Record<string, boolean>);
      expect(reports).to.have.length(3);
    });
  });

  describe('restoring the stored choice', () => {
    const stored = (overrides: Partial<{ revision: number; updatedAt: number; granted: string[] }> = {}) =>
      encodeChoice({ id: ID, revision: 1, updatedAt: NOW - DAY, granted: ['analytics'], ...overrides });
    const cases: [string, unknown, string[], Record<string, boolean> | null][] = [
      ['a valid cookie', {}, [stored()], { necessary: true, analytics: true, replay: false }],
      ['an older revision', { revision: 2 }, [stored()], null],
      ['a future revision', {}, [stored({ revision: 2 })], null],
      ['an expired choice (maxAgeDays lowered)', { cookie: { maxAgeDays: 0.5 } }, [stored()], null],
      ['a corrupted cookie', {}, [stored().replace('analytics', 'analytixs')], null],
      ['an unknown category (dropped from config)', {}, [stored({ granted: ['marketing', 'replay'] })], { necessary: true, analytics: false, replay: true }],
      ['a category added later (starts off)', { categories: { marketing: {} } }, [stored()], { necessary: true, analytics: true, replay: false, marketing: false }],
      ['two cookies: the newest valid one wins', {}, [stored({ granted: [] }), stored({ updatedAt: NOW - 10, granted: ['replay'] }), 'garbage'], { necessary: true, analytics: false, replay: true }],
    ];
    for (const [name, rawConfig, values, expected] of cases) {
      it(`${name} → ${JSON.stringify(expected)}`, () => {
        const { store } = makeStore(rawConfig, memoryCookieJar(values));
        expect(store.state?.categories ?? null).to.deep.equal(expected);
      });
    }
  });

  describe('Global Privacy Control', () => {
    const config = { categories: { marketing: { label: 'Marketing', gpc: true } } };
    it('keeps gpc categories off and locked whatever is chosen', async () => {
      const { store } = makeStore(config, memoryCookieJar(), { gpc: true });
      expect(store.isLockedByGpc('marketing')).to.equal(true);
      expect(store.isLockedByGpc('analytics')).to.equal(false);
      await store.acceptAll();
      expect(store.state?.categories).to.deep.equal({ necessary: true, analytics: true, replay: true, marketing: false });
      await store.set({ marketing: true });
      expect(store.has('marketing')).to.equal(false);
    });

    it('does not lock anything without the signal', async () => {
      const { store } = makeStore(config);
      await store.acceptAll();
      expect(store.has('marketing')).to.equal(true);
    });

    it('overrides a stored grant when the signal appears later', async () => {
      const { store, jar } = makeStore(config);
      await store.acceptAll();
      expect(makeStore(config, jar, { gpc: true }).store.has('marketing')).to.equal(false);
    });
  });

  describe('subscriptions', () => {
    it('tells subscribers about every change, with its source, and waits for them', async () => {
      const { store } = makeStore();
      const seen: [Record<string, boolean> | null, ChangeSource][] = [];
      let gateDone = false;
      store.subscribe(async (state, source) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        gateDone = true;
        seen.push([state ? { ...state.categories } : null, source]);
      });
      await store.acceptAll();
      expect(gateDone, 'acceptAll() resolves after the subscriber settled').to.equal(true);
      await store.reset();
      expect(seen).to.deep.equal([
        [{ necessary: true, analytics: true, replay: true }, 'local'],
        [null, 'local'],
      ]);
    });

    it('keeps going when a subscriber throws or rejects, and reports it', async () => {
      const { store, reports } = makeStore();
      const seen: (ConsentState | null)[] = [];
      store.subscribe(() => {
        throw new Error('boom');
      });
      store.subscribe(() => Promise.reject(new Error('async boom')));
      store.subscribe((state) => void seen.push(state));
      await store.acceptAll();
      expect(seen).to.have.length(1);
      expect(reports.join('\n')).to.include('boom').and.to.include('async boom');
    });

    it('stops telling a subscriber once it unsubscribed', async () => {
      const { store } = makeStore();
      let calls = 0;
      const unsubscribe = store.subscribe(() => void calls++);
      await store.acceptAll();
      unsubscribe();
      await store.rejectAll();
      expect(calls).to.equal(1);
    });
  });

  describe('refresh() (another tab changed the cookie)', () => {
    it('picks up a choice and a withdrawal made elsewhere, as "remote"', async () => {
      const jar = memoryCookieJar();
      const here = makeStore({}, jar).store;
      const there = makeStore({}, jar).store;
      const sources: ChangeSource[] = [];
      here.subscribe((_state, source) => void sources.push(source));
      await there.acceptAll();
      expect(await here.refresh()).to.equal(true);
      expect(here.has('replay')).to.equal(true);
      expect(await here.refresh(), 'nothing new').to.equal(false);
      await there.reset();
      expect(await here.refresh()).to.equal(true);
      expect(here.state).to.equal(null);
      expect(sources).to.deep.equal(['remote', 'remote']);
    });
  });

  describe('consent ids', () => {
    const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    it('are v4 UUIDs', () => expect(randomId()).to.match(UUID_V4));
    it('are made without crypto.randomUUID (plain http pages lack it)', () => {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      try {
        const ids = new Set(Array.from({ length: 50 }, () => randomId()));
        expect(ids.size).to.equal(50);
        for (const id of ids) expect(id).to.match(UUID_V4);
      } finally {
        delete (crypto as { randomUUID?: unknown }).randomUUID;
      }
      expect(crypto.randomUUID, 'restored').to.be.a('function');
    });
  });

  describe('when cookies are blocked', () => {
    const blockedJar = (): CookieJar => ({ readAll: () => [], write: () => false, remove: () => {} });

    it('keeps the choice for this page view and says so', async () => {
      const { store, reports } = makeStore({}, blockedJar());
      await store.set({ analytics: true });
      expect(store.has('analytics')).to.equal(true);
      expect(store.has('replay')).to.equal(false);
      expect(store.memoryOnly).to.equal(true);
      expect(reports.join()).to.match(/could not be stored/);
      expect(await store.refresh(), 'an empty cookie jar does not wipe the in-memory choice').to.equal(false);
      expect(store.has('analytics')).to.equal(true);
    });
  });
});
