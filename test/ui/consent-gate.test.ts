import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { parseConfig } from '../../src/consent/config.js';
import { memoryCookieJar } from '../../src/consent/cookie.js';
import { ConsentStore } from '../../src/consent/store.js';
import { defineConsentGate, type ConsentGateElement } from '../../src/ui/consent-gate.js';
import { waitFor } from '../helpers/page.js';

defineConsentGate();

async function mount(rawConfig: unknown = {}): Promise<{ element: ConsentGateElement; store: ConsentStore; link: HTMLAnchorElement }> {
  const store = new ConsentStore({ config: parseConfig(rawConfig, () => {}), jar: memoryCookieJar() });
  const link = document.createElement('a');
  link.href = '#consent-preferences';
  link.textContent = 'Preferences';
  link.addEventListener('click', (event) => {
    event.preventDefault();
    void element.openPreferences(link);
  });
  const element = document.createElement('consent-gate');
  element.store = store;
  document.body.append(link, element);
  await element.updateComplete;
  return { element, store, link };
}

const root = (element: ConsentGateElement) => element.shadowRoot!;
const dialogOf = (element: ConsentGateElement) => root(element).querySelector('dialog')!;
const deepActive = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};
const buttonNamed = (scope: ParentNode, name: string) =>
  [...scope.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name)!;

afterEach(() => {
  document.body.replaceChildren();
});

describe('<consent-gate>', () => {
  it('gives Accept all and Reject all the same size and style', async () => {
    const { element } = await mount();
    const banner = root(element).querySelector('[role="region"]')!;
    const accept = buttonNamed(banner, 'Accept all');
    const reject = buttonNamed(banner, 'Reject all');
    const a = accept.getBoundingClientRect();
    const r = reject.getBoundingClientRect();
    expect(Math.round(a.height)).to.equal(Math.round(r.height));
    expect(Math.abs(a.width - r.width)).to.be.below(2);
    const style = (b: Element) => {
      const s = getComputedStyle(b);
      return [s.backgroundColor, s.color, s.borderColor, s.fontWeight, s.fontSize];
    };
    expect(style(accept)).to.deep.equal(style(reject));
  });

  it('renders config labels and descriptions as text, never as HTML', async () => {
    const { element } = await mount({
      categories: { analytics: { label: '<img src=x onerror="window.__pwned=1">Stats', description: '<b>bold</b>' } },
    });
    await element.openPreferences();
    const dialog = dialogOf(element);
    expect(dialog.querySelector('img')).to.equal(null);
    expect(dialog.querySelector('b')).to.equal(null);
    expect(dialog.textContent).to.include('<img src=x onerror="window.__pwned=1">Stats');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    element.closePreferences();
  });

  it('returns focus to the footer link when Escape closes the dialog, without saving', async () => {
    const { element, store, link } = await mount();
    link.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => dialogOf(element).open, 'the dialog to open');
    expect(root(element).activeElement, 'focus moves into the dialog').to.not.equal(null);
    const analytics = root(element).querySelector<HTMLInputElement>('[data-category="analytics"]')!;
    analytics.focus();
    await sendKeys({ press: ' ' });
    expect(analytics.checked, 'Space toggles the switch').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialogOf(element).open, 'the dialog to close');
    expect(store.state, 'nothing saved').to.equal(null);
    await waitFor(() => deepActive() === link, 'focus back on the footer link');
    await element.openPreferences(link);
    expect(root(element).querySelector<HTMLInputElement>('[data-category="analytics"]')!.checked, 'the abandoned toggle is gone').to.equal(false);
    element.closePreferences();
  });

  it('saves a choice made by keyboard alone', async () => {
    const { element, store } = await mount();
    const preferences = buttonNamed(root(element).querySelector('[role="region"]')!, 'Preferences');
    preferences.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => dialogOf(element).open, 'the dialog to open');
    root(element).querySelector<HTMLInputElement>('[data-category="replay"]')!.focus();
    await sendKeys({ press: ' ' });
    buttonNamed(dialogOf(element), 'Save preferences').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => store.state !== null, 'the choice');
    expect(store.state!.categories).to.deep.equal({ necessary: true, analytics: false, replay: true });
    await waitFor(() => root(element).querySelector('[role="status"]')!.textContent!.includes('On:'), 'the announcement');
    expect(root(element).querySelector('[role="status"]')!.textContent).to.include('Session replay');
  });

  it('shows the current choice when taken out of the page and put back (an SPA re-rendering <body>)', async () => {
    const { element, store } = await mount();
    const banner = () => root(element).querySelector<HTMLElement>('[role="region"]')!;
    expect(banner().hidden).to.equal(false);
    element.remove();
    await store.acceptAll();
    document.body.append(element);
    await element.updateComplete;
    expect(banner().hidden, 'chosen while away: no banner').to.equal(true);
    element.remove();
    await store.reset();
    document.body.append(element);
    await element.updateComplete;
    expect(banner().hidden, 'reset while away: the banner again').to.equal(false);
    await waitFor(() => document.documentElement.style.scrollPaddingBottom !== '', 'focus clearance to restart');
  });

  it('puts every text node of its templates inside an element (replay masks by parent element)', async () => {
    const { element } = await mount({ policyUrl: '/privacy' });
    await element.openPreferences();
    const walker = document.createTreeWalker(root(element), NodeFilter.SHOW_TEXT);
    const bare: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentNode === root(element) && node.textContent!.trim()) bare.push(node.textContent!);
    }
    expect(bare).to.deep.equal([]);
    element.closePreferences();
  });
});
