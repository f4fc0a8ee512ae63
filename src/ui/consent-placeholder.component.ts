import { html, nothing } from 'lit/html.js';
import { UiElement } from './element.js';
import { categoryTexts, formatList, type Locale } from './i18n.js';
import { placeholderStyles } from './consent-placeholder.styles.js';
import { withPageTexts } from './strings-page.js';

/** The host an embed's content comes from ("www.youtube.com"). */
function hostOf(source: string): string {
  try {
    return new URL(source, location.href).host;
  } catch {
    return source;
  }
}

/**
 * `<consent-gate-placeholder>`: stands in for a blocked iframe, at its size. It
 * says where the content comes from and which category it needs, and offers to
 * allow that category with one click. When connected it dispatches
 * `consent-gate:connect`, which only the widget's own wiring listens for (to
 * hand it the store and texts).
 *
 * @tag consent-gate-placeholder
 * @csspart placeholder - the box
 * @csspart button - the allow button
 * @cssprop [--consent-gate-placeholder-background=#eef0f3] - background of the box
 * @cssprop [--consent-gate-font=system-ui, sans-serif] - font family
 * @cssprop [--consent-gate-color=#1b1f24] - text colour
 * @cssprop [--consent-gate-border=#6b7280] - the box's dashed border
 * @cssprop [--consent-gate-radius=8px] - corner radius of the box and button
 * @cssprop [--consent-gate-accent=#1f4fd1] - the allow button
 * @cssprop [--consent-gate-accent-color=#ffffff] - text on the allow button
 * @cssprop [--consent-gate-focus=#b93c0a] - focus ring
 */
export class ConsentPlaceholderElement extends UiElement {
  static override styles = [placeholderStyles];
  static {
    this.reactive('locale', 'source', 'categories', 'locked');
  }

  /** The widget's texts; nothing shows until the wiring sets them. */
  declare locale: Locale | undefined;
  /** The URL of the blocked content; the placeholder names its host. */
  declare source: string;
  /** The categories the content needs. */
  declare categories: readonly string[];
  /** A category it needs is off under Global Privacy Control: it says so and offers nothing. */
  declare locked: boolean;

  constructor() {
    super();
    this.source ??= '';
    this.categories ??= [];
    this.locked ??= false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.dispatchEvent(new CustomEvent('consent-gate:connect', { bubbles: true, composed: true }));
  }

  protected override render() {
    const { locale, store } = this;
    if (!locale || !store) return nothing;
    const strings = withPageTexts(locale);
    const label = formatList(
      this.categories.map((name) => categoryTexts(store.config.categories.find((category) => category.name === name) ?? { name }, locale).label),
      locale,
    );
    const fill = (text: string) => text.replace('{source}', () => hostOf(this.source)).replace('{category}', () => label);
    return html`
      <div class="box" part="placeholder" lang=${locale.language} dir=${locale.direction}>
        <p>${fill(strings.embedBlocked)}</p>
        ${this.locked
          ? html`<p>${strings.gpcLocked}</p>`
          : html`<button type="button" part="button" @click=${this._onAllow}>${fill(strings.embedAllow)}</button>`}
      </div>
    `;
  }

  private _onAllow = (): void => {
    void this.store?.set(Object.fromEntries(this.categories.map((name) => [name, true])));
  };
}
