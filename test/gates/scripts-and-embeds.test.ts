/**
 * The script and embed gates on a real page: blocked tags run once, after
 * consent, in document order, with their attributes; iframes wait behind a
 * same-size placeholder that can allow their category in one click.
 */
import { expect } from '@esm-bundle/chai';
import { closedAfterEach, type OpenOptions, openPage, type SitePage, uniqueCookieName, waitFor } from '../helpers/page.js';

type GatedWindow = SitePage['window'] & { __ran: string[]; __pwned?: number };

const pages = closedAfterEach();

const CONFIG = { categories: { marketing: { label: 'Marketing' } } };

async function open(options: OpenOptions = {}, cookieName = uniqueCookieName()): Promise<SitePage> {
  const page = await openPage({
    fixture: '/test/fixtures/gated-page.html',
    ...options,
    config: { ...CONFIG, cookie: { name: cookieName }, ...(options.config as object) },
  });
  pages.push(page);
  return page;
}

const ran = (page: SitePage) => (page.window as GatedWindow).__ran;

/** Adds a blocked analytics script to the page, as a site's code would later on. */
function addBlocked(page: SitePage, attributes: Record<string, string>, text = ''): HTMLScriptElement {
  const script = page.document.createElement('script');
  script.type = 'text/plain';
  script.dataset.consentCategory = 'analytics';
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  script.text = text;
  page.document.body.append(script);
  return script;
}
const settle = (ms = 600) => new Promise((resolve) => setTimeout(resolve, ms));

