/**
 * A page that requires Trusted Types for scripts (`require-trusted-types-for
 * 'script'`, policies limited to consent-gate's and Lit's): banner, dialog,
 * Accept all, gated scripts, replay with its worker, and withdrawal, without
 * one violation, in every engine that enforces Trusted Types.
 */
import { expect } from '@esm-bundle/chai';
import { items, pagesClosedAfterEach, sentrySetup, waitForItem } from '../helpers/sentry.js';
import { openPage, waitFor, type SitePage } from '../helpers/page.js';

describe('under Trusted Types', () => {
  const pages = pagesClosedAfterEach();

  it('runs banner, dialog, gated scripts, replay and withdrawal without a violation', async function () {
    this.timeout(40_000);
    const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
    const page: SitePage = await openPage({ fixture: '/test/fixtures/trusted-types.html', src: ['none'], windowConfig: config });
    pages.push(page);
    const enforced = (() => {
      try {
        page.document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch {
        return true;
      }
    })();
    if (!enforced) this.skip(); // this engine has no Trusted Types
    expect(page.bannerShown()).to.equal(true);
    await page.window.consentGate.openPreferences();
    page.button('Accept all', 'dialog').click();
    await waitFor(() => page.window.consentGate.get() !== null, 'the choice');
    const ran = (page.window as unknown as { __ran: string[] }).__ran;
    await waitFor(() => ran.includes('tt-inline') && ran.includes('tt-external'), 'the gated scripts');
    page.document.getElementById('page-button')!.click();
    const list = await waitForItem(key, 'replay_recording', 20_000);
    expect(items(list, 'replay_recording')[0]!.recording!.compressed, 'the worker ran').to.equal(true);
    await page.window.consentGate.rejectAll();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // (The probe above is not ours either.)
    const ours = page.violations().filter((violation) => !violation.includes('<b>x</b>'));
    expect(ours, ours.join('\n')).to.deep.equal([]);
  });
});
