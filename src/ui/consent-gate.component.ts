import { html, nothing } from 'lit/html.js';
import type { ConsentStore } from '../consent/store.js';
import { styles } from './consent-gate.styles.js';
import { UiElement } from './element.js';
import { deepActiveElement } from './index.js';
import { FocusClearance } from './focus-clearance.js';
import { categoryTexts, ENGLISH, formatList, type Locale } from './i18n.js';

type DialogModule = typeof import('./preferences-dialog.js');
let dialogModule: Promise<DialogModule> | null = null;
/** Fetches the preferences dialog's chunk (once; again after a failure). */
function loadDialog(): Promise<DialogModule> {
  return (dialogModule ??= import('./preferences-dialog.js').catch((error: unknown) => {
    dialogModule = null;
    throw error;
  }));
}

/**
 * `<consent-gate>`: the cookie banner (a non-modal region) and the preferences
 * dialog (a native modal `<dialog>`). It renders the store's state and calls the
 * store's actions; it knows nothing of the gates.
 *
 * Placement (`bottom`, `corner`, `center`) and theme (`auto`, `light`,
 * `dark`) come from the store's config; texts from `locale`.
 *
 * Its events (`consent-gate:ready`, `consent-gate:change`) fire on `document`,
 * not on the element. When connected it dispatches `consent-gate:connect`,
 * which only the widget's own wiring listens for (to hand it the store).
 *
 * @tag consent-gate
 * @csspart banner - the banner region
 * @csspart dialog - the preferences dialog
 * @csspart button - every button (each also has one of the parts below)
 * @csspart accept - Accept all (banner and dialog)
 * @csspart reject - Reject all (banner and dialog)
 * @csspart preferences - the banner's Preferences button
 * @csspart save - the dialog's Save preferences button
 * @csspart close - the dialog's close button
 * @csspart switch - each category switch
 * @cssprop [--consent-gate-font=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - font family (the system UI font)
 * @cssprop [--consent-gate-font-size=15px] - font size
 * @cssprop [--consent-gate-background=#ffffff] - background of the banner and dialog (dark theme: `#1b1f24`)
 * @cssprop [--consent-gate-color=#1b1f24] - text colour (dark theme: `#f1f3f6`)
 * @cssprop [--consent-gate-accent=#1f4fd1] - Accept all, Reject all, switches on (dark theme: `#8fb3ff`)
 * @cssprop [--consent-gate-accent-color=#ffffff] - text on the accent (dark theme: `#0b1a3d`)
 * @cssprop [--consent-gate-border=#6b7280] - borders (dark theme: `#9aa3b1`)
 * @cssprop [--consent-gate-focus=#b93c0a] - focus rings (dark theme: `#ffb27a`)
 * @cssprop [--consent-gate-radius=8px] - corner radius
 * @cssprop [--consent-gate-backdrop=rgb(0 0 0 / 0.45)] - behind the dialog
 * @cssprop [--consent-gate-z-index=2147483000] - stacking order of the banner
 */
export class ConsentGateElement extends UiElement {
  static override styles = [styles];
  static {
    this.reactive('locale');
  }

  /** The texts and their language; English until the wiring sets another. */
  declare locale: Locale;

  /** The polite message read to screen-reader users after a choice. */
  private _announcement = '';
  private _focusClearance = new FocusClearance();
  private _opener: HTMLElement | null = null;
  /** The dialog's code, once a visitor has asked for it. */
  private _dialog: DialogModule | null = null;

  constructor() {
    super();
    this.locale ??= ENGLISH;
  }

  override connectedCallback(): void {
    // The choice may have changed while it was out of the document (an SPA
    // re-rendering <body>): render afresh, which also restarts focus clearance.
    super.connectedCallback();
    // Tell the wiring, which may be waiting for elements added later (an SPA re-adding us).
    this.dispatchEvent(new CustomEvent('consent-gate:connect', { bubbles: true, composed: true }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._focusClearance.stop();
  }

  protected override updated(): void {
    this._focusClearance.watch(this.renderRoot.querySelector<HTMLElement>('.banner:not([hidden])'));
  }

  /** Opens the preferences dialog; focus returns to `opener` (or the focused element) on close. */
  async openPreferences(opener?: Element | null): Promise<void> {
    if (!this.store) return;
    const candidate = opener ?? deepActiveElement();
    this._opener = candidate instanceof HTMLElement ? candidate : null;
    if (!this._dialog) {
      try {
        this._dialog = await loadDialog();
      } catch (error) {
        console.error(`consent-gate: the preferences dialog could not be loaded (${String(error)})`);
        return;
      }
      (this.renderRoot as ShadowRoot).adoptedStyleSheets = [styles(), this._dialog.dialogStyles()];
    }
    this.requestUpdate();
    await this.updateComplete;
    const dialog = this._dialogElement;
    if (dialog && !dialog.open) dialog.showModal();
  }

  /** Closes the dialog without saving. */
  closePreferences(): void {
    this._dialogElement?.close();
  }

  protected override render() {
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
              <button
                type="button"
                part="button preferences"
                class="secondary"
                @click=${this._onPreferencesClick}
                @pointerenter=${this._onPreferencesIntent}
                @focus=${this._onPreferencesIntent}
              >
                ${strings.preferences}
              </button>
            </div>
          </div>
        </section>
        ${this._dialog?.renderDialog(this._dialogHost) ?? nothing}
        <div class="visually-hidden" role="status" aria-live="polite"><span>${this._announcement}</span></div>
      </div>
    `;
  }

  /** What the dialog's template calls back into. */
  private get _dialogHost() {
    return {
      store: this.store!,
      locale: this.locale,
      close: () => this.closePreferences(),
      onClose: this._onDialogClose,
      onSave: this._onSave,
      onAcceptAll: this._onAcceptAll,
      onRejectAll: this._onRejectAll,
    };
  }

  private get _dialogElement(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
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
    this._announce('');
    await this.updateComplete;
    this._announce(this.locale.strings.saved.replace('{on}', () => list(true)).replace('{off}', () => list(false)));
  }

  private _announce(message: string): void {
    this._announcement = message;
    this.requestUpdate();
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

  /** A pointer over (or focus on) Preferences: the dialog's chunk is fetched before the click. */
  private _onPreferencesIntent = (): void => {
    loadDialog().catch(() => {
      // Reported when the dialog is opened.
    });
  };

  private _onDialogClose = (): void => {
    const opener = this._opener;
    this._opener = null;
    // Show the stored choice again next time, not what was toggled and abandoned.
    this.requestUpdate();
    if (opener?.isConnected) {
      opener.focus();
    } else if (this.store?.state === null) {
      this.renderRoot.querySelector<HTMLButtonElement>('.banner button')?.focus();
    }
  };
}
