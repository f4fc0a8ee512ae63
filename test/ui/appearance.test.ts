/**
 * How the widget sits on a page and takes the site's and the visitor's styles:
 * no layout shift, phones from 320 px, placements, light/dark, forced colours,
 * reduced motion, visible focus, custom properties and parts.
 */
import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { BUILT_IN_LANGUAGES, loadLocale } from '../../src/ui/i18n.js';
import { closedAfterEach, type OpenOptions, openPage, type SitePage, uniqueCookieName, waitFor } from '../helpers/page.js';

const pages = closedAfterEach();

async function open(config: Record<string, unknown> = {}, options: OpenOptions = {}, width = 900): Promise<SitePage> {
  const page = await openPage({ config: { cookie: { name: uniqueCookieName() }, policyUrl: '/privacy', ...config }, ...options });
  pages.push(page);
  page.frame.style.width = `${width}px`;
  await new Promise((resolve) => page.window.requestAnimationFrame(resolve));
  return page;
}

/**
 * Media features can be emulated only through Chromium's DevTools protocol (the
 * Firefox and WebKit drivers here offer no emulation); elsewhere these tests
 * show as skipped.
 */
const canEmulateMedia = navigator.userAgent.includes('Chrome/');

const background = (element: Element) => getComputedStyle(element).backgroundColor;

