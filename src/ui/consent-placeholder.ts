/** The stand-in for a blocked iframe, and its registration (safe to run twice). */
import { LitElement, css, html } from 'lit';
import type { Locale } from './i18n.js';
import { withPageTexts } from './strings-page.js';

export const PLACEHOLDER_TAG = 'consent-gate-placeholder';

/**
 * `<consent-gate-placeholder>`: stands in for a blocked iframe, at its size. It
 * says where the content comes from and which category it needs, and offers to
 * allow that category with one click.
 *
 * @tag consent-gate-placeholder
 * @csspart placeholder - the box
 * @csspart button - the allow button
 */
export class ConsentPlaceholderElement extends LitElement {
  static override styles = css`
    :host {
      display: block;
      box-sizing: border-box;
      max-width: 100%;
      /* As inline-block, its baseline is its bottom edge, like the iframe's. */
      overflow: hidden;
      vertical-align: baseline;
    }
    .box {
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      justify-content: center;
      align-items: center;
      gap: 12px;
      width: 100%;
      height: 100%;
      padding: 16px;
      overflow: auto;
      text-align: center;
      font: 15px/1.45 var(--consent-gate-font, system-ui, sans-serif);
      color: var(--consent-gate-color, #1b1f24);
      background: var(--consent-gate-placeholder-background, #eef0f3);
      border: 1px dashed var(--consent-gate-border, #6b7280);
      border-radius: var(--consent-gate-radius, 8px);
    }
    p {
      margin: 0;
    }
    button {
      min-height: 44px;
      padding: 8px 16px;
      border: 2px solid var(--consent-gate-accent, #1f4fd1);
      border-radius: var(--consent-gate-radius, 8px);
      background: var(--consent-gate-accent, #1f4fd1);
      color: var(--consent-gate-accent-color, #ffffff);
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid var(--consent-gate-focus, #b93c0a);
      outline-offset: 2px;
    }
  `;

  static override properties = {
    source: { attribute: false },
    categoryLabel: { attribute: false },
    locale: { attribute: false },
    locked: { attribute: false },
    allow: { attribute: false },
  };

  /** Host name the blocked content comes from. */
  declare source: string;
  /** Label(s) of the category the content needs, in the widget's language. */
  declare categoryLabel: string;
  declare locale: Locale | undefined;
  /** A category it needs is off under Global Privacy Control: it says so and offers nothing. */
  declare locked: boolean;
  /** Grants the category; set by whoever creates the placeholder (a property, so it survives the upgrade). */
  declare allow: () => void;

  constructor() {
    super();
    this.source = '';
    this.categoryLabel = '';
    this.locale = undefined;
    this.locked = false;
    this.allow = () => {};
  }

  override render() {
    if (!this.locale) return html``;
    const strings = withPageTexts(this.locale);
    const fill = (text: string) => text.replace('{source}', () => this.source).replace('{category}', () => this.categoryLabel);
    return html`
      <div class="box" part="placeholder" lang=${this.locale!.language} dir=${this.locale!.direction}>
        <p>${fill(strings.embedBlocked)}</p>
        ${this.locked
          ? html`<p>${strings.gpcLocked}</p>`
          : html`<button type="button" part="button" @click=${() => this.allow()}>${fill(strings.embedAllow)}</button>`}
      </div>
    `;
  }
}

/** Registers the placeholder element unless the tag is taken. */
export function definePlaceholder(): void {
  if (!customElements.get(PLACEHOLDER_TAG)) customElements.define(PLACEHOLDER_TAG, ConsentPlaceholderElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'consent-gate-placeholder': ConsentPlaceholderElement;
  }
}
