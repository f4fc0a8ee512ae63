/**
 * Google Consent Mode v2 on a real page: the dataLayer sequence for the
 * default, a restored choice, updates, and a choice made in another tab.
 */
import { expect } from '@esm-bundle/chai';
import { closedAfterEach, openPage, type SitePage, uniqueCookieName, waitFor } from '../helpers/page.js';

type LayerWindow = SitePage['window'] & { dataLayer: unknown[] };

const pages = closedAfterEach();

const MAPPING = { analytics: ['analytics_storage'], marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'] };
const DENIED = { analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' };

async function open(cookieName: string, params: Record<string, string> = {}): Promise<SitePage> {
  const page = await openPage({
    config: { cookie: { name: cookieName }, categories: { marketing: { label: 'Marketing' } }, googleConsentMode: MAPPING },
    params,
  });
  pages.push(page);
  return page;
}

/** The consent commands on the page's dataLayer, as plain arrays, after checking each is an `arguments` object. */
function consentCommands(page: SitePage): unknown[][] {
  const layer = (page.window as LayerWindow).dataLayer;
  return layer
    .filter((entry) => (entry as ArrayLike<unknown>)[0] === 'consent')
    .map((entry) => {
      expect(Object.prototype.toString.call(entry), 'pushed as gtag does').to.equal('[object Arguments]');
      return Array.from(entry as ArrayLike<unknown>);
    });
}

describe('Google Consent Mode v2', () => {
  it('puts a default with every mapped type denied first, then an update for each choice', async () => {
    const page = await open(uniqueCookieName());
    const layer = (page.window as LayerWindow).dataLayer;
    expect(Array.from(layer[0] as ArrayLike<unknown>), 'the very first dataLayer entry').to.deep.equal([
      'consent',
      'default',
      { ...DENIED, wait_for_update: 500 },
    ]);
    expect(consentCommands(page), 'no update before a choice').to.have.length(1);
    await page.window.consentGate.set({ analytics: true });
    await page.window.consentGate.rejectAll();
    await page.window.consentGate.reset();
    expect(consentCommands(page).slice(1)).to.deep.equal([
      ['consent', 'update', { ...DENIED, analytics_storage: 'granted' }],
      ['consent', 'update', DENIED],
      ['consent', 'update', DENIED],
    ]);
  });

  it('goes through the page\'s own gtag when it defined one, after what the page pushed', async () => {
    const page = await open(uniqueCookieName(), { gtag: '1' });
    const layer = (page.window as LayerWindow).dataLayer;
    expect((layer[0] as ArrayLike<unknown>)[0], 'the page\'s own command stays first').to.equal('js');
    expect(Array.from(layer[1] as ArrayLike<unknown>)).to.deep.equal(['consent', 'default', { ...DENIED, wait_for_update: 500 }]);
    await page.window.consentGate.acceptAll();
    expect(consentCommands(page).at(-1)).to.deep.equal([
      'consent',
      'update',
      { analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' },
    ]);
  });

  it('sends the restored choice as an update right after the default, before ready', async () => {
    const cookieName = uniqueCookieName();
    const first = await open(cookieName);
    await first.window.consentGate.set({ marketing: true });
    const second = await open(cookieName);
    expect(consentCommands(second)).to.deep.equal([
      ['consent', 'default', { ...DENIED, wait_for_update: 500 }],
      ['consent', 'update', { analytics_storage: 'denied', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' }],
    ]);
  });

  it('sends an update when the choice changes in another tab', async () => {
    const cookieName = uniqueCookieName();
    const one = await open(cookieName);
    const two = await open(cookieName);
    await one.window.consentGate.set({ analytics: true });
    await waitFor(() => consentCommands(two).length === 2, 'the update in the other tab', 3000);
    expect(consentCommands(two)[1]).to.deep.equal(['consent', 'update', { ...DENIED, analytics_storage: 'granted' }]);
  });

  it('denies every Consent Mode type, and never grants one, when googleConsentMode cannot be read', async () => {
    // "marketing" is not a configured category here: the mapping is a config error.
    const page = await openPage({ config: { cookie: { name: uniqueCookieName() }, googleConsentMode: MAPPING } });
    pages.push(page);
    const all = Object.fromEntries(
      ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'].map(
        (type) => [type, 'denied'],
      ),
    );
    expect(page.window.__errors.filter((message) => message.includes('"googleConsentMode.marketing"'))).to.have.length(1);
    expect(page.window.__errors.find((message) => message.includes('"googleConsentMode.marketing"'))).to.include('every Consent Mode type stays denied');
    const layer = (page.window as LayerWindow).dataLayer;
    expect(Array.from(layer[0] as ArrayLike<unknown>), 'the very first dataLayer entry').to.deep.equal(['consent', 'default', { ...all, wait_for_update: 500 }]);
    await page.window.consentGate.acceptAll();
    expect(page.window.consentGate.has('analytics'), 'the choice itself is kept').to.equal(true);
    expect(consentCommands(page).slice(1)).to.deep.equal([['consent', 'update', all]]);
  });
});