describe('<consent-gate> on the page', () => {
  it('moves nothing on the page: content keeps its place with and without the widget', async () => {
    const page = await open();
    const marks = ['h1', '#page-button', '#footer-link'].map((selector) => page.document.querySelector(selector)!);
    const withWidget = marks.map((element) => JSON.stringify(element.getBoundingClientRect()));
    page.widget().remove();
    await new Promise((resolve) => page.window.requestAnimationFrame(resolve));
    expect(marks.map((element) => JSON.stringify(element.getBoundingClientRect()))).to.deep.equal(withWidget);
    const Observer = (page.window as unknown as typeof globalThis).PerformanceObserver;
    if (Observer.supportedEntryTypes.includes('layout-shift')) {
      const shifts = page.window.performance.getEntriesByType('layout-shift') as (PerformanceEntry & { value: number })[];
      const buffered = await new Promise<number>((resolve) => {
        let total = shifts.reduce((sum, entry) => sum + entry.value, 0);
        const observer = new Observer((list: PerformanceObserverEntryList) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) total += entry.value;
        });
        observer.observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(total);
        }, 100);
      });
      expect(buffered, 'cumulative layout shift').to.equal(0);
    }
  });

  for (const placement of ['bottom', 'corner', 'center']) {
    it(`fits a 320 px wide phone as a ${placement} banner, every button visible and Accept/Reject the same size`, async () => {
      const page = await open({ placement }, {}, 320);
      page.frame.style.height = '568px';
      await new Promise((resolve) => page.window.requestAnimationFrame(resolve));
      const banner = page.inWidget('[role="region"]')!;
      const rect = banner.getBoundingClientRect();
      expect(rect.left).to.be.at.least(0);
      expect(rect.right).to.be.at.most(page.window.innerWidth);
      expect(rect.bottom).to.be.at.most(page.window.innerHeight);
      expect(banner.scrollWidth, 'no sideways scrolling inside').to.be.at.most(banner.clientWidth);
      expect(getComputedStyle(banner).position).to.equal('fixed');
      for (const name of ['Accept all', 'Reject all', 'Preferences']) {
        const button = page.button(name, 'banner').getBoundingClientRect();
        expect(button.left, name).to.be.at.least(rect.left);
        expect(button.right, name).to.be.at.most(rect.right);
        expect(button.bottom, name).to.be.at.most(page.window.innerHeight);
      }
      const accept = page.button('Accept all', 'banner').getBoundingClientRect();
      const reject = page.button('Reject all', 'banner').getBoundingClientRect();
      expect(Math.abs(accept.width - reject.width)).to.be.below(1);
      expect(Math.abs(accept.height - reject.height)).to.be.below(1);
    });
  }

  for (const width of [360, 900]) {
    it(`gives Accept all and Reject all the same size and style in every language, banner and dialog, ${width} px wide`, async () => {
      const page = await open({}, {}, width);
      const look = (b: Element) => ['backgroundColor', 'color', 'borderColor', 'fontWeight', 'fontSize'].map((p) => getComputedStyle(b)[p as 'color']);
      const unequal: string[] = [];
      for (const language of BUILT_IN_LANGUAGES) {
        const element = page.widget();
        element.locale = await loadLocale(language, {}, () => {});
        await element.updateComplete;
        await page.window.consentGate.openPreferences();
        for (const scope of ['banner', 'dialog'] as const) {
          const { acceptAll, rejectAll } = element.locale.strings;
          const accept = page.button(acceptAll, scope);
          const reject = page.button(rejectAll, scope);
          const a = accept.getBoundingClientRect();
          const r = reject.getBoundingClientRect();
          if (Math.abs(a.width - r.width) >= 1 || Math.abs(a.height - r.height) >= 1) {
            unequal.push(`${language} ${scope}: ${Math.round(a.width)}x${Math.round(a.height)} vs ${Math.round(r.width)}x${Math.round(r.height)}`);
          }
          expect(look(accept), `${language} ${scope}`).to.deep.equal(look(reject));
        }
        element.closePreferences();
      }
      expect(unequal, unequal.join('\n')).to.deep.equal([]);
    });
  }

  it('uses the dark colours when config fixes the dark theme, and the light ones for light', async () => {
    const dark = await open({ theme: 'dark' });
    expect(background(dark.inWidget('[role="region"]')!)).to.equal('rgb(27, 31, 36)');
    const light = await open({ theme: 'light' });
    expect(background(light.inWidget('[role="region"]')!)).to.equal('rgb(255, 255, 255)');
  });

  (canEmulateMedia ? describe : describe.skip)('with emulated media features (Chromium)', () => {
    afterEach(async () => {
      await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference', forcedColors: 'none' } as never);
    });

    it('follows prefers-color-scheme by default, unless config fixes the theme', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const auto = await open();
      expect(auto.window.matchMedia('(prefers-color-scheme: dark)').matches, 'the emulation reached the page').to.equal(true);
      expect(background(auto.inWidget('[role="region"]')!)).to.equal('rgb(27, 31, 36)');
      const fixed = await open({ theme: 'light' });
      expect(background(fixed.inWidget('[role="region"]')!)).to.equal('rgb(255, 255, 255)');
    });

    it('stops the switch from sliding when the visitor prefers reduced motion', async () => {
      const page = await open();
      await page.window.consentGate.openPreferences();
      const knob = () => getComputedStyle(page.inWidget('[data-category="analytics"]')!, '::before').transitionDuration;
      expect(knob()).to.equal('0.15s');
      await emulateMedia({ reducedMotion: 'reduce' });
      await waitFor(() => knob() === '0s', 'the transition to go');
    });

    it('keeps switches readable in forced colours (on and off look different)', async () => {
      // (The command's types predate Playwright's forcedColors option.)
      await emulateMedia({ forcedColors: 'active' } as never);
      const page = await open();
      expect(page.window.matchMedia('(forced-colors: active)').matches, 'the emulation reached the page').to.equal(true);
      await page.window.consentGate.openPreferences();
      const on = page.inWidget('[data-category="necessary"]')!;
      const off = page.inWidget('[data-category="analytics"]')!;
      expect(background(on)).to.not.equal(background(off));
      expect(getComputedStyle(on, '::before').backgroundColor).to.not.equal(background(on));
      expect(getComputedStyle(off, '::before').backgroundColor).to.not.equal(background(off));
    });
  });

  it('shows a focus ring on every control reached by keyboard, in the banner and in the dialog', async () => {
    const page = await open();
    const focused = () => page.focused();
    const nameOf = (element: Element) =>
      element.getAttribute('aria-label') ?? (element as HTMLElement).dataset.category ?? element.textContent!.trim();
    /**
     * Tabs through `expected` (in order, from the focused one) checking each ring.
     * Never one Tab more: past the last control, Firefox moves focus out of the
     * page into its own toolbar, where later keyboard tests would type.
     */
    const tabThrough = async (expected: string[]) => {
      for (const [index, name] of expected.entries()) {
        if (index > 0) await sendKeys({ press: 'Tab' });
        const active = focused()!;
        expect(nameOf(active)).to.equal(name);
        const style = getComputedStyle(active);
        expect(style.outlineStyle, name).to.equal('solid');
        expect(parseFloat(style.outlineWidth), name).to.be.at.least(2);
      }
    };
    page.window.focus();
    await sendKeys({ press: 'Tab' });
    await tabThrough(['Privacy policy', 'Accept all', 'Reject all', 'Preferences']);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => page.inWidget<HTMLDialogElement>('dialog')?.open, 'the dialog to open');
    const dialog = page.inWidget<HTMLDialogElement>('dialog')!;
    await tabThrough(['Close', 'analytics', 'replay', 'Save preferences', 'Accept all', 'Reject all']);
    page.widget().closePreferences();
  });

  it('takes the site\'s theme through custom properties and parts', async () => {
    const page = await open();
    const style = page.document.createElement('style');
    style.textContent = `
      consent-gate { --consent-gate-accent: rgb(0, 100, 0); --consent-gate-radius: 0px; }
      consent-gate::part(banner) { border-top-width: 5px; }
      consent-gate::part(reject) { text-transform: uppercase; }
    `;
    page.document.head.append(style);
    const accept = page.button('Accept all', 'banner');
    expect(background(accept)).to.equal('rgb(0, 100, 0)');
    expect(getComputedStyle(accept).borderTopLeftRadius).to.equal('0px');
    expect(getComputedStyle(page.inWidget('[role="region"]')!).borderTopWidth).to.equal('5px');
    expect(getComputedStyle(page.button('Reject all', 'banner')).textTransform).to.equal('uppercase');
  });
});
