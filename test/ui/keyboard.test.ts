/**
 * The visitor's journey by keyboard alone, on a real site page, and WCAG 2.2
 * "Focus Not Obscured": tabbing through a long page never leaves the focused
 * element under the fixed banner.
 */
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { closedAfterEach, openPage, type SitePage, uniqueCookieName, waitFor } from '../helpers/page.js';

const pages = closedAfterEach();

async function open(options: Parameters<typeof openPage>[0]): Promise<SitePage> {
  const page = await openPage(options);
  pages.push(page);
  return page;
}

const focused = (page: SitePage) => page.focused();

const nameOf = (element: Element | null): string =>
  element ? (element.getAttribute('aria-label') ?? element.getAttribute('data-category') ?? element.textContent!.trim()) : 'nothing';

/** Presses Tab until `wanted` holds for the focused element, at most `limit` times. */
async function tabUntil(page: SitePage, wanted: (element: Element | null) => boolean, what: string, limit = 12): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (wanted(focused(page))) return;
    await sendKeys({ press: 'Tab' });
  }
  if (!wanted(focused(page))) throw new Error(`Tab never reached ${what}; focus is on ${nameOf(focused(page))}`);
}

/** Two animation frames of the page: its own focus scrolling and ours have happened. */
const settled = (page: SitePage) =>
  new Promise((resolve) => page.window.requestAnimationFrame(() => page.window.requestAnimationFrame(resolve)));

describe('<consent-gate> by keyboard alone', () => {
  it('reaches the banner first, chooses in the dialog, reopens it from the footer link and returns focus on Escape', async () => {
    const page = await open({ config: { cookie: { name: uniqueCookieName() } } });
    page.window.focus();
    await tabUntil(page, (element) => nameOf(element) === 'Accept all', 'Accept all', 3);
    const banner = page.inWidget('[role="region"]')!;
    expect(banner.contains(focused(page)), 'the first stop is in the banner').to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(nameOf(focused(page))).to.equal('Reject all');
    await sendKeys({ press: 'Tab' });
    expect(nameOf(focused(page))).to.equal('Preferences');

    await sendKeys({ press: 'Enter' });
    await waitFor(() => page.inWidget<HTMLDialogElement>('dialog')?.open, 'the dialog to open');
    const dialog = page.inWidget<HTMLDialogElement>('dialog')!;
    expect(dialog.contains(focused(page)), 'focus moves into the dialog').to.equal(true);
    const analytics = page.inWidget<HTMLInputElement>('[data-category="analytics"]')!;
    expect(page.inWidget<HTMLInputElement>('[data-category="necessary"]')!.checked, 'necessary is on').to.equal(true);
    expect(analytics.checked, 'nothing pre-ticked').to.equal(false);
    await tabUntil(page, (element) => element === analytics, 'the Analytics switch');
    await sendKeys({ press: ' ' });
    expect(analytics.checked, 'Space toggles the switch').to.equal(true);
    await tabUntil(page, (element) => nameOf(element) === 'Save preferences', 'Save preferences');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => page.window.consentGate.get() !== null, 'the choice to be saved');
    expect(page.window.consentGate.get()!.categories).to.deep.equal({ necessary: true, analytics: true, replay: false });
    expect(dialog.open).to.equal(false);
    expect(banner.hidden, 'the banner is gone').to.equal(true);
    // Its Preferences button (the opener) is hidden with it: the next Tab starts
    // where the banner was, at the top of the page.
    await sendKeys({ press: 'Tab' });
    expect(focused(page), 'the next Tab reaches the page').to.equal(page.document.getElementById('page-button'));
    await waitFor(() => page.inWidget('[role="status"]')!.textContent!.includes('Analytics'), 'the saved choice to be announced');

    const footerLink = page.document.getElementById('footer-link')!;
    await tabUntil(page, (element) => element === footerLink, 'the footer Preferences link');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => dialog.open, 'the dialog to open again');
    expect(page.inWidget<HTMLInputElement>('[data-category="analytics"]')!.checked, 'it shows the current choice').to.equal(true);
    await tabUntil(page, (element) => (element as HTMLElement | null)?.dataset?.category === 'analytics', 'the Analytics switch');
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog.open, 'Escape to close the dialog');
    await waitFor(() => focused(page) === footerLink, 'focus back on the footer link');
    expect(page.window.consentGate.get()!.categories.analytics, 'Escape saved nothing').to.equal(true);
  });

  it('returns focus to the banner Preferences button when the close button closes the dialog', async () => {
    const page = await open({ config: { cookie: { name: uniqueCookieName() } } });
    const preferences = page.button('Preferences', 'banner');
    preferences.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => page.inWidget<HTMLDialogElement>('dialog')?.open, 'the dialog to open');
    const dialog = page.inWidget<HTMLDialogElement>('dialog')!;
    await tabUntil(page, (element) => nameOf(element) === 'Close', 'the close button');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !dialog.open, 'the dialog to close');
    await waitFor(() => focused(page) === preferences, 'focus back on the banner button');
    expect(page.window.consentGate.get()).to.equal(null);
  });
});

