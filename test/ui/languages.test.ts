/**
 * The widget's language on a real page: chosen from config, then `<html lang>`;
 * built-in languages other than English arrive as one lazy chunk each, from the
 * built `dist/` (only the one needed is fetched); site texts replace built-in
 * ones and stay text.
 */
import { expect } from '@esm-bundle/chai';
import { DIST_ENTRY, fetchedUrls } from '../helpers/sentry.js';
import { closedAfterEach, type OpenOptions, openPage, type SitePage, uniqueCookieName, waitFor } from '../helpers/page.js';

const pages = closedAfterEach();

async function open(config: Record<string, unknown>, options: OpenOptions = {}): Promise<SitePage> {
  const page = await openPage({ config: { cookie: { name: uniqueCookieName() }, ...config }, ...options });
  pages.push(page);
  return page;
}

const regionName = (page: SitePage) => page.inWidget('[role="region"]')?.getAttribute('aria-label');
const languageChunks = (page: SitePage) =>
  fetchedUrls(page).filter((url) => /\/consent-gate\/(en|de|fr|es|it|nl|pl|pt|ar)-[\w-]+\.js$/.test(url));

describe('<consent-gate> languages', () => {
  it('fetches only the German chunk for a German page, and shows German texts from the start', async () => {
    // The UI chunk is held 500 ms, so "requested beside it" does not hang on a race of a few ms.
    const page = await open({ language: 'de' }, { src: ['/vendor/slow-ui/consent-gate/consent-gate.js'] });
    await waitFor(() => regionName(page) === 'Datenschutz', 'the German banner', 4000);
    expect(page.button('Alle akzeptieren', 'banner')).to.be.an('HTMLButtonElement');
    expect(page.button('Alle ablehnen', 'banner')).to.be.an('HTMLButtonElement');
    const chunks = languageChunks(page);
    expect(chunks, chunks.join('\n')).to.have.length(1);
    expect(chunks[0]).to.match(/\/de-[\w-]+\.js$/);
    // Requested with the UI chunk, not after it: well before the UI chunk has arrived.
    const timing = (pattern: RegExp) => page.window.performance.getEntriesByType('resource').find((entry) => pattern.test(entry.name)) as PerformanceResourceTiming;
    const ui = timing(/\/consent-gate-ui-[\w-]+\.js$/);
    const german = timing(/\/de-[\w-]+\.js$/);
    expect(german.startTime, `de requested at ${german.startTime}, UI chunk arrived at ${ui.responseEnd}`).to.be.below(ui.responseEnd - 250);
    expect(page.inWidget('.root')!.getAttribute('lang')).to.equal('de');
  });

  it('fetches no language chunk for an English page', async () => {
    const page = await open({}, { src: [DIST_ENTRY] });
    expect(regionName(page)).to.equal('Privacy');
    expect(fetchedUrls(page).some((url) => url.endsWith('/consent-gate/consent-gate.js')), 'the entry was measured').to.equal(true);
    expect(languageChunks(page)).to.deep.equal([]);
  });

  it('follows <html lang> when config says auto', async () => {
    const page = await open({}, { params: { lang: 'fr-CA' } });
    await waitFor(() => regionName(page) === 'Confidentialité', 'the French banner');
    expect(page.inWidget('.root')!.getAttribute('lang')).to.equal('fr');
  });

  it('prefers the configured language over <html lang>', async () => {
    const page = await open({ language: 'pl' }, { params: { lang: 'fr' } });
    await waitFor(() => page.inWidget('.root')?.getAttribute('lang') === 'pl', 'the Polish banner');
  });

  it('reports a configured language it has no texts for, naming the key, and uses the page language', async () => {
    const page = await open({ language: 'sv' }, { params: { lang: 'es' } });
    await waitFor(() => page.inWidget('.root')?.getAttribute('lang') === 'es', 'the Spanish banner');
    const errors = page.window.__errors.filter((message) => message.includes('"language"'));
    expect(errors, page.window.__errors.join('\n')).to.have.length(1);
    expect(errors[0]).to.include('sv');
  });

  it('shows English after 3 s, and says why, when the language chunk hangs', async function () {
    // The hung chunk (6 s) holds back the page's load event in some engines.
    this.timeout(20_000);
    const page = await open({ language: 'de' }, { src: ['/vendor/stalled-languages/consent-gate/consent-gate.js'] });
    await waitFor(() => regionName(page) === 'Privacy', 'the English banner', 6000);
    const errors = page.window.__errors.filter((message) => message.includes('"de" texts could not be loaded'));
    expect(errors, page.window.__errors.join('\n')).to.have.length(1);
    expect(errors[0], 'given up after 3 s, not when the request failed').to.include('no answer in 3 s');
  });

  it('does not use a site language that lacks texts, and names what is missing', async () => {
    const page = await open({ language: 'sv', strings: { sv: { acceptAll: 'Godkänn alla' } } }, { params: { lang: 'it' } });
    await waitFor(() => page.inWidget('.root')?.getAttribute('lang') === 'it', 'the Italian banner');
    const errors = page.window.__errors.filter((message) => message.includes('"strings.sv"'));
    expect(errors, page.window.__errors.join('\n')).to.have.length(1);
    expect(errors[0]).to.include('rejectAll');
  });

  it('renders Arabic right to left, with the corner box in the left corner', async () => {
    const page = await open({ language: 'ar', placement: 'corner' });
    await waitFor(() => regionName(page) === 'الخصوصية', 'the Arabic banner');
    const banner = page.inWidget('[role="region"]')!;
    expect(page.inWidget('.root')!.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(banner).direction).to.equal('rtl');
    const rect = banner.getBoundingClientRect();
    expect(rect.left, 'the box hugs the left edge').to.be.below(page.window.innerWidth - rect.right);
    const accept = page.button('قبول الكل', 'banner').getBoundingClientRect();
    const reject = page.button('رفض الكل', 'banner').getBoundingClientRect();
    expect(accept.left, 'Accept all comes first, on the right').to.be.above(reject.left);
  });

  it('lets a site replace texts per language, shown as text and never as HTML', async () => {
    const page = await open({
      language: 'de',
      strings: { de: { acceptAll: '<img src=x onerror="window.__pwned=1">Ja', bannerTitle: '<b>Cookies?</b>' } },
    });
    await waitFor(() => regionName(page) === 'Datenschutz', 'the German banner');
    const banner = page.inWidget('[role="region"]')!;
    expect(page.button('<img src=x onerror="window.__pwned=1">Ja', 'banner')).to.be.an('HTMLButtonElement');
    expect(banner.querySelector('img, b')).to.equal(null);
    expect(banner.querySelector('h2')!.textContent).to.equal('<b>Cookies?</b>');
    expect(page.button('Alle ablehnen', 'banner'), 'the other texts stay built in').to.be.an('HTMLButtonElement');
    expect((page.window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('opens the dialog in the page language when the page is loaded at #consent-preferences', async () => {
    const page = await open({ language: 'it' }, { hash: 'consent-preferences' });
    const dialog = () => page.inWidget<HTMLDialogElement>('dialog');
    await waitFor(() => dialog()?.open === true, 'the dialog to open');
    expect(page.widget().shadowRoot!.getElementById('dialog-title')!.textContent).to.equal(
      (await import('../../src/ui/i18n/it.js')).strings.dialogTitle,
    );
  });
});
