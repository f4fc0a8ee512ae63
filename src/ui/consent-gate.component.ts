import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ConsentStore } from '../consent/store.js';
import type { CategoryConfig } from '../consent/types.js';
import { styles } from './consent-gate.styles.js';
import { FocusClearance } from './focus-clearance.js';
import { categoryTexts, ENGLISH, formatList, type Locale } from './i18n.js';

/** The element that has focus, looking inside open shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * `<consent-gate>`: the cookie banner (a non-modal region) and the preferences
 * dialog (a native modal `<dialog>`). It renders the store's state and calls the
 * store's actions; it knows nothing of the gates.
 *
 * Placement (`bottom`, `corner`, `center`) and theme (`auto`, `light`,
 * `dark`) come from the store's config; texts from `locale`.
 *
 * @tag consent-gate
 * @csspart banner - the banner region
 * @csspart dialog - the preferences dialog
 * @csspart button - every button (also `accept`, `reject`, `preferences`, `save`, `close`)
 * @csspart switch - each category switch
 * @fires consent-gate:connect - when connected, so the embed can hand it the store
 */
export class ConsentGateElement extends LitElement {
  static override styles = styles;

  static override properties = {
    store: { attribute: false },
    locale: { attribute: false },
    _announcement: { state: true },
    _revision: { state: true },
  };

  private _focusClearance = new FocusClearance();
  private _unsubscribe: (() => void) | undefined;
  private _opener: HTMLElement | null = null;

  /** The consent store to render; the embed sets it. Without one the element shows nothing. */
  declare store: ConsentStore | undefined;
  /** The texts and their language; English until the embed sets another. */
  declare locale: Locale;
  /** The polite message read to screen-reader users after a choice. */
  declare private _announcement: string;
  /** Bumped on every store change, so Lit re-renders. */
  declare private _revision: number;

