/**
 * The built-in cookieless analytics against the test server's
 * Plausible-compatible endpoint: events leave the page only while the
 * analytics category is granted.
 */
import { expect } from '@esm-bundle/chai';
import { closedAfterEach, openPage, type SitePage, uniqueCookieName, waitFor } from '../helpers/page.js';

type PlausibleWindow = SitePage['window'] & { plausible: (name: string, options?: object) => void };
interface ReceivedEvent {
  name: string;
  url: string;
  domain: string;
  props?: Record<string, unknown>;
  contentType: string;
  cookie: string;
}

const pages = closedAfterEach();

const uniqueDomain = () => `site-${Math.random().toString(36).slice(2, 10)}.example`;

async function open(domain: string, cookieName = uniqueCookieName(), params: Record<string, string> = {}): Promise<SitePage> {
  const page = await openPage({
    config: { cookie: { name: cookieName }, analytics: { endpoint: '/__analytics/api/event', domain } },
    params,
  });
  pages.push(page);
  return page;
}

async function received(domain: string): Promise<ReceivedEvent[]> {
  return (await fetch(`/__analytics/events?domain=${domain}`)).json();
}

const settle = (ms = 700) => new Promise((resolve) => setTimeout(resolve, ms));

describe('built-in analytics (Plausible-compatible)', () => {
  it('sends nothing before consent and fetches no analytics code', async () => {
    const domain = uniqueDomain();
    const page = await open(domain, uniqueCookieName(), { plausible: '1' });
    (page.window as PlausibleWindow).plausible('Before');
    await settle();
    expect(await received(domain)).to.deep.equal([]);
    const fetched = page.window.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(fetched.filter((url) => url.includes('analytics-client'))).to.deep.equal([]);
  });

  it('never sends a call made before consent, even when consent comes before the analytics code', async () => {
    const domain = uniqueDomain();
    // The built widget, with the analytics gate's chunk held back by the server for 1.5 s;
    // the page calls plausible('Before'), accepts, and calls plausible('After') before it arrives.
    const page = await openPage({
      src: ['/vendor/slow-gates/consent-gate/consent-gate.js'],
      config: { cookie: { name: uniqueCookieName() }, analytics: { endpoint: '/__analytics/api/event', domain } },
      params: { earlyAnalytics: '1' },
    });
    pages.push(page);
    const early = (page.window as unknown as { __early: { gateFetched: boolean; callbacks: string[] } }).__early;
    expect(early.gateFetched, 'the gate was still on its way').to.equal(false);
    expect(early.callbacks, 'a dropped call still runs its callback, at once').to.deep.equal(['Before']);
    await waitFor(async () => (await received(domain)).some((event) => event.name === 'After'), 'the call made with consent', 8000);
    await settle();
    expect((await received(domain)).map((event) => event.name)).to.deep.equal(['pageview', 'After']);
  });

  it('sends a pageview and the site\'s events once granted, as text/plain without cookies', async () => {
    const domain = uniqueDomain();
    const page = await open(domain);
    (page.window as PlausibleWindow).plausible('Dropped'); // before consent: not kept for later
    await page.window.consentGate.set({ analytics: true });
    (page.window as PlausibleWindow).plausible('Signup', { props: { plan: 'team' } });
    await waitFor(async () => (await received(domain)).length >= 2, 'two events');
    await settle(300);
    const events = await received(domain);
    // (Two requests in flight together may arrive in either order.)
    expect(events.map((event) => event.name).sort()).to.deep.equal(['Signup', 'pageview']);
    expect(events.find((event) => event.name === 'pageview')!.url).to.equal(page.window.location.href);
    expect(events.find((event) => event.name === 'Signup')!.props).to.deep.equal({ plan: 'team' });
    for (const event of events) {
      expect(event.contentType).to.match(/^text\/plain/);
      expect(event.cookie, 'no cookies sent').to.equal('');
    }
  });

  it('sends nothing more after withdrawal, without a reload, and resumes on a new grant', async () => {
    const domain = uniqueDomain();
    const page = await open(domain);
    await page.window.consentGate.set({ analytics: true });
    await waitFor(async () => (await received(domain)).length === 1, 'the pageview');
    await page.window.consentGate.set({ analytics: false });
    const plausible = () => (page.window as PlausibleWindow).plausible;
    plausible()('AfterWithdrawal');
    page.window.history.pushState({}, '', '?spa=1');
    await settle();
    expect((await received(domain)).map((event) => event.name)).to.deep.equal(['pageview']);
    await page.window.consentGate.set({ analytics: true });
    plausible()('AfterRegrant');
    page.window.history.pushState({}, '', '?spa=2');
    await waitFor(async () => (await received(domain)).length === 3, 'two more events');
    // (Sent at once, in parallel: they may arrive in either order.)
    const events = await received(domain);
    expect(events.map((event) => event.name)).to.have.members(['pageview', 'AfterRegrant', 'pageview']);
    expect(events.filter((event) => event.name === 'pageview').map((event) => event.url).at(-1)).to.include('?spa=2');
  });

  it('still calls a dropped event\'s callback (outbound-link handlers navigate in it)', async () => {
    const domain = uniqueDomain();
    const page = await open(domain);
    let called = 0;
    (page.window as PlausibleWindow).plausible('Outbound Link: Click', { callback: () => called++ });
    expect(called).to.equal(1);
    await settle(300);
    expect(await received(domain)).to.deep.equal([]);
  });

  it('sends the queue of Plausible\'s snippet when consent was given on an earlier page view', async () => {
    const domain = uniqueDomain();
    const cookieName = uniqueCookieName();
    const first = await open(domain, cookieName);
    await first.window.consentGate.set({ analytics: true });
    const second = await open(domain, cookieName, { plausible: '1' });
    await waitFor(async () => (await received(domain)).filter((event) => event.name === 'Early').length === 1, 'the queued event');
    expect(second.window.consentGate.has('analytics')).to.equal(true);
  });
});
