/**
 * The widget on pages it does not control: globals wrapped by the page, CSS
 * aimed at everything with !important, cookies disabled, storage that throws,
 * an SPA that takes the element out and puts it back, a config block that
 * comes after the script, and one that is not JSON.
 */
import { expect } from '@esm-bundle/chai';
import { DIST_ENTRY, envelopes, pagesClosedAfterEach, replayItems, sentrySetup } from '../helpers/sentry.js';
import { openPage, uniqueCookieName, waitFor, type OpenOptions, type SitePage } from '../helpers/page.js';

type HardenedWindow = SitePage['window'] & { __rejections: string[]; __wrappedCalls?: number; __ran: string[] };

const logKey = () => `k${Math.random().toString(36).slice(2, 10)}`;

describe('a hostile page', () => {
  const pages = pagesClosedAfterEach();
  const open = async (options: OpenOptions) => {
    const page = await openPage(options);
    pages.push(page);
    return page;
  };
  const win = (page: SitePage) => page.window as HardenedWindow;

  it('that wraps Array, JSON, fetch and customElements.define: everything still works through the wrappers', async () => {
    const log = logKey();
    const page = await open({
      config: { cookie: { name: uniqueCookieName() }, consentLog: { url: `/__consent-log/${log}` } },
      params: { wrapped: '1' },
    });
    expect(page.bannerShown()).to.equal(true);
    page.button('Accept all', 'banner').click();
    await waitFor(() => page.window.consentGate.has('analytics'), 'the choice');
    await waitFor(async () => (await (await fetch(`/__consent-log/${log}`)).json()).records.length > 0, 'the record');
    expect(win(page).__wrappedCalls, 'the page\'s wrappers were really used').to.be.above(10);
    expect(win(page).__rejections).to.deep.equal([]);
  });

  it('whose CSS targets *, button, dialog and section with !important: the widget keeps its look', async () => {
    const plain = await open({ config: { cookie: { name: uniqueCookieName() } } });
    const hostile = await open({ config: { cookie: { name: uniqueCookieName() } }, params: { hostileCss: '1' } });
    const look = (page: SitePage) => {
      const button = page.button('Accept all', 'banner');
      const banner = page.inWidget('[role="region"]')!;
      const b = getComputedStyle(button);
      const r = button.getBoundingClientRect();
      return {
        button: [b.display, b.color, b.backgroundColor, b.fontSize, b.fontFamily, b.letterSpacing, b.textTransform, Math.round(r.width), Math.round(r.height)],
        banner: [getComputedStyle(banner).display, getComputedStyle(banner).visibility, getComputedStyle(banner).backgroundColor],
      };
    };
    expect(look(hostile)).to.deep.equal(look(plain));
    await hostile.window.consentGate.openPreferences();
    const dialog = hostile.inWidget<HTMLDialogElement>('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(getComputedStyle(dialog).display).to.not.equal('none');
    expect(dialog.getBoundingClientRect().height).to.be.above(100);
    hostile.widget().closePreferences();
  });

  it('with cookies disabled: the choice holds for the page view, gates follow it, nothing opens after', async () => {
    const cookie = uniqueCookieName();
    const page = await open({ fixture: '/test/fixtures/gated-page.html', config: { cookie: { name: cookie } }, params: { nocookies: '1' } });
    await page.window.consentGate.set({ analytics: true });
    expect(page.window.consentGate.has('analytics')).to.equal(true);
    await waitFor(() => win(page).__ran.includes('inline-after-slow'), 'the gated script');
    const next = await open({ fixture: '/test/fixtures/gated-page.html', config: { cookie: { name: cookie } }, params: { nocookies: '1' } });
    expect(next.window.consentGate.get(), 'no choice on the next page view').to.equal(null);
    expect(next.bannerShown()).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(win(next).__ran).to.deep.equal([]);
    expect(win(page).__rejections).to.deep.equal([]);
  });

  it('whose storage throws: no crash, the choice and the consent record still work, replay follows the choice', async function () {
    this.timeout(30_000);
    const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
    const log = logKey();
    const page = await open({
      src: [DIST_ENTRY],
      config: { ...config, consentLog: { url: `/__consent-log/${log}` } },
      params: { nostorage: '1' },
    });
    expect(() => page.window.localStorage, 'storage really throws').to.throw();
    page.button('Accept all', 'banner').click();
    await waitFor(() => page.window.consentGate.has('replay'), 'the choice');
    await waitFor(async () => (await (await fetch(`/__consent-log/${log}`)).json()).records.length > 0, 'the record');
    expect(JSON.parse(page.window.consentGate.export()).record.granted).to.include('replay');
    page.document.getElementById('page-button')!.click();
    await waitFor(async () => replayItems(await envelopes(key)).length > 0, 'a replay', 20_000);
    await page.window.consentGate.rejectAll();
    const stoppedAt = Date.now();
    page.document.getElementById('page-button')!.click();
    await new Promise((resolve) => setTimeout(resolve, 7000));
    const late = (await envelopes(key)).filter((envelope) => envelope.receivedAt > stoppedAt + 1000 && replayItems([envelope]).length > 0);
    expect(late, 'nothing after withdrawal').to.deep.equal([]);
    expect(win(page).__rejections).to.deep.equal([]);
  });

  it('that takes the element out and puts it back (an SPA): the banner and the API keep working', async () => {
    const page = await open({ config: { cookie: { name: uniqueCookieName() } } });
    const element = page.widget();
    element.remove();
    await page.window.consentGate.acceptAll();
    page.document.body.append(element);
    await element.updateComplete;
    expect(page.bannerShown(), 'chosen while out: no banner').to.equal(false);
    await page.window.consentGate.openPreferences();
    expect(page.inWidget<HTMLDialogElement>('dialog')!.open).to.equal(true);
    page.widget().closePreferences();
  });

  it('whose config block comes after the script: it is read (the module runs after parsing)', async () => {
    const page = await open({ fixture: '/test/fixtures/late-config.html' });
    await waitFor(() => page.inWidget('[role="region"]')?.getAttribute('aria-label') === 'Datenschutz', 'the German banner');
  });

  it('whose config block is not JSON: one clear error, the defaults, no gate open', async () => {
    const page = await open({ fixture: '/test/fixtures/late-config.html', params: { broken: '1' } });
    const errors = page.window.__errors.filter((message) => message.includes('#consent-gate-config'));
    expect(errors, page.window.__errors.join('\n')).to.have.length(1);
    expect(page.inWidget('[role="region"]')!.getAttribute('aria-label')).to.equal('Privacy');
    expect(page.window.consentGate.get()).to.equal(null);
  });
});

describe('two consent cookies of the same name', () => {
  const pages = pagesClosedAfterEach();

  it('on different paths: the newest valid choice wins, whatever the browser lists first', async () => {
    const { encodeChoice } = await import('../../src/consent/cookie.js');
    const name = uniqueCookieName();
    const now = Date.now();
    const stale = encodeChoice({ id: '11111111-1111-4111-8111-111111111111', revision: 1, updatedAt: now - 86_400_000, granted: ['analytics', 'replay'] });
    const fresh = encodeChoice({ id: '22222222-2222-4222-8222-222222222222', revision: 1, updatedAt: now - 60_000, granted: [] });
    // The deeper path is listed first by browsers; it holds the older, wider grant.
    document.cookie = `${name}=${stale}; Path=/test`;
    document.cookie = `${name}=${fresh}; Path=/`;
    try {
      const page = await openPage({ config: { cookie: { name } } });
      pages.push(page);
      expect(page.window.consentGate.get()!.id).to.equal('22222222-2222-4222-8222-222222222222');
      expect(page.window.consentGate.has('analytics')).to.equal(false);
      expect(page.bannerShown()).to.equal(false);
    } finally {
      document.cookie = `${name}=; Max-Age=0; Path=/test`;
      document.cookie = `${name}=; Max-Age=0; Path=/`;
    }
  });
});