  constructor() {
    super();
    this.store = undefined;
    this.locale = ENGLISH;
    this._announcement = '';
    this._revision = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._subscribe();
    // The choice may have changed while it was out of the document (an SPA
    // re-rendering <body>): render afresh, which also restarts focus clearance.
    this.requestUpdate();
    // Tell an embed that may be waiting for elements added later (an SPA re-adding us).
    this.dispatchEvent(new CustomEvent('consent-gate:connect', { bubbles: true, composed: true }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._unsubscribe?.();
    this._unsubscribe = undefined;
    this._focusClearance.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this._subscribe();
  }

  protected override updated(): void {
    const banner = this.renderRoot.querySelector<HTMLElement>('.banner:not([hidden])');
    this._focusClearance.watch(banner);
  }

  /** Opens the preferences dialog; focus returns to `opener` (or the focused element) on close. */
  async openPreferences(opener?: Element | null): Promise<void> {
    if (!this.store) return;
    const candidate = opener ?? deepActiveElement();
    this._opener = candidate instanceof HTMLElement ? candidate : null;
    this._revision++;
    await this.updateComplete;
    const dialog = this._dialog;
    if (dialog && !dialog.open) dialog.showModal();
  }

  /** Closes the dialog without saving. */
  closePreferences(): void {
    this._dialog?.close();
  }

  override render() {
    const store = this.store;
    if (!store) return nothing;
    const { strings, language, direction } = this.locale;
    const { policyUrl, placement, theme } = store.config;
    return html`
      <div class="root" lang=${language} dir=${direction} data-theme=${theme}>
        <section class="banner ${placement}" part="banner" role="region" aria-label=${strings.regionLabel} ?hidden=${store.state !== null}>
          <div class="inner">
            <div class="text">
              <h2>${strings.bannerTitle}</h2>
              <p>
                <span>${strings.bannerText}</span>
                ${policyUrl ? html`<a href=${policyUrl}>${strings.policyLink}</a>` : nothing}
              </p>
            </div>
            <div class="actions">
              <div class="pair">
                <button type="button" part="button accept" @click=${this._onAcceptAll}>${strings.acceptAll}</button>
                <button type="button" part="button reject" @click=${this._onRejectAll}>${strings.rejectAll}</button>
              </div>
              <button type="button" part="button preferences" class="secondary" @click=${this._onPreferencesClick}>
                ${strings.preferences}
              </button>
            </div>
          </div>
        </section>
        <dialog part="dialog" aria-labelledby="dialog-title" @close=${this._onDialogClose}>
          <div class="dialog-header">
            <h2 id="dialog-title">${strings.dialogTitle}</h2>
            <button type="button" part="button close" class="secondary close" aria-label=${strings.close} @click=${this.closePreferences}>
              <span aria-hidden="true">✕</span>
            </button>
          </div>
          <p>${strings.dialogText}</p>
          <ul>
            ${store.config.categories.map((category) => this._renderCategory(category))}
          </ul>
          <div class="actions">
            <button type="button" part="button save" class="secondary" @click=${this._onSave}>${strings.savePreferences}</button>
            <div class="pair">
              <button type="button" part="button accept" @click=${this._onAcceptAll}>${strings.acceptAll}</button>
              <button type="button" part="button reject" @click=${this._onRejectAll}>${strings.rejectAll}</button>
            </div>
          </div>
        </dialog>
        <div class="visually-hidden" role="status" aria-live="polite"><span>${this._announcement}</span></div>
      </div>
    `;
  }

  private _renderCategory(category: CategoryConfig) {
    const store = this.store!;
    const { strings } = this.locale;
    const { label, description } = categoryTexts(category, this.locale);
    const locked = store.isLockedByGpc(category.name);
    const id = `category-${category.name}`;
    return html`
      <li>
        <label>
          <input
            type="checkbox"
            role="switch"
            part="switch"
            id=${id}
            data-category=${category.name}
            aria-describedby=${description || locked ? `${id}-description` : nothing}
            .checked=${live(category.required || store.has(category.name))}
            ?disabled=${category.required || locked}
          />
          <span>${label}</span>
        </label>
        ${description || locked
          ? html`<div id="${id}-description">
              ${description ? html`<p class="description">${description}</p>` : nothing}
              ${locked ? html`<p class="note">${strings.gpcLocked}</p>` : nothing}
            </div>`
          : nothing}
      </li>
    `;
  }

  private get _dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private _subscribe(): void {
    this._unsubscribe?.();
    this._unsubscribe = this.store?.subscribe(() => {
      this._revision++;
    });
  }

  private async _choose(action: (store: ConsentStore) => Promise<void>): Promise<void> {
    const store = this.store;
    if (!store) return;
    const done = action(store);
    this.closePreferences();
    await done;
    const state = store.state;
    if (!state) return;
    const list = (on: boolean) =>
      formatList(
        store.config.categories.filter((category) => state.categories[category.name] === on).map((category) => categoryTexts(category, this.locale).label),
        this.locale,
      );
    // Cleared first, so the same choice made twice is announced twice.
    this._announcement = '';
    await this.updateComplete;
    this._announcement = this.locale.strings.saved.replace('{on}', () => list(true)).replace('{off}', () => list(false));
  }

  private _onAcceptAll = (): void => {
    void this._choose((store) => store.acceptAll());
  };

  private _onRejectAll = (): void => {
    void this._choose((store) => store.rejectAll());
  };

  private _onSave = (): void => {
    const changes: Record<string, boolean> = {};
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>('input[data-category]')) {
      changes[input.dataset.category!] = input.checked;
    }
    void this._choose((store) => store.set(changes));
  };

  private _onPreferencesClick = (event: Event): void => {
    void this.openPreferences(event.currentTarget as Element);
  };

  private _onDialogClose = (): void => {
    const opener = this._opener;
    this._opener = null;
    // Show the stored choice again next time, not what was toggled and abandoned.
    this._revision++;
    if (opener?.isConnected) {
      opener.focus();
    } else if (this.store?.state === null) {
      this.renderRoot.querySelector<HTMLButtonElement>('.banner button')?.focus();
    }
  };
}
