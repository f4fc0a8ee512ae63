/**
 * `<consent-gate-declaration>` on a privacy page: the policy section rendered
 * from the same config as the banner, in the visitor's language, accessible,
 * with the current choice and a button that changes it.
 */
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { closedAfterEach, type OpenOptions, openPage, type SitePage, uniqueCookieName, waitFor } from '../helpers/page.js';

const pages = closedAfterEach();

const CONFIG = {
  sentry: { dsn: 'http://public@127.0.0.1:9/1' },
  categories: {
    analytics: { description: 'Counts visits.', cookies: ['_pk_ref', '/^_pk_id/'] },
    marketing: { label: { en: 'Marketing', de: 'Werbung' }, description: 'Ads <b>partners</b>.', cookies: ['_gcl_au'] },
  },
  cookie: { maxAgeDays: 90 },
};

async function open(config: Record<string, unknown> = {}, options: OpenOptions = {}): Promise<SitePage> {
  const page = await openPage({
    fixture: '/test/fixtures/privacy-page.html',
    config: { ...CONFIG, ...config, cookie: { ...CONFIG.cookie, name: uniqueCookieName() } },
    ...options,
  });
  pages.push(page);
  await waitFor(() => page.document.querySelector('consent-gate-declaration table') !== null, 'the declaration');
  return page;
}

const declaration = (page: SitePage) => page.document.querySelector('consent-gate-declaration')!;

describe('<consent-gate-declaration>', () => {
  it('reads like a policy section: headings, categories, replay, and a table of every cookie', async () => {
    const page = await open();
    const section = declaration(page);
    expect(section.shadowRoot, 'rendered into the page').to.equal(null);
    expect(section.querySelector('h2')!.textContent).to.equal('Cookies and your privacy choices');
    const headings = [...section.querySelectorAll('h3')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim());
    expect(headings).to.deep.equal([
      'Necessary (always on)',
      'Analytics (off)',
      'Session replay (off)',
      'Marketing (off)',
    ]);
    const text = section.textContent!.replace(/\s+/g, ' ');
    expect(text).to.include('All text and everything you type is masked');
    expect(text).to.include('sent only when an error happens');
    expect(text).to.include('Ads <b>partners</b>.');
    expect(section.querySelector('b'), 'config text is text').to.equal(null);
    const rows = [...section.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent!.trim()));
    expect(rows[0]![0], 'the consent cookie first').to.match(/^cg_test_/);
    expect(rows[0]![2]).to.include('90 days');
    expect(rows.slice(1).map((row) => row.slice(0, 2))).to.deep.equal([
      ['_pk_ref', 'Analytics'],
      ['_pk_id*', 'Analytics'],
      ['_gcl_au', 'Marketing'],
    ]);
    expect(section.querySelector('caption')!.textContent).to.equal('Cookies');
  });

  it('shows the current choice, follows changes, and its button opens the dialog and gets focus back', async () => {
    const page = await open();
    const section = declaration(page);
    expect(section.textContent).to.include('You have not made a choice yet.');
    await page.window.consentGate.set({ analytics: true });
    await waitFor(() => section.textContent!.includes('Your current choice'), 'the choice');
    expect(section.textContent!.replace(/\s+/g, ' ')).to.include('on: Necessary and Analytics; off: Session replay and Marketing.');
    expect(section.querySelector('h3')!.parentElement!.textContent).to.include('Analytics (on)');
    const button = [...section.querySelectorAll('button')].find((b) => b.textContent === 'Change your choice')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => page.inWidget<HTMLDialogElement>('dialog')?.open, 'the dialog');
    const dialog = page.inWidget<HTMLDialogElement>('dialog')!;
    await sendKeys({ press: 'Escape' });
    await waitFor(() => page.document.activeElement === button, 'focus back on the button');
  });

  it('describes replay only where Sentry runs, and reads cookie patterns as a policy would', async () => {
    const page = await open({
      sentry: null,
      categories: { analytics: { cookies: ['/^_ga$/', '/^_pk_/', '/_x[0-9]/'] }, marketing: false },
    });
    const text = declaration(page).textContent!;
    expect(text).to.not.include('All text and everything you type is masked');
    const names = [...declaration(page).querySelectorAll('tbody th')].map((cell) => cell.textContent);
    expect(names.slice(1)).to.deep.equal(['_ga', '_pk_*', '/_x[0-9]/']);
  });

  it("with the site's own SDK (no DSN of ours) describes replay but not an error buffer, whose rates are the site's", async () => {
    const page = await open({ sentry: { replayCategory: 'analytics' } });
    const text = declaration(page).textContent!.replace(/\s+/g, ' ');
    expect(text).to.include('All text and everything you type is masked');
    expect(text).to.not.include('sent only when an error happens');
  });

  it('speaks the visitor\'s language', async () => {
    const page = await open({ language: 'de' });
    await waitFor(() => declaration(page).querySelector('section')?.getAttribute('lang') === 'de', 'German');
    const headings = [...declaration(page).querySelectorAll('h3')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim());
    expect(headings).to.include('Werbung (aus)');
  });

  it('finds nothing under axe-core', async () => {
    const page = await open();
    const script = page.document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve) => script.addEventListener('load', resolve));
    page.document.head.append(script);
    await loaded;
    await page.window.consentGate.rejectAll();
    const axe = (page.window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: { id: string }[] }> } }).axe;
    const result = await axe.run(declaration(page), { resultTypes: ['violations'] });
    expect(result.violations.map((v) => v.id)).to.deep.equal([]);
  });
});
