/**
 * The Sentry gate against the real @sentry/browser (built into dist/, as sites
 * get it), sending real envelopes to the test server's loopback endpoint.
 */
import { expect } from '@esm-bundle/chai';
import { throwInPage, waitFor, type SitePage } from '../helpers/page.js';
import {
  REPLAY_SESSION_KEY,
  envelopes,
  fetchedUrls,
  items,
  openBuilt,
  pagesClosedAfterEach,
  replayItems,
  replaySentAfter,
  sentrySetup,
  sleep,
  waitForEnvelopes,
  waitForItem,
} from '../helpers/sentry.js';

/** Some visitor activity: clicks and DOM changes that replay would record. */
async function activity(page: SitePage, label: string): Promise<void> {
  const doc = page.document;
  const paragraph = doc.createElement('p');
  paragraph.textContent = `Activity ${label}`;
  doc.querySelector('main')!.append(paragraph);
  doc.getElementById('page-button')!.click();
  await sleep(50);
}


/** Whether init() has run in the page: the SDK keeps its default scope on a global carrier. */
function sentryClientStarted(page: SitePage): boolean {
  type Carrier = Record<string, { defaultCurrentScope?: { getClient(): unknown } } | string>;
  const carrier = (page.window as unknown as { __SENTRY__?: Carrier }).__SENTRY__;
  return Object.values(carrier ?? {}).some((entry) => typeof entry === 'object' && !!entry.defaultCurrentScope?.getClient());
}

const replayChunkFetched = (page: SitePage) => fetchedUrls(page).some((url) => /sentry-replay-[\w-]+\.js/.test(url));
const workerFetched = (page: SitePage) => fetchedUrls(page).some((url) => /worker-bundler-[\w-]+\.js/.test(url));

