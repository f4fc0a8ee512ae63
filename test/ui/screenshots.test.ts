/**
 * Screenshot tests of the banner and the dialog (Chromium only: baselines are
 * pixels of one engine). Baselines live in test/ui/screenshots/baseline/ and are
 * drawn in DejaVu Sans (installed by .ci/run) so they do not depend on the
 * machine's default fonts. After a deliberate change of the look:
 *
 *   UPDATE_SCREENSHOTS=1 BROWSERS=chromium npm test -- --files test/ui/screenshots.test.ts
 *
 * and look at the new PNGs before committing them. A failed comparison writes
 * the new image and a diff to test/ui/screenshots/failed/.
 */
import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { parseConfig } from '../../src/consent/config.js';
import { memoryCookieJar } from '../../src/consent/cookie.js';
import { ConsentStore } from '../../src/consent/store.js';
import { defineConsentGate, type ConsentGateElement } from '../../src/ui/consent-gate.js';
import { loadLocale } from '../../src/ui/i18n.js';

defineConsentGate();

const isChromium = navigator.userAgent.includes('Chrome/');

async function mount(config: Record<string, unknown>, width = 900): Promise<ConsentGateElement> {
  await setViewport({ width, height: 640 });
  const resolved = parseConfig({ policyUrl: '/privacy', ...config }, () => {});
  const store = new ConsentStore({ config: resolved, jar: memoryCookieJar() });
  const element = document.createElement('consent-gate');
  element.style.setProperty('--consent-gate-font', "'DejaVu Sans'");
  element.locale = await loadLocale(typeof config.language === 'string' ? config.language : 'en', resolved.strings, () => {});
  element.store = store;
  document.body.append(element);
  await element.updateComplete;
  await document.fonts.ready;
  return element;
}

async function shoot(element: ConsentGateElement, name: string): Promise<void> {
  const banner = element.shadowRoot!.querySelector<HTMLElement>('[role="region"]')!;
  expect(banner.hidden).to.equal(false);
  await visualDiff(banner, `banner-${name}`);
  await element.openPreferences();
  const dialog = element.shadowRoot!.querySelector('dialog')!;
  expect(dialog.open).to.equal(true);
  // The close button has focus (the first control); blur it so the ring is not part of the picture.
  (element.shadowRoot!.activeElement as HTMLElement | null)?.blur();
  await visualDiff(dialog, `dialog-${name}`);
  element.closePreferences();
}

afterEach(() => {
  document.body.replaceChildren();
});

(isChromium ? describe : describe.skip)('<consent-gate> screenshots (Chromium)', () => {
  it('light', async () => {
    await shoot(await mount({ theme: 'light' }), 'light');
  });

  it('dark', async () => {
    await shoot(await mount({ theme: 'dark' }), 'dark');
  });

  it('Arabic, right to left', async () => {
    await shoot(await mount({ theme: 'light', language: 'ar' }), 'arabic');
  });

  it('360 px wide', async () => {
    await shoot(await mount({ theme: 'light' }, 360), '360px');
  });

  it('corner box', async () => {
    const element = await mount({ theme: 'light', placement: 'corner' });
    await visualDiff(element.shadowRoot!.querySelector<HTMLElement>('[role="region"]')!, 'banner-corner');
  });
});
