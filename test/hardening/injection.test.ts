/**
 * Injection: every text a site can configure, filled with markup and script,
 * renders as text everywhere (banner, dialog, placeholder, declaration), and
 * no policy link with a dangerous scheme survives.
 */
import { expect } from '@esm-bundle/chai';
import { TEXT_KEYS } from '../../src/consent/config.js';
import { pagesClosedAfterEach } from '../helpers/sentry.js';
import { openPage, uniqueCookieName, waitFor } from '../helpers/page.js';

const PAYLOAD = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>`;
const ALLOWED_TAGS = new Set(['div', 'section', 'h2', 'h3', 'p', 'span', 'a', 'button', 'dialog', 'ul', 'li', 'label', 'input', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'style']);

describe('injection', () => {
  const pages = pagesClosedAfterEach();

  it('renders markup from every configurable text as text, in every part of the widget', async () => {
    const strings = Object.fromEntries(TEXT_KEYS.map((key) => [key, `${key} ${PAYLOAD} {on}{off}{source}{category}{days}`]));
    const page = await openPage({
      fixture: '/test/fixtures/gated-page.html',
      config: {
        cookie: { name: uniqueCookieName() },
        policyUrl: '/privacy',
        strings: { en: strings },
        categories: {
          analytics: { label: `Analytics ${PAYLOAD}`, description: `Counts ${PAYLOAD}`, cookies: ['_x'] },
          marketing: { label: { en: `Marketing ${PAYLOAD}` }, description: PAYLOAD },
        },
      },
    });
    pages.push(page);
    const declaration = page.document.createElement('consent-gate-declaration');
    page.document.body.append(declaration);
    await page.window.consentGate.openPreferences();
    const placeholder = page.document.querySelector('consent-gate-placeholder')!;
    await waitFor(() => !!placeholder.shadowRoot?.querySelector('button') && !!declaration.querySelector('table'), 'everything rendered');
    const roots: ParentNode[] = [page.widget().shadowRoot!, placeholder.shadowRoot!, declaration];
    for (const root of roots) {
      const tags = new Set([...root.querySelectorAll('*')].map((element) => element.localName));
      const foreign = [...tags].filter((tag) => !ALLOWED_TAGS.has(tag));
      expect(foreign, 'elements no template makes').to.deep.equal([]);
    }
    expect(page.widget().shadowRoot!.textContent).to.include('<img src=x onerror=');
    expect(declaration.textContent).to.include('<script>window.__pwned=2</script>');
    page.widget().closePreferences();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((page.window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  const policyUrls = [
    'javascript:window.__pwned=3',
    ' javascript:window.__pwned=3',
    'JAVASCRIPT:window.__pwned=3',
    'java\nscript:window.__pwned=3',
    'data:text/html,<script>window.__pwned=4</script>',
    '//evil.example/privacy',
    '/\\evil.example/privacy',
    '\\\\evil.example\\privacy',
    'vbscript:msgbox(1)',
    'https://user:pass@evil.example/',
  ];
  it('shows no policy link for javascript:, data:, protocol-relative and other tricks, and says why', async () => {
    for (const policyUrl of policyUrls) {
      const page = await openPage({ config: { cookie: { name: uniqueCookieName() }, policyUrl } });
      pages.push(page);
      expect(page.inWidget('[role="region"] a'), JSON.stringify(policyUrl)).to.equal(null);
      expect(page.window.__errors.some((message) => message.includes('"policyUrl"')), JSON.stringify(policyUrl)).to.equal(true);
      page.close();
    }
  });
});
