/**
 * The npm package: every `exports` target is built, the types and the
 * custom-elements manifest describe the public surface, and the npm entry
 * works in a browser with its dependencies resolved the way a bundler does.
 */
import { expect } from '@esm-bundle/chai';
import { openPage, uniqueCookieName, waitFor } from './helpers/page.js';
import { items, sentrySetup, sleep, waitForItem } from './helpers/sentry.js';

const text = async (path: string) => {
  const response = await fetch(path, { cache: 'no-store' });
  expect(response.status, `${path} exists`).to.equal(200);
  return response.text();
};

describe('the npm package', () => {
  it('builds every exports target, the types and the manifest, and ships them', async () => {
    const pkg = JSON.parse(await text('/package.json'));
    const targets = Object.values(pkg.exports as Record<string, string | Record<string, string>>).flatMap((target) =>
      typeof target === 'string' ? [target] : Object.values(target),
    );
    expect(targets).to.include.members(['./dist/npm/index.js', './dist/types/index.d.ts', './dist/consent-gate.js']);
    for (const target of targets) await text(target.slice(1));
    expect(pkg.files).to.include('dist/');
    const types = await text('/__raw/dist/types/index.d.ts');
    expect(types).to.include('startConsentGate').and.include('ConsentGateConfig').and.include('./elements.js');
    expect(await text('/__raw/dist/types/elements.d.ts')).to.include('HTMLElementTagNameMap').and.include("'consent-gate-declaration': ConsentDeclarationElement");
    expect(await text('/__raw/dist/types/npm.d.ts')).to.match(/export declare function startConsentGate\(options\?: StartOptions\): ConsentGateApi/);
    const manifest = JSON.parse(await text(new URL(pkg.customElements, `${location.origin}/`).pathname));
    const tags = manifest.modules.flatMap((module: { declarations?: { tagName?: string }[] }) =>
      (module.declarations ?? []).map((declaration) => declaration.tagName).filter(Boolean),
    );
    expect(tags).to.include.members(['consent-gate', 'consent-gate-declaration', 'consent-gate-placeholder']);
  });

  it('imports nothing at run time that package.json does not list as a dependency', async () => {
    // A strict installer (pnpm, Yarn PnP) resolves only declared dependencies, not what npm hoists.
    const dependencies = JSON.parse(await text('/package.json')).dependencies as Record<string, string>;
    const declared = new Set(Object.keys(dependencies));
    // The replay chunk carries its own copy of @sentry/replay, which calls into the declared
    // @sentry/core: every Sentry package is pinned to that copy's exact version.
    const replayVersion = JSON.parse(await text('/node_modules/@sentry/replay/package.json')).version as string;
    const sentryPins = Object.entries(dependencies).filter(([name]) => name.startsWith('@sentry/'));
    expect(sentryPins.map(([name]) => name)).to.include.members(['@sentry/browser', '@sentry/core', '@sentry/browser-utils']);
    expect(sentryPins.filter(([, version]) => version !== replayVersion), `pinned to ${replayVersion}`).to.deep.equal([]);
    const files = new Set<string>();
    const packages = new Set<string>();
    const queue = ['index.js'];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (files.has(file)) continue;
      files.add(file);
      const code = await text(`/__raw/dist/npm/${file}`);
      for (const [, specifier] of code.matchAll(/(?<![\w$.@])(?:from|import)\s*\(?\s*["']([\w@./-]+)["']/g)) {
        if (specifier!.startsWith('./')) queue.push(specifier!.slice(2));
        else packages.add(specifier!.split('/').slice(0, specifier!.startsWith('@') ? 2 : 1).join('/'));
      }
    }
    expect([...files], 'the chunks reached').to.include.members(['index.js']).and.have.length.above(10);
    expect([...packages], 'what the chunks import').to.include.members(['lit', 'js-cookie', '@sentry/browser']);
    expect([...packages].filter((name) => !declared.has(name)), 'imported but not declared').to.deep.equal([]);
  });

  it('runs from the npm entry like the script tag', async () => {
    const page = await openPage({
      fixture: '/test/fixtures/npm-page.html',
      src: ['none'],
      config: { cookie: { name: uniqueCookieName() } },
    });
    try {
      expect(page.inWidget('[role="region"]')!.getAttribute('aria-label')).to.equal('Privacy');
      page.button('Accept all', 'banner').click();
      await waitFor(() => page.window.consentGate.has('replay'), 'the choice');
      expect(page.document.cookie).to.match(/cg_test_\w+=1\./);
    } finally {
      page.close();
    }
  });

  for (const twice of ['same', 'other'] as const) {
    it(`starts once per page: a second startConsentGate() with ${twice === 'same' ? 'an equal config is quiet' : 'another config says so'} and returns the running instance`, async () => {
      const page = await openPage({
        fixture: '/test/fixtures/npm-page.html',
        src: ['none'],
        config: { cookie: { name: uniqueCookieName() }, categories: { analytics: { cookies: ['_ga'], label: 'Stats' } } },
        params: { twice },
      });
      try {
        const win = page.window as typeof page.window & { __firstStart?: unknown; __secondStart?: unknown };
        expect(win.__firstStart, 'window.consentGate is set by the npm entry').to.equal(win.consentGate);
        expect(win.__secondStart, 'the same API').to.equal(win.consentGate);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(page.document.querySelectorAll('consent-gate, consent-gate-widget'), 'one banner').to.have.length(1);
        expect(page.events('consent-gate:ready'), 'one ready').to.have.length(1);
        const said = win.__errors.filter((message) => message.includes('startConsentGate() was called again'));
        if (twice === 'same') expect(win.__errors, 'no console.error').to.deep.equal([]);
        else expect(said.join('\n')).to.match(/with another config or other options, or after the script tag started it; the running instance is returned/);
        await win.consentGate.acceptAll();
        expect(page.events('consent-gate:change'), 'one change per choice').to.have.length(1);
      } finally {
        page.close();
      }
    });
  }

  for (const served of [true, false]) {
    it(`records replay under a CSP without blob: ${served ? 'compressed, with consent-gate/replay-worker served by the site' : 'uncompressed (the built-in worker is refused), without it'}`, async function () {
      this.timeout(40_000);
      const { key, config } = sentrySetup({ replaysSessionSampleRate: 1 });
      const page = await openPage({
        fixture: '/test/fixtures/npm-strict-csp.html',
        src: ['none'],
        config,
        params: served ? { replayWorkerUrl: '/dist/npm/replay-worker.js' } : {},
      });
      try {
        page.button('Accept all', 'banner').click();
        await waitFor(() => page.window.consentGate?.get() !== null, 'the choice');
        page.document.getElementById('page-button')!.click();
        const list = await waitForItem(key, 'replay_recording', 25_000);
        expect(items(list, 'replay_recording')[0]!.recording!.compressed, 'compressed by the worker').to.equal(served);
        await page.window.consentGate.rejectAll();
        await sleep(300);
        const ours = page.violations();
        if (served) expect(ours, 'no CSP violation').to.deep.equal([]);
        else expect(ours.join('\n'), 'the blob: worker is what the CSP refused').to.match(/worker-src blob/);
      } finally {
        page.close();
      }
    });
  }

  it('reports a replayWorkerUrl that is not http(s) and keeps the built-in worker', async () => {
    const page = await openPage({
      fixture: '/test/fixtures/npm-strict-csp.html',
      src: ['none'],
      config: { cookie: { name: uniqueCookieName() } },
      params: { replayWorkerUrl: 'javascript:alert(1)' },
    });
    try {
      await waitFor(() => page.window.__errors.some((message) => message.includes('"replayWorkerUrl"')), 'the report');
      expect(page.window.__errors.join('\n')).to.match(/consent-gate: startConsentGate\(\) option "replayWorkerUrl" must be an http\(s\) or relative URL/);
    } finally {
      page.close();
    }
  });

  it('takes a var-declared window.consentGateConfig (a property that cannot be redefined) without an error', async () => {
    const cookieName = uniqueCookieName();
    const page = await openPage({ fixture: '/test/fixtures/var-config.html', params: { cookieName } });
    const uncaught = (page.window as unknown as { __uncaught: string[] }).__uncaught;
    try {
      await page.window.consentGate.ready;
      expect(page.window.__errors, 'no console.error').to.deep.equal([]);
      expect(page.widget().store?.config.placement, 'the var config was read').to.equal('corner');
      expect(page.widget().store?.config.cookie.name).to.equal(cookieName);
      // Set again later: a plain assignment, nothing thrown.
      (page.window as unknown as { consentGateConfig: unknown }).consentGateConfig = {};
      expect(uncaught).to.deep.equal([]);
    } finally {
      page.close();
    }
  });

  it('says so when window.consentGateConfig is set after the script tag has started (a module that imports consent-gate/script)', async () => {
    const page = await openPage({ config: { cookie: { name: uniqueCookieName() } } });
    try {
      (page.window as unknown as { consentGateConfig: unknown }).consentGateConfig = { placement: 'center' };
      await waitFor(() => page.window.__errors.length > 0, 'the report');
      expect(page.window.__errors.join('\n')).to.match(/consent-gate: config "window\.consentGateConfig" must be set before consent-gate starts \(in a module, imports run before its code\).*; it is ignored/);
      expect(page.window.consentGate.get(), 'still running, no choice').to.equal(null);
    } finally {
      page.close();
    }
  });
});
