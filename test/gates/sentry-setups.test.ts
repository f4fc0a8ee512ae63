/**
 * The Sentry gate in the set-ups sites really have: their own Sentry SDK handed
 * over with useSentry(), and a strict Content Security Policy.
 */
import { expect } from '@esm-bundle/chai';
import { openPage, uniqueCookieName, waitFor, type SitePage } from '../helpers/page.js';
import {
  REPLAY_SESSION_KEY,
  envelopes,
  fetchedUrls,
  items,
  loopbackDsn,
  openBuilt,
  pagesClosedAfterEach,
  recordedAsBlocked,
  replayItems,
  replaySentAfter,
  sentrySetup,
  sleep,
  uniqueSentryKey,
  waitForEnvelopes,
  waitForItem,
} from '../helpers/sentry.js';

describe('Sentry gate set-ups', function () {
  this.timeout(60_000);
  const pages = pagesClosedAfterEach();

  describe("with the site's own Sentry SDK (useSentry)", () => {
    async function openOwnSentry(key: string): Promise<SitePage> {
      // No sentry.dsn for us: the site's SDK is the only client.
      const page = await openBuilt(pages, { cookie: { name: uniqueCookieName() } }, {
        fixture: '/test/fixtures/own-sentry.html',
        params: { dsn: loopbackDsn(key) },
      });
      await waitFor(() => (page.window as unknown as { siteSentry?: unknown }).siteSentry, "the site's SDK");
      return page;
    }

    it('records nothing before consent, then drives that client with the locked, masked replay', async () => {
      const key = uniqueSentryKey();
      const page = await openOwnSentry(key);
      page.document.getElementById('page-button')!.click();
      await sleep(6000);
      expect(replayItems(await envelopes(key)), 'no replay before consent').to.deep.equal([]);
      expect(fetchedUrls(page).some((url) => /sentry-client-/.test(url)), 'no second Sentry client').to.equal(false);

      await page.window.consentGate.acceptAll();
      await waitFor(() => page.window.sessionStorage.getItem(REPLAY_SESSION_KEY), 'replay to start', 10_000);
      // A change made while recording lands in whichever segment comes next (the SDK
      // can lose its first segment under load, so the test does not depend on it).
      // Sentry's defaults record same-origin iframes; only our locked options block them.
      const frame = page.document.createElement('iframe');
      const frameLoaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.src = '/test/fixtures/iframe-content.html';
      page.document.querySelector('main')!.append(frame);
      await frameLoaded;
      const added = page.document.createElement('p');
      added.id = 'added-after-consent';
      added.textContent = 'SENTINEL-OWN-SDK-CHANGE';
      page.document.querySelector('main')!.append(added);
      const list = await waitForEnvelopes(
        key,
        (received) => replayItems(received).some((item) => item.raw.includes('added-after-consent')),
        'the recorded change',
      );
      const everything = replayItems(list).map((item) => item.raw).join('\n');
      expect(everything, 'page text masked').to.not.match(/SENTINEL-OWN-SDK-(TEXT|CHANGE)/);
      expect(recordedAsBlocked(everything, 'iframe'), 'the iframe blocked by our options').to.equal(true);
      expect(everything, 'nothing of the iframe document').to.not.include('inside-iframe');

      await page.window.consentGate.rejectAll();
      const withdrawnAt = Date.now();
      expect(page.window.sessionStorage.getItem(REPLAY_SESSION_KEY)).to.equal(null);
      page.document.getElementById('page-button')!.click();
      await sleep(7000);
      expect(await replaySentAfter(key, withdrawnAt), 'nothing after the withdrawal').to.deep.equal([]);
    });
  });

  describe("with the site's own Sentry SDK and a sentry section without a DSN", () => {
    it('follows the replay category the section names, with no client of ours and no config error', async () => {
      const key = uniqueSentryKey();
      const page = await openBuilt(
        pages,
        { cookie: { name: uniqueCookieName() }, categories: { recording: { label: 'Session recording' } }, sentry: { replayCategory: 'recording' } },
        { fixture: '/test/fixtures/own-sentry.html', params: { dsn: loopbackDsn(key) } },
      );
      await waitFor(() => (page.window as unknown as { siteSentry?: unknown }).siteSentry, "the site's SDK");
      // The default replay category grants nothing here.
      await page.window.consentGate.set({ replay: true, analytics: true });
      await sleep(3000);
      expect(page.window.sessionStorage.getItem(REPLAY_SESSION_KEY), 'no replay for the "replay" category').to.equal(null);
      await page.window.consentGate.set({ recording: true });
      await waitFor(() => page.window.sessionStorage.getItem(REPLAY_SESSION_KEY), 'replay to start', 10_000);
      await page.window.consentGate.set({ recording: false });
      expect(page.window.sessionStorage.getItem(REPLAY_SESSION_KEY), 'stopped on withdrawal').to.equal(null);
      expect(fetchedUrls(page).some((url) => /sentry-client-/.test(url)), 'no Sentry client of ours').to.equal(false);
      expect(page.window.__errors.filter((message) => message.includes('sentry')), page.window.__errors.join('\n')).to.deep.equal([]);
    });
  });

  describe('with a window.Sentry that already records replay', () => {
    it('stops that replay at start-up, before any chunk: even with a replay category it cannot use and no gate arriving', async () => {
      const key = uniqueSentryKey();
      // "necessary" is no replay category (a config error, reported by the section's parser when
      // it loads); the Sentry chunks are missing, so only the start-up hold stands before a choice.
      const page = await openPage({
        fixture: '/test/fixtures/own-sentry.html',
        src: ['/vendor/no-sentry-gate/consent-gate/consent-gate.js'],
        config: { cookie: { name: uniqueCookieName() }, sentry: { replayCategory: 'necessary' } },
        params: { dsn: loopbackDsn(key), pageReplay: '1' },
      });
      pages.push(page);
      const site = (page.window as unknown as { siteSentry: { getReplay(): { getReplayId(): string | undefined } | undefined } }).siteSentry;
      expect(site.getReplay(), "the site's own replay").to.not.equal(undefined);
      page.document.getElementById('page-button')!.click();
      await sleep(7000);
      expect(site.getReplay()!.getReplayId(), 'stopped').to.equal(undefined);
      expect(replayItems(await envelopes(key)), 'no replay before a choice').to.deep.equal([]);
    });
  });

  describe('under a strict Content Security Policy', () => {
    it('shows the banner, records with the shipped worker and withdraws without one violation', async () => {
      const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
      const page = await openBuilt(pages, config, { fixture: '/test/fixtures/strict-csp.html' });
      expect(page.bannerShown()).to.equal(true);
      await page.window.consentGate.openPreferences();
      page.button('Accept all', 'dialog').click();
      await waitFor(() => page.window.consentGate.get() !== null, 'the choice');
      page.document.getElementById('page-button')!.click();
      const list = await waitForItem(key, 'replay_recording', 20_000);
      expect(items(list, 'replay_recording')[0]!.recording!.compressed, 'the worker ran from its own URL').to.equal(true);
      await page.window.consentGate.rejectAll();
      await sleep(500);
      expect(page.violations()).to.deep.equal([]);
      // The policy really is in force: the page may not eval.
      expect(() => (page.window as unknown as typeof globalThis).eval('1')).to.throw();
    });
  });
});
