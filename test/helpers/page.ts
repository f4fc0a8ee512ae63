/**
 * Opens a site page (test/fixtures/page.html) in an iframe, the way a visitor's
 * tab would load it, and waits until consent-gate is ready there.
 */
import type { ConsentGateApi } from '../../src/start.js';
import type { ConsentGateElement } from '../../src/ui/consent-gate.component.js';

export interface RecordedEvent {
  type: 'consent-gate:ready' | 'consent-gate:change';
  detail: { categories: Record<string, boolean> } | null;
}

export type SiteWindow = Window & {
  consentGate: ConsentGateApi;
  consentGateConfig?: unknown;
  __events: RecordedEvent[];
  /** `securitypolicyviolation` events: "directive blockedURI". */
  __violations: string[];
  /** What the page passed to console.error. */
  __errors: string[];
  /** performance.now() of the first animation frame with the banner rendered. */
  __bannerFrame: number | null;
  /** With `afterWidget=1`: what a module script right after the widget's found. */
  __afterWidget?: { api: string; element: boolean; defined: boolean };
};

export interface SitePage {
  frame: HTMLIFrameElement;
  window: SiteWindow;
  document: Document;
  /** The widget's element inside the page. */
  widget(): ConsentGateElement;
  /** The focused element of the page, looking into shadow roots (the widget's controls). */
  focused(): Element | null;
  /** An element inside the widget's shadow root. */
  inWidget<E extends Element = HTMLElement>(selector: string): E | null;
  /** Whether the banner shows (false also while the UI is not loaded: a returning visit runs without it). */
  bannerShown(): boolean;
  /** A button of the widget, found by its accessible text. */
  button(name: string, within?: 'banner' | 'dialog'): HTMLButtonElement;
  events(type?: RecordedEvent['type']): RecordedEvent[];
  /** The page's CSP violations, less those of the test server's own injected scripts (not ours). */
  violations(): string[];
  close(): void;
}

export interface OpenOptions {
  config?: unknown;
  windowConfig?: unknown;
  src?: string[];
  /** The fixture to load; default the plain site page. */
  fixture?: string;
  /** Extra query parameters for the fixture. */
  params?: Record<string, string>;
  /** A fragment for the page URL, without `#`. */
  hash?: string;
  /** Without a stored choice, wait for the banner to show (default true). */
  waitForBanner?: boolean;
}

/** Polls `condition` (sync or async) every `interval` ms until it holds or `timeout` ms pass. */
export async function waitFor(condition: () => unknown, message: string, timeout = 5000, interval = 16): Promise<void> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Throws an uncaught error inside the page, from a script of the page's own
 * realm, as the page's code would. (A callback from the test's realm passed to
 * the page's setTimeout may be reported to the test window instead: Firefox.)
 */
export function throwInPage(page: SitePage, message: string): void {
  const script = page.document.createElement('script');
  script.text = `setTimeout(() => { throw new Error(${JSON.stringify(message)}); });`;
  page.document.body.append(script);
}

/** The pages a test file (or describe block) opens: push them here and each is closed after every test. */
export function closedAfterEach(): SitePage[] {
  const pages: SitePage[] = [];
  afterEach(() => {
    for (const page of pages.splice(0)) page.close();
  });
  return pages;
}

/** A cookie name unique to one test, so tests that share the origin's cookies stay apart. */
export function uniqueCookieName(): string {
  return `cg_test_${Math.random().toString(36).slice(2, 10)}`;
}

export async function openPage(options: OpenOptions = {}): Promise<SitePage> {
  const params = new URLSearchParams();
  if (options.config !== undefined) params.set('config', JSON.stringify(options.config));
  if (options.windowConfig !== undefined) params.set('windowConfig', JSON.stringify(options.windowConfig));
  for (const src of options.src ?? []) params.append('src', src);
  for (const [name, value] of Object.entries(options.params ?? {})) params.set(name, value);
  const frame = document.createElement('iframe');
  frame.style.width = '900px';
  frame.style.height = '700px';
  frame.src = `${options.fixture ?? '/test/fixtures/page.html'}?${params}${options.hash ? `#${options.hash}` : ''}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as SiteWindow;
  const page: SitePage = {
    frame,
    window: win,
    document: frame.contentDocument!,
    widget: () => frame.contentDocument!.querySelector('consent-gate')!,
    focused: () => {
      let active = frame.contentDocument!.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active;
    },
    inWidget: (selector) => page.widget()?.shadowRoot?.querySelector(selector) ?? null,
    bannerShown: () => page.inWidget('[role="region"]')?.hidden === false,
    button(name, within) {
      const root = page.widget().shadowRoot!;
      const scope = within === 'dialog' ? root.querySelector('dialog') : within === 'banner' ? root.querySelector('[role="region"]') : root;
      const found = [...(scope?.querySelectorAll('button') ?? [])].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name);
      if (!found) throw new Error(`no button named "${name}" in ${within ?? 'the widget'}`);
      return found;
    },
    events: (type) => win.__events.filter((event) => !type || event.type === type),
    violations: () => win.__violations.filter((violation) => !violation.includes('__web-dev-server')),
    close: () => frame.remove(),
  };
  await waitFor(() => page.events('consent-gate:ready').length > 0, 'consent-gate:ready');
  await waitFor(() => page.document.querySelector('consent-gate, consent-gate-widget'), 'the widget in the page');
  // Without a stored choice the UI chunk comes to show the banner, which may follow ready.
  const bannerShown = () =>
    [...page.document.querySelectorAll('consent-gate, consent-gate-widget')].some((element) => element.shadowRoot?.querySelector<HTMLElement>('[role="region"]')?.hidden === false);
  if (options.waitForBanner !== false && win.consentGate.get() === null) await waitFor(bannerShown, 'the banner');
  await page.widget()?.updateComplete;
  return page;
}
