import { html, nothing } from 'lit/html.js';
import { css } from './css.js';
import { live } from 'lit/directives/live.js';
import type { ConsentStore } from '../consent/store.js';
import type { CategoryConfig } from '../consent/types.js';
import { categoryTexts, type Locale } from './i18n.js';

/**
 * The preferences dialog of `<consent-gate>`: a native modal `<dialog>` with a
 * switch per category. A chunk of its own, fetched when a visitor first opens
 * it (or points at a Preferences button), so the banner costs fewer bytes.
 */

/** What the dialog needs from its `<consent-gate>`. */
export interface DialogHost {
  readonly store: ConsentStore;
  readonly locale: Locale;
  close(): void;
  onClose(): void;
  onSave(): void;
  onAcceptAll(): void;
  onRejectAll(): void;
}

/** The dialog's styles, adopted next to the banner's (consent-gate.styles.ts has the custom properties). */
export const dialogStyles = css`
  dialog {
    box-sizing: border-box;
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    border: 1px solid var(--_border);
    width: min(560px, 100vw - 24px);
    max-height: calc(100vh - 24px);
    padding: 24px;
    border-radius: var(--_radius);
  }
  dialog::backdrop {
    background: var(--consent-gate-backdrop, rgb(0 0 0 / 0.45));
  }
  .dialog-header {
    display: flex;
    justify-content: space-between;
    gap: 16px;
  }
  .close {
    flex: none;
    min-width: 44px;
    padding: 8px;
  }
  ul {
    list-style: none;
    margin: 16px 0;
    padding: 0;
  }
  li {
    padding: 12px 0;
    border-top: 1px solid var(--_border);
  }
  label {
    display: flex;
    gap: 12px;
    align-items: center;
    font-weight: 600;
    cursor: pointer;
  }
  [role='switch'] {
    appearance: none;
    position: relative;
    flex: none;
    width: 44px;
    height: 26px;
    margin: 0;
    border: 2px solid var(--_border);
    border-radius: 13px;
    background: var(--_bg);
    cursor: inherit;
  }
  [role='switch']::before {
    content: '';
    position: absolute;
    top: 3px;
    inset-inline-start: 3px;
    width: 16px;
    height: 16px;
    border-radius: 50%;
    background: var(--_fg);
    transition: translate 0.15s;
  }
  [role='switch']:checked {
    border-color: var(--_accent);
    background: var(--_accent);
  }
  [role='switch']:checked::before {
    translate: 18px;
    background: var(--_accent-fg);
  }
  [dir='rtl'] [role='switch']:checked::before {
    translate: -18px;
  }
  [role='switch']:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .description,
  .note {
    margin-block-start: 4px;
    margin-inline-start: 56px;
  }
  @media (prefers-reduced-motion: reduce) {
    [role='switch']::before {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    [role='switch'],
    [role='switch']::before {
      forced-color-adjust: none;
      border-color: ButtonText;
      background: Canvas;
    }
    [role='switch']::before,
    [role='switch']:checked {
      background: ButtonText;
    }
    [role='switch']:checked::before {
      background: Canvas;
    }
    [role='switch']:disabled {
      border-color: GrayText;
    }
  }
`;

function renderCategory(host: DialogHost, category: CategoryConfig) {
  const { store, locale } = host;
  const { label, description } = categoryTexts(category, locale);
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
            ${locked ? html`<p class="note">${locale.strings.gpcLocked}</p>` : nothing}
          </div>`
        : nothing}
    </li>
  `;
}

export function renderDialog(host: DialogHost) {
  const { strings } = host.locale;
  return html`
    <dialog part="dialog" aria-labelledby="dialog-title" @close=${host.onClose}>
      <div class="dialog-header">
        <h2 id="dialog-title">${strings.dialogTitle}</h2>
        <button type="button" part="button close" class="secondary close" aria-label=${strings.close} @click=${host.close}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <p>${strings.dialogText}</p>
      <ul>
        ${host.store.config.categories.map((category) => renderCategory(host, category))}
      </ul>
      <div class="actions">
        <button type="button" part="button save" class="secondary" @click=${host.onSave}>${strings.savePreferences}</button>
        <div class="pair">
          <button type="button" part="button accept" @click=${host.onAcceptAll}>${strings.acceptAll}</button>
          <button type="button" part="button reject" @click=${host.onRejectAll}>${strings.rejectAll}</button>
        </div>
      </div>
    </dialog>
  `;
}
