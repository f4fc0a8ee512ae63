/**
 * axe-core over a whole site page with the widget in each state a visitor can
 * see: the banner (every placement), the dialog, the dialog with a category
 * locked by Global Privacy Control, dark mode, and Arabic (right to left).
 */
import { expect } from '@esm-bundle/chai';
import { closedAfterEach, type OpenOptions, openPage, type SitePage, uniqueCookieName, waitFor } from '../helpers/page.js';

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
  passes: { id: string }[];
}
type AxeWindow = Window & { axe?: { run(context: Document, options: object): Promise<AxeResult> } };

const pages = closedAfterEach();

async function open(options: OpenOptions): Promise<SitePage> {
  const config = { cookie: { name: uniqueCookieName() }, policyUrl: '/privacy', ...(options.config as object) };
  const page = await openPage({ ...options, config });
  pages.push(page);
  return page;
}

/** Loads axe-core into the page and runs every rule (WCAG and best practice) on the whole document. */
async function axe(page: SitePage): Promise<AxeResult> {
  const win = page.window as AxeWindow;
  if (!win.axe) {
    const script = page.document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    page.document.head.append(script);
    await loaded;
  }
  return win.axe!.run(page.document, { resultTypes: ['violations'] });
}

function describeViolations(result: AxeResult): string {
  return result.violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}

async function expectNoViolations(page: SitePage): Promise<void> {
  const result = await axe(page);
  expect(result.violations.map((v) => v.id), describeViolations(result)).to.deep.equal([]);
}

async function openDialog(page: SitePage): Promise<HTMLDialogElement> {
  await page.window.consentGate.openPreferences();
  const dialog = page.inWidget<HTMLDialogElement>('dialog')!;
  await waitFor(() => dialog.open, 'the dialog to open');
  return dialog;
}

describe('<consent-gate> under axe-core', () => {
  for (const placement of ['bottom', 'corner', 'center']) {
    it(`finds nothing on a page with the ${placement} banner`, async () => {
      const page = await open({ config: { placement } });
      expect(page.bannerShown()).to.equal(true);
      await expectNoViolations(page);
    });
  }

  it('finds nothing with the preferences dialog open', async () => {
    const page = await open({});
    await openDialog(page);
    await expectNoViolations(page);
  });

  it('finds nothing with a category locked by Global Privacy Control, and the dialog says why', async () => {
    const page = await open({ config: { categories: { marketing: { label: 'Marketing', gpc: true } } }, params: { gpc: '1' } });
    const dialog = await openDialog(page);
    const marketing = page.inWidget<HTMLInputElement>('[data-category="marketing"]')!;
    expect(marketing.disabled).to.equal(true);
    expect(marketing.checked).to.equal(false);
    const note = page.widget().shadowRoot!.getElementById(marketing.getAttribute('aria-describedby')!)!;
    expect(note.textContent).to.include('Global Privacy Control');
    expect(dialog.contains(note)).to.equal(true);
    await expectNoViolations(page);
  });

  it('finds nothing in dark mode, banner and dialog', async () => {
    const page = await open({ config: { theme: 'dark' } });
    const banner = page.inWidget('[role="region"]')!;
    expect(getComputedStyle(banner).backgroundColor, 'the dark background').to.equal('rgb(27, 31, 36)');
    await expectNoViolations(page);
    await openDialog(page);
    await expectNoViolations(page);
  });

  it('finds nothing in Arabic, right to left, banner and dialog', async () => {
    const page = await open({ config: { language: 'ar' } });
    await waitFor(() => page.inWidget('[role="region"]')?.getAttribute('aria-label') === 'الخصوصية', 'the Arabic texts');
    expect(getComputedStyle(page.inWidget('[role="region"]')!).direction).to.equal('rtl');
    await expectNoViolations(page);
    await openDialog(page);
    await expectNoViolations(page);
  });

  it('finds nothing on a page with blocked iframes behind placeholders', async () => {
    const page = await open({ fixture: '/test/fixtures/gated-page.html', config: { categories: { marketing: { label: 'Marketing' } } } });
    const placeholder = page.document.querySelector('consent-gate-placeholder')!;
    await waitFor(() => !!placeholder.shadowRoot?.querySelector('button'), 'the placeholder');
    await expectNoViolations(page);
  });

  it('can fail: reports a button without a name', async () => {
    const page = await open({});
    page.button('Accept all', 'banner').textContent = '';
    const result = await axe(page);
    expect(result.violations.map((v) => v.id)).to.include('button-name');
  });
});
