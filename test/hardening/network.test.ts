/**
 * Failing networks: a Sentry endpoint that answers 429 or 500, one that is
 * slow, a closed port, and failing consent-log and analytics endpoints. The
 * page, the banner and the gates behave the same; no unhandled rejection; no
 * retry storm.
 */
import { expect } from '@esm-bundle/chai';
import { DIST_ENTRY, pagesClosedAfterEach, sleep } from '../helpers/sentry.js';
import { openPage, throwInPage, uniqueCookieName, waitFor, type SitePage } from '../helpers/page.js';

type HardenedWindow = SitePage['window'] & { __rejections: string[] };

const suffix = () => Math.random().toString(36).slice(2, 10);

describe('failing networks', () => {
  const pages = pagesClosedAfterEach();

  /** Accept all, an error, some activity, then withdrawal: each must work as usual. */
  async function journey(dsn: string, extra: Record<string, unknown> = {}): Promise<SitePage> {
    const page = await openPage({
      src: [DIST_ENTRY],
      config: { cookie: { name: uniqueCookieName() }, sentry: { dsn, replaysSessionSampleRate: 1 }, ...extra },
    });
    pages.push(page);
    expect(page.bannerShown()).to.equal(true);
    page.button('Accept all', 'banner').click();
    await waitFor(() => page.window.consentGate.has('replay'), 'the choice');
    throwInPage(page, 'a page error while the network fails');
    for (let i = 0; i < 5; i++) {
      page.document.getElementById('page-button')!.click();
      await sleep(300);
    }
    await sleep(6000);
    const started = performance.now();
    await page.window.consentGate.rejectAll();
    expect(performance.now() - started, 'withdrawal does not wait for the network').to.be.below(1500);
    expect(page.window.consentGate.has('replay')).to.equal(false);
    expect((page.window as HardenedWindow).__rejections).to.deep.equal([]);
    return page;
  }

  const attempts = async (key: string) => (await (await fetch(`/__sentry/attempts?key=${key}`)).json()).attempts as number;

  for (const [name, status] of [['rate-limited (429)', '429'], ['broken (500)', '500']] as const) {
    it(`with a Sentry endpoint that is ${name}: same behaviour, no retry storm`, async function () {
      this.timeout(30_000);
      const key = `s${status}${suffix()}`;
      await journey(`${location.protocol}//${key}@${location.host}/1`);
      const sent = await attempts(key);
      expect(sent, 'the endpoint was tried').to.be.at.least(1);
      expect(sent, 'requests in ~8 s').to.be.at.most(status === '429' ? 3 : 12);
    });
  }

  it('with a slow Sentry endpoint (3 s per answer)', async function () {
    this.timeout(30_000);
    const key = `slow${suffix()}`;
    await journey(`${location.protocol}//${key}@${location.host}/1`);
    expect(await attempts(key)).to.be.at.least(1);
  });

  it('with Sentry on a closed port, and consent-log and analytics endpoints that fail', async function () {
    this.timeout(30_000);
    const page = await journey('http://public@127.0.0.1:9/1', {
      consentLog: { url: 'http://127.0.0.1:9/consent' },
      analytics: { endpoint: '/__nowhere/api/event', domain: 'failing.example' },
    });
    (page.window as unknown as { plausible(name: string): void }).plausible('Still fine');
    await sleep(300);
    expect((page.window as HardenedWindow).__rejections).to.deep.equal([]);
  });

  it('with UI chunks that cannot be fetched: reported, no unhandled rejection, the iframe stays blocked, the banner works', async () => {
    const page = await openPage({
      fixture: '/test/fixtures/gated-page.html',
      src: ['/vendor/missing-chunks/consent-gate/consent-gate.js'],
      config: { cookie: { name: uniqueCookieName() }, categories: { marketing: { label: 'Marketing' } } },
    });
    pages.push(page);
    await waitFor(() => page.window.__errors.some((message) => message.includes('embed placeholder could not be loaded')), 'the report');
    expect(page.document.getElementById('video')!.hasAttribute('src')).to.equal(false);
    expect((page.window as HardenedWindow).__rejections).to.deep.equal([]);
    // The dialog's chunk is missing too: Preferences says so and the banner still works.
    page.button('Preferences', 'banner').click();
    await waitFor(() => page.window.__errors.some((message) => message.includes('preferences dialog could not be loaded')), 'the dialog report');
    expect(page.inWidget('dialog')).to.equal(null);
    expect((page.window as HardenedWindow).__rejections).to.deep.equal([]);
    page.button('Reject all', 'banner').click();
    await waitFor(() => page.window.consentGate.get() !== null, 'the choice still works');
  });
});
