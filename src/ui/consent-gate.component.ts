import { html, nothing, render } from 'lit/html.js';
import type { ConsentStore } from '../consent/store.js';
import { styles } from './consent-gate.styles.js';
import { FocusClearance } from './focus-clearance.js';
import { categoryTexts, ENGLISH, formatList, type Locale } from './i18n.js';

/** The element that has focus, looking inside open shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

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
 * @tag consent-gate
 * @csspart banner - the banner region
 * @csspart dialog - the preferences dialog
 * @csspart button - every button (also `accept`, `reject`, `preferences`, `save`, `close`)
 * @csspart switch - each category switch
 * @fires consent-gate:connect - when connected, so the embed can hand it the store
 */
export class ConsentGateElement extends HTMLElement {
  private _store: ConsentStore | undefined = undefined;
  private _locale: Locale = ENGLISH;
  /** The polite message read to screen-reader users after a choice. */
  private _announcement = '';
  /** The render waiting for the next microtask, if one is asked for. */
  private _update: Promise<boolean> | null = null;
  private _focusClearance = new FocusClearance();
  private _unsubscribe: (() => void) | undefined;
  private _opener: HTMLElement | null = null;
  /** The dialog's code, once a visitor has asked for it. */
  private _dialog: DialogModule | null = null;

  // Lit's templates render into the shadow root; the element itself keeps
  // only what Lit's ReactiveElement would (two properties, batched renders),
  // which saves the banner a third of Lit's bytes.
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
  }

  /** The consent store to render; the embed sets it. Without one the element shows nothing. */
  get store(): ConsentStore | undefined {
    return this._store;
  }
  set store(store: ConsentStore | undefined) {
    this._store = store;
    // (Out of the document it listens from its next connection, as it stops at its disconnection.)
    if (this.isConnected) this._subscribe();
    this.requestUpdate();
  }

  /** The texts and their language; English until the embed sets another. */
  get locale(): Locale {
    return this._locale;
  }
  set locale(locale: Locale) {
    this._locale = locale;
    this.requestUpdate();
  }

  /** Renders in the next microtask (many changes, one render). */
  requestUpdate(): void {
    this._update ??= Promise.resolve().then(() => {
      this._update = null;
      this._render();
      return true;
    });
  }

  /** Settles once the latest requested render is done. */
  get updateComplete(): Promise<boolean> {
    return this._update ?? Promise.resolve(true);
  }

  connectedCallback(): void {
    this._subscribe();
    // The choice may have changed while it was out of the document (an SPA
    // re-rendering <body>): render afresh, which also restarts focus clearance.
    this.requestUpdate();
    // Tell an embed that may be waiting for elements added later (an SPA re-adding us).
    this.dispatchEvent(new CustomEvent('consent-gate:connect', { bubbles: true, composed: true }));
  }

  disconnectedCallback(): void {
    this._unsubscribe?.();
    this._unsubscribe = undefined;
    this._focusClearance.stop();
  }

  private _render(): void {
    // Like Lit's elements, nothing is drawn (or padded) while out of the document.
    if (!this.isConnected) return;
    render(this._template(), this.shadowRoot!, { host: this });
    this._focusClearance.watch(this.shadowRoot!.querySelector<HTMLElement>('.banner:not([hidden])'));
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
      this.shadowRoot!.adoptedStyleSheets = [styles(), this._dialog.dialogStyles()];
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

  private _template() {
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
    return this.shadowRoot!.querySelector('dialog');
  }

  private _subscribe(): void {
    this._unsubscribe?.();
    this._unsubscribe = this.store?.subscribe(() => {
      this.requestUpdate();
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
    for (const input of this.shadowRoot!.querySelectorAll<HTMLInputElement>('input[data-category]')) {
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
      this.shadowRoot!.querySelector<HTMLButtonElement>('.banner button')?.focus();
    }
  };
}