describe('Sentry gate', function () {
  this.timeout(40_000);
  const pages = pagesClosedAfterEach();
  const open = (config: unknown) => openBuilt(pages, config);

  describe('before consent', () => {
    it('reports errors without user info, cookies or storage, and records no replay', async () => {
      const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
      const cookie = (config.cookie as { name: string }).name;
      const page = await open(config);
      await waitFor(() => fetchedUrls(page).some((url) => /sentry-client-/.test(url)), 'the Sentry chunk', 5000);
      // Breadcrumbs are kept only once init() has bound a client to the SDK's default scope.
      await waitFor(() => sentryClientStarted(page), 'Sentry to start', 5000);
      const button = page.document.getElementById('page-button')!;
      button.title = 'SENTINEL-BUTTON-TITLE';
      button.setAttribute('aria-label', 'SENTINEL-BUTTON-LABEL');
      await activity(page, 'before consent');
      throwInPage(page, 'Error before consent');
      const list = await waitForItem(key, 'event');
      const event = items(list, 'event')[0]!.payload!;
      const breadcrumbs = event.breadcrumbs as { category: string; message?: string }[];
      const click = breadcrumbs.find((breadcrumb) => breadcrumb.category === 'ui.click');
      expect(click?.message, 'the click breadcrumb keeps the element path').to.include('button#page-button');
      expect(items(list, 'event')[0]!.raw, 'but no attribute text').to.not.match(/SENTINEL-BUTTON-(TITLE|LABEL)/);
      expect(event.user, 'no user data').to.equal(undefined);
      expect(JSON.stringify(event)).to.not.include('{{auto}}');
      expect((event.sdk as { settings?: { infer_ip?: string } }).settings?.infer_ip).to.equal('never');
      const request = event.request as { url: string; headers?: Record<string, string>; cookies?: unknown };
      expect(request.cookies).to.equal(undefined);
      expect(request.url).to.not.include('?');
      // Give replay every chance to send something it should not.
      await sleep(6000);
      expect(replayItems(await envelopes(key))).to.deep.equal([]);
      expect(replayChunkFetched(page), 'the replay chunk is not downloaded').to.equal(false);
      expect(workerFetched(page), 'the replay worker is not downloaded').to.equal(false);
      const storageKeys = [...Object.keys(page.window.sessionStorage), ...Object.keys(page.window.localStorage)];
      expect(storageKeys.filter((name) => /sentry/i.test(name)), 'no Sentry storage').to.deep.equal([]);
      expect(page.document.cookie, 'no Sentry cookie').to.not.match(/sentry/i);
      expect(page.document.cookie, 'no consent cookie before a choice').to.not.include(cookie);
    });

    it('reports an error the page throws before the Sentry client is in, as unhandled and scrubbed', async () => {
      // The client comes after the banner's first paint; the page throws right after the widget's script.
      const { key, config } = sentrySetup();
      await openBuilt(pages, config, { params: { throwAfterWidget: 'SENTINEL-EARLY-ERROR' } });
      const list = await waitForEnvelopes(
        key,
        (received) => items(received, 'event').some((item) => item.raw.includes('SENTINEL-EARLY-ERROR')),
        'the early error',
      );
      const event = items(list, 'event').find((item) => item.raw.includes('SENTINEL-EARLY-ERROR'))!.payload!;
      const exception = (event.exception as { values: { value: string; mechanism?: { handled?: boolean } }[] }).values[0]!;
      expect(exception.value).to.equal('SENTINEL-EARLY-ERROR');
      expect(exception.mechanism?.handled, 'reported as unhandled, as the SDK would have').to.equal(false);
      expect(event.user, 'no user data').to.equal(undefined);
      expect((event.request as { url: string }).url).to.not.include('?');
      await sleep(1500);
      const later = items(await envelopes(key), 'event').filter((item) => item.raw.includes('SENTINEL-EARLY-ERROR'));
      expect(later, 'reported once').to.have.length(1);
    });
  });

  describe('after Accept all', () => {
    it('records a replay and sends it, compressed by the worker shipped in dist/', async () => {
      const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
      const page = await open(config);
      page.button('Accept all', 'banner').click();
      await waitFor(() => replayChunkFetched(page), 'the replay chunk');
      await activity(page, 'after consent');
      const list = await waitForItem(key, 'replay_recording');
      const recordings = items(list, 'replay_recording');
      const events = recordings.flatMap((item) => item.recording!.events);
      expect(events.some((event) => event.type === 2), 'a full snapshot').to.equal(true);
      expect(recordings[0]!.recording!.compressed, 'zlib from the compression worker').to.equal(true);
      expect(workerFetched(page), 'the worker came from dist/').to.equal(true);
      const replayEvent = items(list, 'replay_event')[0]!.payload!;
      expect(replayEvent.replay_type).to.equal('session');
      expect(page.window.sessionStorage.getItem(REPLAY_SESSION_KEY)).to.be.a('string');
    });
  });

  describe('after Reject all', () => {
    it('sends no replay and never downloads the replay chunk', async () => {
      const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
      const page = await open(config);
      // (The SDK first: the error below then meets the running client, not the start-up buffer.)
      await waitFor(() => sentryClientStarted(page), 'Sentry to start', 5000);
      page.button('Reject all', 'banner').click();
      await activity(page, 'after reject');
      throwInPage(page, 'Error after reject');
      await waitForItem(key, 'event');
      await sleep(6000);
      expect(replayItems(await envelopes(key))).to.deep.equal([]);
      expect(replayChunkFetched(page)).to.equal(false);
      expect(page.window.sessionStorage.getItem(REPLAY_SESSION_KEY)).to.equal(null);
    });
  });

  describe('withdrawal', () => {
    it('stops at once: nothing more is sent and the session entry is gone, without a reload', async () => {
      const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
      const page = await open(config);
      await page.window.consentGate.acceptAll();
      await activity(page, 'recorded');
      await waitForItem(key, 'replay_recording');
      // A reload would give the frame a fresh global without this marker.
      const pageGlobal = page.window as unknown as { __sameDocument?: boolean };
      pageGlobal.__sameDocument = true;
      await page.window.consentGate.set({ replay: false });
      const withdrawnAt = Date.now();
      expect(page.window.sessionStorage.getItem(REPLAY_SESSION_KEY)).to.equal(null);
      for (let i = 0; i < 5; i++) await activity(page, `after withdrawal ${i}`);
      throwInPage(page, 'Error after withdrawal');
      await sleep(7000);
      expect(await replaySentAfter(key, withdrawnAt), 'no replay data more than a second after the withdrawal').to.deep.equal([]);
      expect(pageGlobal.__sameDocument, 'no reload').to.equal(true);
      expect(page.window.sessionStorage.getItem(REPLAY_SESSION_KEY)).to.equal(null);
    });

    it('records again after a new grant in the same page', async () => {
      const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
      const page = await open(config);
      await page.window.consentGate.acceptAll();
      await waitForItem(key, 'replay_recording');
      await page.window.consentGate.rejectAll();
      const firstId = items(await envelopes(key), 'replay_event')[0]!.payload!.replay_id;
      await page.window.consentGate.acceptAll();
      await activity(page, 'second grant');
      await waitFor(
        async () => items(await envelopes(key), 'replay_event').some((item) => item.payload!.replay_id !== firstId),
        'a replay with a new id',
        20_000,
        250,
      );
    });

    it('cleans up a leftover session entry on a page load with a stored no', async () => {
      const { config } = sentrySetup();
      const first = await open(config);
      await first.window.consentGate.rejectAll();
      sessionStorage.setItem(REPLAY_SESSION_KEY, '{"id":"leftover"}');
      const second = await open(config);
      expect(second.window.consentGate.get()!.categories.replay).to.equal(false);
      expect(sessionStorage.getItem(REPLAY_SESSION_KEY)).to.equal(null);
    });
  });

  describe('error-only replay', () => {
    it('sends the buffered replay with an error once granted', async () => {
      const { key, config } = sentrySetup({ replaysSessionSampleRate: 0, replaysOnErrorSampleRate: 1 });
      const page = await open(config);
      await page.window.consentGate.acceptAll();
      await waitFor(() => replayChunkFetched(page), 'the replay chunk');
      await activity(page, 'buffered');
      await sleep(500);
      throwInPage(page, 'Error while buffering');
      const list = await waitForItem(key, 'replay_event');
      const replayEvent = items(list, 'replay_event')[0]!.payload!;
      expect(replayEvent.replay_type).to.equal('buffer');
      const errorEvent = items(list, 'event')[0]!.payload!;
      expect(replayEvent.error_ids).to.include(errorEvent.event_id);
    });

    it('sends the error alone when replay is not granted', async () => {
      const { key, config } = sentrySetup({ replaysSessionSampleRate: 0, replaysOnErrorSampleRate: 1 });
      const page = await open(config);
      await page.window.consentGate.set({ analytics: true });
      await activity(page, 'not buffered');
      throwInPage(page, 'Error without replay consent');
      await waitForItem(key, 'event');
      await sleep(3000);
      expect(replayItems(await envelopes(key))).to.deep.equal([]);
      expect(replayChunkFetched(page)).to.equal(false);
    });
  });

  describe('across page loads and tabs', () => {
    it('resumes the same replay after a reload without showing the banner', async () => {
      const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
      const first = await open(config);
      await first.window.consentGate.acceptAll();
      await activity(first, 'first view');
      const list = await waitForItem(key, 'replay_event');
      const replayId = items(list, 'replay_event')[0]!.payload!.replay_id;
      first.close();
      const second = await open(config);
      expect(second.bannerShown(), 'no banner').to.equal(false);
      await activity(second, 'second view');
      await waitFor(
        async () => items(await envelopes(key), 'replay_event').filter((item) => item.payload!.replay_id === replayId).length > 1,
        'a later segment of the same replay',
        20_000,
        250,
      );
    });

    it('stops replay in another tab when it is withdrawn here', async () => {
      const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
      const here = await open(config);
      await here.window.consentGate.acceptAll();
      const there = await open(config);
      await waitFor(() => replayChunkFetched(there), 'replay in the other tab');
      await activity(there, 'other tab');
      await waitForItem(key, 'replay_recording');
      await here.window.consentGate.rejectAll();
      await waitFor(() => !there.window.consentGate.has('replay'), 'the withdrawal to arrive', 1000);
      const withdrawnAt = Date.now();
      for (let i = 0; i < 3; i++) await activity(there, `other tab after ${i}`);
      await sleep(7000);
      expect(await replaySentAfter(key, withdrawnAt)).to.deep.equal([]);
    });
  });

  describe('races', () => {
    it('ends with no replay when a grant is withdrawn while the replay chunk downloads', async () => {
      const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
      const page = await open(config);
      const granted = page.window.consentGate.acceptAll();
      await page.window.consentGate.rejectAll();
      await granted;
      await activity(page, 'race');
      await sleep(7000);
      expect(replayItems(await envelopes(key))).to.deep.equal([]);
      expect(page.window.sessionStorage.getItem(REPLAY_SESSION_KEY)).to.equal(null);
    });

    it('ends in the last state after many quick toggles', async () => {
      const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
      const page = await open(config);
      const api = page.window.consentGate;
      const pending: Promise<void>[] = [];
      for (let i = 0; i < 20; i++) pending.push(i % 2 === 0 ? api.acceptAll() : api.rejectAll());
      pending.push(api.acceptAll());
      await Promise.all(pending);
      await activity(page, 'after toggles');
      await waitForItem(key, 'replay_recording');
      const ids = new Set(items(await envelopes(key), 'replay_event').map((item) => item.payload!.replay_id));
      expect(ids.size, 'one replay').to.equal(1);
    });
  });
});
