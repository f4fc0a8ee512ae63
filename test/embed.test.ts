import { expect } from '@esm-bundle/chai';
import { openPage, uniqueCookieName, waitFor, type SitePage } from './helpers/page.js';

const pages: SitePage[] = [];
async function open(...args: Parameters<typeof openPage>): Promise<SitePage> {
  const page = await openPage(...args);
  pages.push(page);
  return page;
}

/** The consent cookie's raw value as the page sees it, or undefined. */
function cookieValue(page: SitePage, name: string): string | undefined {
  return page.document.cookie
    .split('; ')
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

afterEach(() => {
  for (const page of pages.splice(0)) {
    // Forget the choice so the next test starts clean even on a shared cookie name.
    page.window.consentGate?.reset();
    page.close();
  }
});

describe('the script-tag embed', () => {
  it('shows the banner, reports no choice and fires ready once', async () => {
    const cookie = uniqueCookieName();
    const page = await open({ config: { cookie: { name: cookie } } });
    expect(page.window.consentGate.get()).to.equal(null);
    expect(page.events('consent-gate:ready')).to.deep.equal([{ type: 'consent-gate:ready', detail: null }]);
    const banner = page.inWidget('[role="region"]')!;
    expect(banner.getAttribute('aria-label')).to.equal('Privacy');
    expect(banner.hidden).to.equal(false);
    expect(page.document.querySelectorAll('consent-gate')).to.have.length(1);
    expect(page.widget().shadowRoot, 'the shadow root is open').to.not.equal(null);
  });

  it('stores Accept all in the cookie and reports it through get(), has() and change', async () => {
    const cookie = uniqueCookieName();
    const page = await open({ config: { cookie: { name: cookie } } });
    page.button('Accept all', 'banner').click();
    await waitFor(() => page.events('consent-gate:change').length === 1, 'a change event');
    const state = page.window.consentGate.get()!;
    expect(state.categories).to.deep.equal({ necessary: true, analytics: true, replay: true });
    expect(state.revision).to.equal(1);
    expect(state.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(state.updatedAt)).to.be.closeTo(Date.now(), 60_000);
    expect(page.window.consentGate.has('replay')).to.equal(true);
    expect(page.events('consent-gate:change')[0]!.detail).to.deep.equal(state);
    const value = cookieValue(page, cookie)!;
    expect(value, 'the cookie holds the choice').to.be.a('string');
    expect(value.length).to.be.below(300);
    await page.widget().updateComplete;
    expect(page.bannerShown(), 'the banner is gone').to.equal(false);
  });

  it('remembers Reject all on the next page view without showing the banner', async () => {
    const cookie = uniqueCookieName();
    const first = await open({ config: { cookie: { name: cookie } } });
    first.button('Reject all', 'banner').click();
    await waitFor(() => first.window.consentGate.get() !== null, 'the choice');
    const second = await open({ config: { cookie: { name: cookie } } });
    expect(second.window.consentGate.get()!.categories).to.deep.equal({ necessary: true, analytics: false, replay: false });
    expect(second.events('consent-gate:ready')[0]!.detail!.categories.analytics).to.equal(false);
    expect(second.bannerShown()).to.equal(false);
  });

  it('resolves acceptAll(), rejectAll() and set() after the change event', async () => {
    const cookie = uniqueCookieName();
    const page = await open({ config: { cookie: { name: cookie } } });
    const api = page.window.consentGate;
    await api.set({ analytics: true });
    expect(page.events('consent-gate:change')).to.have.length(1);
    expect(api.get()!.categories).to.deep.equal({ necessary: true, analytics: true, replay: false });
    await api.acceptAll();
    await api.rejectAll();
    expect(page.events('consent-gate:change').map((event) => event.detail!.categories.replay)).to.deep.equal([false, true, false]);
  });

  it('reset() forgets the choice, removes the cookie and shows the banner again', async () => {
    const cookie = uniqueCookieName();
    const page = await open({ config: { cookie: { name: cookie } } });
    await page.window.consentGate.acceptAll();
    await page.window.consentGate.reset();
    expect(page.window.consentGate.get()).to.equal(null);
    expect(cookieValue(page, cookie)).to.equal(undefined);
    expect(page.events('consent-gate:change').at(-1)!.detail).to.equal(null);
    await page.widget().updateComplete;
    expect(page.bannerShown()).to.equal(true);
  });

  it('export() gives the visitor their stored record as JSON', async () => {
    const page = await open({ config: { cookie: { name: uniqueCookieName() } } });
    expect(JSON.parse(page.window.consentGate.export())).to.equal(null);
    await page.window.consentGate.set({ replay: true });
    const { record, ...state } = JSON.parse(page.window.consentGate.export());
    expect(state).to.deep.equal(page.window.consentGate.get());
    expect(record).to.include({ id: state.id, timestamp: state.updatedAt, language: 'en' });
    expect(record.granted).to.deep.equal(['necessary', 'replay']);
    expect(record.textHash).to.match(/^[0-9a-f]{64}$/);
  });

  it('asks again when the site raises the revision', async () => {
    const cookie = uniqueCookieName();
    const before = await open({ config: { cookie: { name: cookie }, revision: 1 } });
    await before.window.consentGate.acceptAll();
    const after = await open({ config: { cookie: { name: cookie }, revision: 2 } });
    expect(after.window.consentGate.get()).to.equal(null);
    expect(after.window.consentGate.has('analytics')).to.equal(false);
    expect(after.bannerShown()).to.equal(true);
  });

  it('treats a tampered cookie as no choice', async () => {
    const cookie = uniqueCookieName();
    const first = await open({ config: { cookie: { name: cookie } } });
    await first.window.consentGate.rejectAll();
    const value = cookieValue(first, cookie)!;
    document.cookie = `${cookie}=${value.replace('.-.', '.analytics+replay.')}; Path=/`;
    const second = await open({ config: { cookie: { name: cookie } } });
    expect(second.window.consentGate.get()).to.equal(null);
    expect(second.window.consentGate.has('analytics')).to.equal(false);
  });

  describe('config', () => {
    it('reads window.consentGateConfig when there is no JSON block', async () => {
      const cookie = uniqueCookieName();
      const page = await open({ windowConfig: { cookie: { name: cookie }, policyUrl: '/window-policy' } });
      await page.window.consentGate.acceptAll();
      expect(cookieValue(page, cookie)).to.be.a('string');
      expect(page.inWidget<HTMLAnchorElement>('a')!.getAttribute('href')).to.equal('/window-policy');
    });

    it('lets the JSON block win over window.consentGateConfig', async () => {
      const page = await open({
        config: { policyUrl: '/block-policy', cookie: { name: uniqueCookieName() } },
        windowConfig: { policyUrl: '/window-policy' },
      });
      expect(page.inWidget<HTMLAnchorElement>('a')!.getAttribute('href')).to.equal('/block-policy');
    });

    it('reports a bad key with console.error and never shows an unsafe link', async () => {
      const page = await open({ config: { policyUrl: 'javascript:alert(1)', cookie: { name: uniqueCookieName() } } });
      const reports = page.window.__errors.filter((message) => message.startsWith('consent-gate:'));
      expect(reports).to.have.length(1);
      expect(reports[0]).to.include('"policyUrl"');
      expect(page.inWidget('a'), 'no policy link at all').to.equal(null);
    });
  });

  describe('a page that defined <consent-gate> itself', () => {
    it('shows the banner under <consent-gate-widget>, works, and says why', async () => {
      const page = await open({ config: { cookie: { name: uniqueCookieName() } }, params: { foreignTag: '1' } });
      const widget = page.document.querySelector('consent-gate-widget');
      expect(widget, 'the fallback element').to.not.equal(null);
      expect(page.document.querySelector('consent-gate'), 'nothing of ours under the taken tag').to.equal(null);
      const banner = widget!.shadowRoot!.querySelector('[role="region"]') as HTMLElement;
      expect(banner.getAttribute('aria-label')).to.equal('Privacy');
      (widget!.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
      await waitFor(() => page.window.consentGate.get() !== null, 'the choice');
      expect(page.window.__errors.filter((message) => message.includes('<consent-gate-widget>'))).to.have.length(1);
    });
  });

  describe('loading the script twice', () => {
    it('gives one element, one API and one banner', async () => {
      const cookie = uniqueCookieName();
      const page = await open({
        config: { cookie: { name: cookie } },
        src: ['/src/embed.ts', '/src/embed.ts?copy=2'],
      });
      expect(page.document.querySelectorAll('consent-gate')).to.have.length(1);
      expect(page.events('consent-gate:ready')).to.have.length(1);
      expect(page.window.__errors, 'the second copy stays quiet').to.deep.equal([]);
      await page.window.consentGate.acceptAll();
      expect(page.events('consent-gate:change')).to.have.length(1);
    });
  });

  describe('the preferences dialog', () => {
    it('opens from the footer link and names itself "Privacy preferences"', async () => {
      const page = await open({ config: { cookie: { name: uniqueCookieName() } } });
      page.document.getElementById('footer-link')!.click();
      await waitFor(() => page.inWidget<HTMLDialogElement>('dialog')?.open, 'the dialog to open');
      const dialog = page.inWidget<HTMLDialogElement>('dialog')!;
      const title = dialog.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)!;
      expect(title.textContent!.trim()).to.equal('Privacy preferences');
      expect(page.frame.contentWindow!.location.hash, 'the link does not navigate').to.equal('');
      const switches = [...dialog.querySelectorAll<HTMLInputElement>('[role="switch"]')];
      expect(switches.map((s) => s.closest('label')!.textContent!.trim())).to.deep.equal(['Necessary', 'Analytics', 'Session replay']);
      expect(switches.map((s) => s.checked)).to.deep.equal([true, false, false]);
      expect(switches.map((s) => s.disabled)).to.deep.equal([true, false, false]);
    });

    it('opens from links added to the page later (event delegation)', async () => {
      const page = await open({ config: { cookie: { name: uniqueCookieName() } } });
      const link = page.document.createElement('a');
      link.href = '#consent-preferences';
      link.textContent = 'Cookie settings';
      page.document.body.append(link);
      link.click();
      await waitFor(() => page.inWidget<HTMLDialogElement>('dialog')?.open, 'the dialog to open');
    });

    it('opens from a bare #consent-preferences link on a page whose <base href> points elsewhere (an SPA)', async () => {
      const page = await open({ config: { cookie: { name: uniqueCookieName() } } });
      const base = page.document.createElement('base');
      base.href = '/somewhere-else/';
      page.document.head.prepend(base);
      const link = page.document.createElement('a');
      link.setAttribute('href', '#consent-preferences');
      link.textContent = 'Cookie settings';
      page.document.body.append(link);
      const path = page.frame.contentWindow!.location.pathname;
      expect(link.pathname, 'the link resolves against <base>').to.equal('/somewhere-else/');
      link.click();
      await waitFor(() => page.inWidget<HTMLDialogElement>('dialog')?.open, 'the dialog to open');
      expect(page.frame.contentWindow!.location.pathname, 'the link does not navigate').to.equal(path);
    });

    it('opens from an image map <area> linking to #consent-preferences', async () => {
      const page = await open({ config: { cookie: { name: uniqueCookieName() } } });
      const map = page.document.createElement('map');
      map.name = 'footer-map';
      const area = page.document.createElement('area');
      area.shape = 'rect';
      area.coords = '0,0,40,20';
      area.alt = 'Cookie settings';
      area.setAttribute('href', '#consent-preferences');
      map.append(area);
      page.document.body.append(map);
      area.click();
      await waitFor(() => page.inWidget<HTMLDialogElement>('dialog')?.open, 'the dialog to open');
      expect(page.frame.contentWindow!.location.hash, 'the link does not navigate').to.equal('');
    });

    for (const attribute of ['href', 'xlink:href']) {
      it(`opens from an SVG <a ${attribute}> linking to #consent-preferences`, async () => {
        const page = await open({ config: { cookie: { name: uniqueCookieName() } } });
        const svgNs = 'http://www.w3.org/2000/svg';
        const svg = page.document.createElementNS(svgNs, 'svg');
        const link = page.document.createElementNS(svgNs, 'a');
        if (attribute === 'href') link.setAttribute('href', '#consent-preferences');
        else link.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', '#consent-preferences');
        const label = page.document.createElementNS(svgNs, 'text');
        label.setAttribute('y', '16');
        label.textContent = 'Cookie settings';
        link.append(label);
        svg.append(link);
        page.document.body.append(svg);
        label.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
        await waitFor(() => page.inWidget<HTMLDialogElement>('dialog')?.open, 'the dialog to open');
        expect(page.frame.contentWindow!.location.hash, 'the link does not navigate').to.equal('');
      });
    }

    it('saves the switches with Save preferences', async () => {
      const page = await open({ config: { cookie: { name: uniqueCookieName() } } });
      await page.window.consentGate.openPreferences();
      const replay = page.inWidget<HTMLInputElement>('[data-category="replay"]')!;
      replay.click();
      page.button('Save preferences', 'dialog').click();
      await waitFor(() => page.window.consentGate.get() !== null, 'the choice');
      expect(page.window.consentGate.get()!.categories).to.deep.equal({ necessary: true, analytics: false, replay: true });
      expect(page.inWidget<HTMLDialogElement>('dialog')!.open).to.equal(false);
    });

    it('shows the current choice when reopened', async () => {
      const page = await open({ config: { cookie: { name: uniqueCookieName() } } });
      await page.window.consentGate.set({ analytics: true });
      await page.window.consentGate.openPreferences();
      expect(page.inWidget<HTMLInputElement>('[data-category="analytics"]')!.checked).to.equal(true);
      expect(page.inWidget<HTMLInputElement>('[data-category="replay"]')!.checked).to.equal(false);
    });
  });

  describe('across tabs', () => {
    it('carries a choice and a withdrawal to another open page within a second', async () => {
      const cookie = uniqueCookieName();
      const config = { cookie: { name: cookie } };
      const first = await open({ config });
      const second = await open({ config });
      await first.window.consentGate.acceptAll();
      const acceptedAt = performance.now();
      await waitFor(() => second.window.consentGate.has('replay'), 'the grant to reach the other page', 1000);
      expect(performance.now() - acceptedAt).to.be.below(1000);
      expect(second.events('consent-gate:change')).to.have.length(1);
      await first.window.consentGate.set({ replay: false });
      await waitFor(() => !second.window.consentGate.has('replay'), 'the withdrawal to reach the other page', 1000);
      expect(second.events('consent-gate:change').at(-1)!.detail!.categories.replay).to.equal(false);
      await second.widget().updateComplete;
      expect(second.bannerShown(), 'the other page hides its banner too').to.equal(false);
    });

    it('re-reads the cookie when a tab becomes visible again', async () => {
      const cookie = uniqueCookieName();
      const config = { cookie: { name: cookie } };
      const page = await open({ config });
      // Another tab (without BroadcastChannel reaching us) wrote a choice.
      const writer = await open({ config });
      (writer.window as unknown as typeof globalThis).BroadcastChannel.prototype.postMessage = () => {};
      await writer.window.consentGate.acceptAll();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(page.window.consentGate.get(), 'no message arrived').to.equal(null);
      page.window.dispatchEvent(new Event('pageshow'));
      await waitFor(() => page.window.consentGate.has('analytics'), 'the re-read');
    });

    it('carries a choice and a withdrawal to a background tab of a sibling subdomain (shared cookie.domain)', async function () {
      this.timeout(20_000);
      const config = { cookie: { name: uniqueCookieName(), domain: 'app.localhost' } };
      type Report = { role: string; event: string; replay?: boolean | null };
      const reports: Report[] = [];
      const listen = (event: MessageEvent) => {
        if (event.data?.type === 'subdomain-sync') reports.push(event.data as Report);
      };
      addEventListener('message', listen);
      /** The next report of `role` about `event`, taken from the list. */
      const next = async (role: string, event: string, timeout: number): Promise<Report> => {
        const index = () => reports.findIndex((report) => report.role === role && report.event === event);
        await waitFor(() => index() >= 0, `${role}: ${event}`, timeout);
        return reports.splice(index(), 1)[0]!;
      };
      // Top-level windows: in an iframe under localhost each page would be a third party, without cookies.
      const openOn = (host: string, role: string) => {
        const url = new URL('/test/fixtures/subdomain-sync.html', location.href);
        url.hostname = host;
        url.searchParams.set('role', role);
        url.searchParams.set('config', JSON.stringify(config));
        return window.open(url.href, `_blank`, 'popup,width=400,height=300');
      };
      const chooser = openOn('a.app.localhost', 'a');
      let background: Window | null = null;
      try {
        // WebKit's MiniBrowser opens no window without a user gesture: skipped there.
        const webKit = /AppleWebKit/.test(navigator.userAgent) && !/Chrome\//.test(navigator.userAgent);
        await next('a', 'ready', 8000).catch((error: unknown) => (webKit ? this.skip() : Promise.reject(error)));
        // The second window opens last and keeps the focus: no focus or visibility event tells it anything.
        background = openOn('b.app.localhost', 'b');
        await next('b', 'ready', 8000);
        chooser!.postMessage('accept', '*');
        expect(await next('a', 'change', 3000), 'the choice made').to.include({ replay: true });
        expect(await next('b', 'change', 2500), 'the choice reached the other subdomain').to.include({ replay: true });
        chooser!.postMessage('reject', '*');
        expect(await next('a', 'change', 3000), 'the withdrawal made').to.include({ replay: false });
        expect(await next('b', 'change', 2500), 'the withdrawal reached the other subdomain').to.include({ replay: false });
      } finally {
        removeEventListener('message', listen);
        chooser?.close();
        background?.close();
      }
    });
  });
});

describe('the built dist/ copied under another URL prefix', () => {
  it('shows the banner, stores the choice and reports it', async () => {
    const cookie = uniqueCookieName();
    const page = await open({ config: { cookie: { name: cookie } }, src: ['/vendor/some/prefix/consent-gate/consent-gate.js'] });
    expect(page.bannerShown()).to.equal(true);
    page.button('Accept all', 'banner').click();
    await waitFor(() => page.window.consentGate.get() !== null, 'the choice');
    expect(page.window.consentGate.get()!.categories.analytics).to.equal(true);
    expect(cookieValue(page, cookie)).to.be.a('string');
  });

  it('does not start twice when both the dist build and a second copy load', async () => {
    const page = await open({
      config: { cookie: { name: uniqueCookieName() } },
      src: ['/vendor/some/prefix/consent-gate/consent-gate.js', '/vendor/other/consent-gate/consent-gate.js'],
    });
    expect(page.document.querySelectorAll('consent-gate')).to.have.length(1);
    expect(page.events('consent-gate:ready')).to.have.length(1);
  });
});
