/**
 * What a page downloads and when (issue: performance budgets). The byte
 * figures themselves are printed by `npm run size` and `npm run bench`; these
 * tests hold the order of things that the figures rely on: a plain page fetches
 * the entry alone before a choice, each other chunk arrives with the feature
 * that needs it, and the Sentry chunks only after the banner's first frame.
 */
import { expect } from '@esm-bundle/chai';
import { closedAfterEach, openPage, uniqueCookieName, waitFor, type SitePage } from './helpers/page.js';
import { DIST_ENTRY, fetchedUrls, loopbackDsn, sleep, uniqueSentryKey } from './helpers/sentry.js';

/** The files fetched from dist/ (under the test server's /vendor/…/consent-gate/ prefix), by name. */
const distFiles = (page: SitePage): string[] =>
  fetchedUrls(page)
    .map((url) => /\/consent-gate\/([\w.-]+\.js)$/.exec(new URL(url).pathname)?.[1])
    .filter((file): file is string => !!file);

const fetched = (page: SitePage, prefix: string) => distFiles(page).some((file) => file.startsWith(prefix));

describe('performance: what is fetched when', function () {
  this.timeout(30_000);
  const pages = closedAfterEach();

  it('a plain page fetches the core and the UI before a choice; the dialog with Preferences, records after the choice', async () => {
    const page = await openPage({ src: [DIST_ENTRY], config: { cookie: { name: uniqueCookieName() }, policyUrl: '/privacy' } });
    pages.push(page);
    await sleep(1000);
    expect(distFiles(page).map((file) => (file.startsWith('consent-gate-ui-') ? 'consent-gate-ui' : file)), 'before a choice').to.deep.equal(['consent-gate.js', 'consent-gate-ui']);
    page.button('Preferences', 'banner').click();
    await waitFor(() => page.inWidget<HTMLDialogElement>('dialog')?.open, 'the dialog to open');
    expect(fetched(page, 'preferences-dialog-'), 'the dialog chunk').to.equal(true);
    expect(distFiles(page).length, 'nothing else').to.equal(3);
    page.button('Accept all', 'dialog').click();
    await waitFor(() => fetched(page, 'consent-log-'), 'the consent record code after the choice');
    for (const prefix of ['sentry', 'analytics', 'markup-gates-', 'cookie-cleanup-', 'config-sections-', 'config-messages-']) {
      expect(fetched(page, prefix), `${prefix} is not needed on this page`).to.equal(false);
    }
  });

  it('a returning visit runs the core alone: nothing else is fetched, the UI comes when the visitor asks for it', async () => {
    const name = uniqueCookieName();
    const first = await openPage({ src: [DIST_ENTRY], config: { cookie: { name } } });
    pages.push(first);
    await first.window.consentGate.acceptAll();
    const page = await openPage({ src: [DIST_ENTRY], config: { cookie: { name } } });
    pages.push(page);
    await sleep(1000);
    expect(distFiles(page), 'a returning visit').to.deep.equal(['consent-gate.js']);
    expect(page.document.querySelector('consent-gate'), 'the element is in the page, not yet defined').to.not.equal(null);
    expect(page.widget().shadowRoot).to.equal(null);
    page.document.querySelector<HTMLElement>('[data-consent-preferences]')!.click();
    await waitFor(() => page.inWidget<HTMLDialogElement>('dialog')?.open, 'the dialog to open');
    expect(fetched(page, 'consent-gate-ui-'), 'the UI chunk').to.equal(true);
    expect(page.bannerShown(), 'no banner behind the dialog').to.equal(false);
  });

  it("a config problem's words are fetched only when there is one, and printed before ready", async () => {
    const page = await openPage({ src: [DIST_ENTRY], config: { cookie: { name: uniqueCookieName(), maxAgeDays: -1 } } });
    pages.push(page);
    expect(page.window.__errors).to.include('consent-gate: config "cookie.maxAgeDays" must be a number of days above 0 and at most 400, got number -1; using the default');
    expect(fetched(page, 'config-messages-'), 'the messages chunk').to.equal(true);
  });

  it('a stored "no" costs the clean-up chunk only when a refused category has a cookie here', async () => {
    const name = uniqueCookieName();
    const tracker = `${name}_t`;
    const config = { cookie: { name }, categories: { analytics: { cookies: [tracker] } } };
    const first = await openPage({ src: [DIST_ENTRY], config });
    pages.push(first);
    await first.window.consentGate.rejectAll();
    const clean = await openPage({ src: [DIST_ENTRY], config });
    pages.push(clean);
    await sleep(1000);
    expect(fetched(clean, 'cookie-cleanup-'), 'nothing to clean').to.equal(false);
    clean.document.cookie = `${tracker}=1; path=/`;
    const dirty = await openPage({ src: [DIST_ENTRY], config });
    pages.push(dirty);
    await waitFor(() => fetched(dirty, 'cookie-cleanup-'), 'the clean-up chunk');
    await waitFor(() => !dirty.document.cookie.includes(`${tracker}=`), 'the refused cookie deleted');
  });

  it('requests the UI from the task that runs the widget and builds the banner in a later one', async () => {
    const page = await openPage({ src: [DIST_ENTRY], config: { cookie: { name: uniqueCookieName() } }, params: { afterWidget: '1' } });
    pages.push(page);
    await waitFor(() => page.window.__afterWidget, 'the script after the widget to run');
    // A module script right after the widget's runs next, before any queued task (engines run ready
    // deferred scripts back to back; the spec would allow a task between): the API and the element
    // are there, the element not defined yet (its chunk was requested, not yet run).
    expect(page.window.__afterWidget).to.deep.equal({ api: 'function', element: true, defined: false });
    await waitFor(() => page.inWidget('[role="region"]'), 'the banner');
    expect(page.button('Accept all', 'banner').isConnected).to.equal(true);
    expect(page.document.querySelectorAll('consent-gate').length).to.equal(1);
  });

  it('with Sentry configured, the banner is in a frame before any Sentry chunk is requested', async () => {
    const key = uniqueSentryKey();
    const page = await openPage({ src: [DIST_ENTRY], config: { cookie: { name: uniqueCookieName() }, sentry: { dsn: loopbackDsn(key) } } });
    pages.push(page);
    await waitFor(() => fetched(page, 'sentry-client-'), 'the Sentry client chunk');
    const bannerFrame = page.window.__bannerFrame;
    expect(bannerFrame, 'the banner was rendered').to.be.a('number');
    const sentryRequests = page.window.performance
      .getEntriesByType('resource')
      .filter((entry) => /\/consent-gate\/(sentry|config-sections)/.test(entry.name));
    expect(sentryRequests.length).to.be.at.least(2);
    for (const entry of sentryRequests) {
      expect(entry.startTime, `${entry.name.split('/').pop()} requested after the banner's frame`).to.be.above(bannerFrame!);
    }
    expect(fetched(page, 'sentry-replay-'), 'no replay code before a grant').to.equal(false);
  });

  it('gate chunks arrive with what needs them: a gated tag added later, a stored choice', async () => {
    const name = uniqueCookieName();
    const page = await openPage({ src: [DIST_ENTRY], config: { cookie: { name }, categories: { analytics: { cookies: ['_ga'] } } } });
    pages.push(page);
    await sleep(500);
    expect(fetched(page, 'markup-gates-')).to.equal(false);
    const script = page.document.createElement('script');
    script.type = 'text/plain';
    script.dataset.consentCategory = 'analytics';
    script.textContent = 'window.__ran = (window.__ran || []).concat("late")';
    page.document.body.append(script);
    await waitFor(() => fetched(page, 'markup-gates-'), 'the script gate chunk');
    expect(fetched(page, 'cookie-cleanup-'), 'no clean-up before a choice').to.equal(false);
    await page.window.consentGate.rejectAll();
    await waitFor(() => fetched(page, 'cookie-cleanup-'), 'the clean-up chunk after a choice that refuses');
    expect((page.window as unknown as { __ran?: string[] }).__ran ?? []).to.not.include('late');
    await page.window.consentGate.acceptAll();
    await waitFor(() => (page.window as unknown as { __ran?: string[] }).__ran?.includes('late'), 'the late script to run');
  });
});
