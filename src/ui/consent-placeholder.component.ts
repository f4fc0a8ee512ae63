/**
 * `<consent-gate-placeholder>`: stands in for a blocked iframe, at its size. It
 * says where the content comes from and which category it needs, and offers to
 * allow that category with one click.
 */
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
 * @tag consent-gate-placeholder
 * @csspart placeholder - the box
 * @csspart button - the allow button
 * @fires consent-gate:connect - when connected, so the wiring can hand it the store and texts
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