describe('Focus Not Obscured (WCAG 2.2)', () => {
  for (const placement of ['bottom', 'corner', 'center']) {
    it(`never leaves a focused page element under the ${placement} banner while tabbing through a long page`, async () => {
      const page = await open({
        fixture: '/test/fixtures/long-page.html',
        config: { placement, cookie: { name: uniqueCookieName() } },
      });
      page.frame.style.height = '480px';
      const banner = page.inWidget('[role="region"]')!;
      const first = page.document.querySelector('main button') as HTMLButtonElement;
      page.window.focus();
      first.focus();
      const covered: string[] = [];
      const visited = new Set<Element>();
      const last = page.document.getElementById('footer-link')!;
      for (let i = 0; i < 40 && focused(page) !== last; i++) {
        await sendKeys({ press: 'Tab' });
        await settled(page);
        const element = page.document.activeElement;
        if (!element || element.localName === 'consent-gate' || element === page.document.body) continue;
        visited.add(element);
        const a = element.getBoundingClientRect();
        const b = banner.getBoundingClientRect();
        if (a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right) {
          covered.push(`${nameOf(element)} at ${Math.round(a.top)}..${Math.round(a.bottom)} under ${Math.round(b.top)}..${Math.round(b.bottom)}`);
        }
      }
      expect(visited.size, 'Tab moved through the page').to.be.at.least(15);
      expect(covered, covered.join('\n')).to.deep.equal([]);
    });
  }

  it('pads the document by the banner height while it shows, and puts the page\'s own inline style back after', async () => {
    const page = await open({ fixture: '/test/fixtures/long-page.html', config: { cookie: { name: uniqueCookieName() } } });
    const root = page.document.documentElement;
    const banner = page.inWidget('[role="region"]')!;
    await waitFor(() => root.style.scrollPaddingBottom !== '', 'scroll-padding-bottom');
    const height = banner.getBoundingClientRect().height;
    expect(parseFloat(root.style.scrollPaddingBottom), 'the page\'s own 20px plus the banner').to.be.at.least(height + 20);
    expect(parseFloat(root.style.paddingBottom), 'room to scroll the last elements above it').to.be.at.least(height);
    expect(root.style.scrollPaddingLeft, 'the page\'s own value untouched').to.equal('4px');
    page.button('Reject all', 'banner').click();
    await waitFor(() => root.style.scrollPaddingBottom === '' && root.style.paddingBottom === '', 'the padding to go');
    expect(getComputedStyle(root).scrollPaddingBottom, 'the page\'s own value is back').to.equal('20px');
    expect(root.getAttribute('style')).to.equal('scroll-padding-left: 4px;');
  });
});
