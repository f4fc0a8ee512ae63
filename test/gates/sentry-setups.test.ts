/**
 * The Sentry gate in the set-ups sites really have: their own Sentry SDK handed
 * over with useSentry(), and a strict Content Security Policy.
 */
import { expect } from '@esm-bundle/chai';
import { openPage, uniqueCookieName, waitFor, type SitePage } from '../helpers/page.js';
import {
  DIST_ENTRY,
  envelopes,
  fetchedUrls,
  items,
  loopbackDsn,
  openWithSentry,
  pagesClosedAfterEach,
  replayItems,
  sleep,
  uniqueSentryKey,
  waitForItem,
} from '../helpers/sentry.js';

describe('Sentry gate set-ups', function () {
  this.timeout(60_000);
  const pages = pagesClosedAfterEach();

  describe("with the site's own Sentry SDK (useSentry)", () => {
    async function openOwnSentry(key: string): Promise<SitePage> {
      const page = await openPage({
        fixture: '/test/fixtures/own-sentry.html',
        src: [DIST_ENTRY],
        // No sentry.dsn for us: the site's SDK is the only client.
        config: { cookie: { name: uniqueCookieName() } },
        params: { dsn: loopbackDsn(key) },
      });
      pages.push(page);
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
      page.document.getElementById('page-button')!.click();
      const list = await waitForItem(key, 'replay_recording', 20_000);
      const everything = replayItems(list).map((item) => item.raw).join('\n');
      expect(everything).to.include('"maskAllText":true');
      expect(everything, 'page text masked').to.not.include('SENTINEL-OWN-SDK-TEXT');
      expect(everything).to.include('secret'); // the element is there, its text is not

      await page.window.consentGate.rejectAll();
      const withdrawnAt = Date.now();
      expect(page.window.sessionStorage.getItem('sentryReplaySession')).to.equal(null);
      page.document.getElementById('page-button')!.click();
      await sleep(7000);
      const late = (await envelopes(key)).filter((envelope) => envelope.receivedAt > withdrawnAt + 1000 && replayItems([envelope]).length > 0);
      expect(late, 'nothing after the withdrawal').to.deep.equal([]);
    });
  });

  describe('under a strict Content Security Policy', () => {
    it('shows the banner, records with the shipped worker and withdraws without one violation', async () => {
      const key = uniqueSentryKey();
      const page = await openWithSentry(pages, key, { replaysSessionSampleRate: 1 }, { fixture: '/test/fixtures/strict-csp.html' });
      expect(page.inWidget('[role="region"]')!.hidden).to.equal(false);
      await page.window.consentGate.openPreferences();
      page.button('Accept all', 'dialog').click();
      await waitFor(() => page.window.consentGate.get() !== null, 'the choice');
      page.document.getElementById('page-button')!.click();
      const list = await waitForItem(key, 'replay_recording', 20_000);
      expect(items(list, 'replay_recording')[0]!.recording!.compressed, 'the worker ran from its own URL').to.equal(true);
      await page.window.consentGate.rejectAll();
      await sleep(500);
      // Violations from the test server's own injected scripts are not ours.
      const ours = page.window.__violations.filter((violation) => !violation.includes('__web-dev-server'));
      expect(ours).to.deep.equal([]);
    });
  });
});