describe('blocked scripts', () => {
  it('run nothing before consent, nor after Reject all', async () => {
    const page = await open();
    await settle();
    expect(ran(page)).to.deep.equal([]);
    await page.window.consentGate.rejectAll();
    await settle();
    expect(ran(page)).to.deep.equal([]);
  });

  it('run once after their category is granted, in document order, a slow external one included', async () => {
    const page = await open();
    await page.window.consentGate.set({ analytics: true });
    await waitFor(() => ran(page).length >= 3, 'the analytics scripts');
    await settle();
    expect(ran(page)).to.deep.equal(['slow-external', 'inline-after-slow', 'module:string']);
    await page.window.consentGate.set({ analytics: false });
    await page.window.consentGate.set({ analytics: true });
    await settle();
    expect(ran(page), 'granting again runs nothing twice').to.deep.equal(['slow-external', 'inline-after-slow', 'module:string']);
  });

  it('need every category they name', async () => {
    const page = await open();
    await page.window.consentGate.set({ marketing: true });
    await waitFor(() => ran(page).includes('marketing'), 'the marketing script');
    await settle();
    expect(ran(page)).to.not.include('analytics-and-marketing');
    await page.window.consentGate.set({ analytics: true, marketing: true });
    await waitFor(() => ran(page).includes('analytics-and-marketing'), 'the two-category script');
    expect(ran(page).filter((name) => name === 'marketing')).to.have.length(1);
  });

  it('carry their other attributes over, and lose type and data-consent-category', async () => {
    const page = await open();
    await page.window.consentGate.acceptAll();
    await waitFor(() => ran(page).includes('slow-external'), 'the external script');
    const script = page.document.getElementById('slow') as HTMLScriptElement;
    expect(script.getAttribute('type')).to.equal(null);
    expect(script.hasAttribute('data-consent-category')).to.equal(false);
    expect(script.getAttribute('crossorigin')).to.equal('anonymous');
    expect(script.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(script.dataset.extra).to.equal('kept');
  });

  it('never runs a tag naming an unknown category, and says so', async () => {
    const page = await open();
    await page.window.consentGate.acceptAll();
    await waitFor(() => ran(page).length >= 5, 'the allowed scripts');
    await settle();
    expect(ran(page)).to.not.include('never');
    expect(page.window.__errors.filter((message) => message.includes('"nonexistent"'))).to.have.length(1);
  });

  it('runs tags added to the page later: at once when granted, on consent otherwise', async () => {
    const page = await open();
    const add = (name: string, category: string) => {
      const script = page.document.createElement('script');
      script.type = 'text/plain';
      script.dataset.consentCategory = category;
      script.text = `window.__ran.push(${JSON.stringify(name)})`;
      page.document.body.append(script);
    };
    add('late-before-consent', 'analytics');
    await settle(200);
    expect(ran(page)).to.deep.equal([]);
    await page.window.consentGate.set({ analytics: true });
    await waitFor(() => ran(page).includes('late-before-consent'), 'the late tag on consent');
    add('late-after-consent', 'analytics');
    await waitFor(() => ran(page).includes('late-after-consent'), 'the late tag at once');
  });

  it('does not run tags still waiting their turn when consent is withdrawn, and runs them on a new grant', async () => {
    const page = await open();
    const add = (attributes: Record<string, string>, text = '') => addBlocked(page, attributes, text);
    add({ src: '/__slow-script?name=slow-800&ms=800' });
    add({}, "window.__ran.push('queued-behind-slow')");
    const first = page.window.consentGate.set({ analytics: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await page.window.consentGate.set({ analytics: false });
    await first;
    await settle(1500);
    expect(ran(page), 'withdrawn before its turn').to.not.include('queued-behind-slow');
    await page.window.consentGate.set({ analytics: true });
    await waitFor(() => ran(page).includes('queued-behind-slow'), 'the tag on the new grant');
    expect(ran(page).filter((name) => name === 'queued-behind-slow')).to.have.length(1);
  });

  it('keeps going when a waiting tag is removed from the page, or never loads', async () => {
    const page = await open();
    await page.window.consentGate.set({ analytics: true });
    await waitFor(() => ran(page).includes('inline-after-slow'), 'the parsed tags');
    const add = (attributes: Record<string, string>, text = '') => addBlocked(page, attributes, text);
    // Added while granted, each runs at its turn: remove the second before the slow first has loaded.
    add({ src: '/__slow-script?name=slow-again&ms=600' });
    const removed = add({}, "window.__ran.push('removed')");
    add({ src: '/__slow-script?name=not-js&ms=0', 'data-type': 'text/x-template' });
    add({}, "window.__ran.push('after-all')");
    removed.remove();
    await waitFor(() => ran(page).includes('after-all'), 'the last tag');
    expect(ran(page)).to.not.include('removed');
  });

  it('restores the stored choice on the next page view and runs the tags then', async () => {
    const cookieName = uniqueCookieName();
    const first = await open({}, cookieName);
    await first.window.consentGate.set({ analytics: true });
    const second = await open({}, cookieName);
    await waitFor(() => ran(second).includes('inline-after-slow'), 'the scripts on the next page view');
    expect(second.bannerShown()).to.equal(false);
  });
});

describe('blocked scripts with subresource integrity', () => {
  it('keep integrity: a matching hash runs, a wrong one is refused', async () => {
    const page = await open();
    const sha256 = async (text: string) =>
      `sha256-${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))))}`;
    const add = async (name: string, hashOf: string) => {
      const script = page.document.createElement('script');
      script.type = 'text/plain';
      script.dataset.consentCategory = 'analytics';
      script.src = `/__slow-script?name=${name}&ms=0`;
      script.setAttribute('integrity', await sha256(`(window.__ran = window.__ran || []).push(${JSON.stringify(hashOf)});`));
      page.document.body.append(script);
    };
    await add('good-hash', 'good-hash');
    await add('bad-hash', 'something else');
    await page.window.consentGate.set({ analytics: true });
    await waitFor(() => ran(page).includes('good-hash'), 'the script with a matching hash');
    await settle();
    expect(ran(page)).to.not.include('bad-hash');
  });
});

describe('Global Privacy Control', () => {
  it('keeps a gpc category off whatever is clicked, so its scripts and iframes stay blocked', async () => {
    const page = await open({
      config: { categories: { marketing: { label: 'Marketing', gpc: true } } },
      params: { gpc: '1' },
    });
    page.button('Accept all', 'banner').click();
    await waitFor(() => page.window.consentGate.get() !== null, 'the choice');
    expect(page.window.consentGate.get()!.categories).to.deep.equal({ necessary: true, analytics: true, replay: true, marketing: false });
    await page.window.consentGate.set({ marketing: true });
    expect(page.window.consentGate.has('marketing')).to.equal(false);
    await settle();
    expect(ran(page)).to.include('inline-after-slow').and.not.include('marketing');
    expect(page.document.getElementById('video')!.hasAttribute('src')).to.equal(false);
  });
});

describe('a blocked iframe under Global Privacy Control', () => {
  it('says why it stays blocked and offers no button', async () => {
    const page = await open({ config: { categories: { marketing: { label: 'Marketing', gpc: true } } }, params: { gpc: '1' } });
    const placeholder = page.document.querySelector('consent-gate-placeholder')!;
    await waitFor(() => !!placeholder.shadowRoot?.querySelector('p'), 'the placeholder');
    expect(placeholder.shadowRoot!.textContent).to.include('Global Privacy Control');
    expect(placeholder.shadowRoot!.querySelector('button')).to.equal(null);
    expect(page.document.querySelectorAll('consent-gate-placeholder'), 'none for the iframe that can never load').to.have.length(1);
  });
});

describe('blocked scripts under a nonce CSP', () => {
  it('keeps the nonce, so the unblocked inline script runs and nothing is reported', async () => {
    const page = await openPage({ fixture: '/test/fixtures/nonce-page.html', config: { cookie: { name: uniqueCookieName() } } });
    pages.push(page);
    await page.window.consentGate.acceptAll();
    await waitFor(() => ran(page).includes('with-nonce'), 'the nonce script');
    await settle(300);
    expect(ran(page)).to.deep.equal(['with-nonce']);
    expect(page.window.__violations.filter((v) => v.includes('script-src'))).to.have.length(1); // the one without a nonce
  });
});

describe('blocked iframes', () => {
  it('stay empty behind a same-size placeholder that names the source and the category', async () => {
    const page = await open();
    const frame = page.document.getElementById('video') as HTMLIFrameElement;
    expect(frame.hasAttribute('src')).to.equal(false);
    const placeholder = frame.previousElementSibling as HTMLElement;
    expect(placeholder.localName).to.equal('consent-gate-placeholder');
    await waitFor(() => !!placeholder.shadowRoot?.querySelector('button'), 'the placeholder to render');
    // The same box as the iframe would take (its default border included).
    const reference = page.document.createElement('iframe');
    reference.width = '400';
    reference.height = '200';
    page.document.body.append(reference);
    const expected = reference.getBoundingClientRect();
    reference.remove();
    const rect = placeholder.getBoundingClientRect();
    expect([rect.width, rect.height]).to.deep.equal([expected.width, expected.height]);
    expect(placeholder.shadowRoot!.textContent).to.include(`${page.window.location.host}`).and.include('Marketing');
    expect(getComputedStyle(frame).display).to.equal('none');
  });

  it('load when the placeholder\'s one click allows the category, and unload on withdrawal', async () => {
    const page = await open();
    const frame = page.document.getElementById('video') as HTMLIFrameElement;
    const placeholder = frame.previousElementSibling as HTMLElement;
    await waitFor(() => !!placeholder.shadowRoot?.querySelector('button'), 'the placeholder to render');
    const footer = page.document.getElementById('footer-link')!;
    const footerTop = footer.getBoundingClientRect().top;
    placeholder.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => page.window.consentGate.has('marketing'), 'marketing to be granted');
    expect(page.window.consentGate.get()!.categories).to.deep.equal({ necessary: true, analytics: false, replay: false, marketing: true });
    await waitFor(() => frame.contentDocument?.getElementById('inside-iframe') != null, 'the iframe content');
    expect(placeholder.isConnected).to.equal(false);
    expect(footer.getBoundingClientRect().top, 'nothing below moved').to.equal(footerTop);
    expect(getComputedStyle(frame).display).to.equal('inline');
    await page.window.consentGate.set({ marketing: false });
    await waitFor(() => frame.contentDocument?.getElementById('inside-iframe') == null, 'the iframe to unload');
    expect(frame.getAttribute('src')).to.equal('about:blank');
    expect(frame.previousElementSibling!.localName).to.equal('consent-gate-placeholder');
  });

  it('never load a data-src that is not http(s) or relative', async () => {
    const page = await open();
    await page.window.consentGate.acceptAll();
    await settle();
    const evil = page.document.getElementById('evil') as HTMLIFrameElement;
    expect(evil.hasAttribute('src')).to.equal(false);
    expect((page.window as GatedWindow).__pwned).to.equal(undefined);
    expect(page.window.__errors.some((message) => message.includes('javascript:parent'))).to.equal(true);
  });
});
