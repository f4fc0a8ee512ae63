/**
 * 1,000 rapid choices, through the API and through the UI, end in the last
 * choice, with one replay at most and no listeners left behind.
 */
import { expect } from '@esm-bundle/chai';
import { DIST_ENTRY, envelopes, pagesClosedAfterEach, replayItems, sentrySetup, sleep } from '../helpers/sentry.js';
import { openPage, waitFor } from '../helpers/page.js';

type CountingWindow = { __listenerCount(): number; __rejections: string[] };

describe('1,000 rapid choices', () => {
  const pages = pagesClosedAfterEach();

  it('through the API end in the last choice, with one replay and steady listeners', async function () {
    this.timeout(60_000);
    const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
    // The built widget: its replay chunk and worker are files of dist/.
    const page = await openPage({ src: [DIST_ENTRY], config: { ...config, consentLog: { url: `/__consent-log/k${Math.random().toString(36).slice(2, 10)}` } } });
    pages.push(page);
    const gate = page.window.consentGate;
    const counting = page.window as unknown as CountingWindow;
    /** 500 mixed choices at once, then the same final one. */
    const burst = async () => {
      const runs: Promise<void>[] = [];
      for (let i = 0; i < 500; i++) {
        runs.push(i % 3 === 0 ? gate.acceptAll() : i % 3 === 1 ? gate.rejectAll() : gate.set({ replay: i % 2 === 0, analytics: true }));
      }
      runs.push(gate.set({ replay: true, analytics: false }));
      await Promise.all(runs);
    };
    /** The page's JS heap after a full collection, where Chromium exposes both (else null). */
    const heap = async () => {
      const win = page.window as unknown as { gc?: () => void; performance: { memory?: { usedJSHeapSize: number } } };
      if (!win.gc || !win.performance.memory) return null;
      win.gc();
      await sleep(100);
      win.gc();
      return win.performance.memory.usedJSHeapSize;
    };
    await burst();
    await sleep(500);
    // Compared in the same state (replay running adds the SDK's own listeners).
    const afterFirst = counting.__listenerCount();
    const heapAfterFirst = await heap();
    await burst();
    await sleep(500);
    const heapAfterSecond = await heap();
    if (heapAfterFirst !== null && heapAfterSecond !== null) {
      // 500 more choices keep nothing for good: 2 MB of slack for what is still in flight (500 consent-record
      // posts) and the replay buffer, which grows with time, not with choices.
      expect(heapAfterSecond - heapAfterFirst, `heap ${heapAfterFirst} → ${heapAfterSecond}`).to.be.below(2_000_000);
    }
    expect(gate.get()!.categories).to.deep.equal({ necessary: true, analytics: false, replay: true });
    expect(JSON.parse(gate.export()).record.granted, 'the record of the last choice').to.deep.equal(['necessary', 'replay']);
    expect(counting.__listenerCount(), 'listeners after 500 more choices').to.be.at.most(afterFirst);
    page.document.getElementById('page-button')!.click();
    await waitFor(async () => replayItems(await envelopes(key)).length > 0, 'a replay', 20_000);
    await sleep(1500);
    const replayIds = new Set((await envelopes(key)).filter((envelope) => replayItems([envelope]).length > 0).map((envelope) => envelope.header.event_id));
    expect(replayIds.size, 'one replay').to.equal(1);
    expect(counting.__rejections).to.deep.equal([]);
  });

  it('through the UI end in the last choice, with steady listeners', async function () {
    this.timeout(60_000);
    const page = await openPage({ config: { cookie: { name: `cg_test_ui${Math.random().toString(36).slice(2, 8)}` } } });
    pages.push(page);
    const counting = page.window as unknown as CountingWindow;
    page.button('Reject all', 'banner').click();
    await waitFor(() => page.window.consentGate.get() !== null, 'the first choice');
    /** 500 choices in the dialog, then the same final one. */
    const rounds = async () => {
      for (let i = 0; i < 500; i++) {
        await page.widget().openPreferences();
        const analytics = page.inWidget<HTMLInputElement>('[data-category="analytics"]')!;
        if (i % 2 === 0) analytics.click();
        page.button(i % 5 === 0 ? 'Accept all' : i % 5 === 1 ? 'Reject all' : 'Save preferences', 'dialog').click();
      }
      await page.widget().openPreferences();
      page.inWidget<HTMLInputElement>('[data-category="replay"]')!.checked = true;
      page.inWidget<HTMLInputElement>('[data-category="analytics"]')!.checked = false;
      page.button('Save preferences', 'dialog').click();
      await waitFor(() => page.window.consentGate.has('replay') && !page.window.consentGate.has('analytics'), 'the last choice');
      await sleep(300);
    };
    await rounds();
    const afterFirst = counting.__listenerCount();
    await rounds();
    expect(page.window.consentGate.get()!.categories).to.deep.equal({ necessary: true, analytics: false, replay: true });
    expect(page.inWidget<HTMLDialogElement>('dialog')?.open ?? false).to.equal(false);
    expect(counting.__listenerCount(), 'listeners after 500 more choices').to.be.at.most(afterFirst);
    expect(counting.__rejections).to.deep.equal([]);
  });
});
