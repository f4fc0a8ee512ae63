import { html, nothing } from 'lit/html.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import type { CategoryConfig, SentryConfig } from '../consent/types.js';
import { UiElement } from './element.js';
import { categoryTexts, ENGLISH, formatList, type Locale } from './i18n.js';
import { withPageTexts } from './strings-page.js';

/** How a cookie pattern reads in a policy: `/^_pk_/` → `_pk_*`, `/^_ga$/` → `_ga`; anything else as written. */
function cookieLabel(pattern: string | RegExp): string {
  if (typeof pattern === 'string') return pattern;
  const plain = /^\^([\w-]+)(\$)?$/.exec(pattern.source);
  if (!plain) return `/${pattern.source}/`;
  return plain[2] ? plain[1]! : `${plain[1]}*`;
}

/**
 * `<consent-gate-declaration>`: the section of a privacy page that says what
 * consent-gate does, rendered from the same config as the banner, in the
 * visitor's language: each category with its description and cookies, the
 * consent cookie, what session replay records, masks and blocks, the
 * error-only buffer, and the visitor's current choice with a button to change
 * it. It renders into the page (no shadow root), so it takes the policy page's
 * own typography. `heading-level` (default 2) sets its top heading. When
 * connected it dispatches `consent-gate:connect`, which only the widget's own
 * wiring listens for (to hand it the store).
 *
 * @tag consent-gate-declaration
 */
export class ConsentDeclarationElement extends UiElement {
  static observedAttributes = ['heading-level'];
  static {
    this.reactive('locale', 'sentry');
  }

  /** The texts and their language; English until the wiring sets another. */
  declare locale: Locale;
  /** The `sentry` config section: replay is described where it runs. */
  declare sentry: SentryConfig | null;

  constructor() {
    super();
    this.locale ??= ENGLISH;
    this.sentry ??= null;
  }

  /**
   * Level of the top heading (2–5, default 2); sub-headings are one below.
   * @attr heading-level
   */
  get headingLevel(): number {
    return Number(this.getAttribute('heading-level') ?? 2);
  }
  set headingLevel(level: number) {
    this.setAttribute('heading-level', String(level));
  }

  attributeChangedCallback(): void {
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.dispatchEvent(new CustomEvent('consent-gate:connect', { bubbles: true, composed: true }));
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render() {
    const store = this.store;
    if (!store) return nothing;
    const { language, direction } = this.locale;
    const strings = withPageTexts(this.locale);
    const config = store.config;
    const level = Math.min(Math.max(Math.round(this.headingLevel) || 2, 2), 5);
    const h = unsafeStatic(`h${level}`);
    const h2 = unsafeStatic(`h${level + 1}`);
    const label = (category: CategoryConfig) => categoryTexts(category, this.locale).label;
    const description = (category: CategoryConfig) => categoryTexts(category, this.locale).description;
    const status = (category: CategoryConfig) =>
      category.required ? strings.declAlwaysOn : store.has(category.name) ? strings.declOn : strings.declOff;
    const necessary = config.categories.find((category) => category.required)!;
    const rows = [
      { name: config.cookie.name, category: label(necessary), purpose: strings.declConsentCookie.replace('{days}', () => String(config.cookie.maxAgeDays)) },
      ...config.categories.flatMap((category) =>
        category.cookies.map((pattern) => ({ name: cookieLabel(pattern), category: label(category), purpose: description(category) })),
      ),
    ];
    // Replay is described only where this config runs it.
    const sentry = this.sentry;
    const replay = sentry ? config.categories.find((category) => category.name === sentry.replayCategory) : undefined;
    const state = store.state;
    const list = (on: boolean) =>
      formatList(config.categories.filter((category) => (state?.categories[category.name] ?? false) === on).map(label), this.locale);
    return staticHtml`
      <section class="consent-gate-declaration" lang=${language} dir=${direction}>
        <${h}>${strings.declTitle}</${h}>
        <p>${strings.declIntro}</p>
        ${config.categories.map(
          (category) => staticHtml`
            <${h2}>${label(category)} (<span>${status(category)}</span>)</${h2}>
            ${description(category) ? html`<p>${description(category)}</p>` : nothing}
            ${category === replay
              ? html`<p>${strings.declReplayText.replace('{category}', () => label(replay))}</p>
                  ${sentry!.dsn !== null && sentry!.replaysOnErrorSampleRate > 0 ? html`<p>${strings.declErrorBuffer}</p>` : nothing}`
              : nothing}
            ${!category.required && category.cookies.length === 0 ? html`<p>${strings.declNoCookies}</p>` : nothing}
          `,
        )}
        <table>
          <caption>${strings.declCookies}</caption>
          <thead>
            <tr><th scope="col">${strings.declName}</th><th scope="col">${strings.declCategory}</th><th scope="col">${strings.declPurpose}</th></tr>
          </thead>
          <tbody>
            ${rows.map((row) => html`<tr><th scope="row"><code>${row.name}</code></th><td>${row.category}</td><td>${row.purpose}</td></tr>`)}
          </tbody>
        </table>
        <p>
          <span>${state ? strings.declChoice.replace('{on}', () => list(true)).replace('{off}', () => list(false)) : strings.declChoiceNone}</span>
        </p>
        <p><button type="button" data-consent-preferences>${strings.declChange}</button></p>
      </section>
    `;
  }
}

