import { css } from 'lit';

/**
 * Styles of `<consent-gate>`. Theme through these custom properties:
 * --consent-gate-font, --consent-gate-background, --consent-gate-color,
 * --consent-gate-accent, --consent-gate-accent-color, --consent-gate-border,
 * --consent-gate-radius, --consent-gate-focus, --consent-gate-z-index.
 */
export const styles = css`
  :host {
    --_bg: var(--consent-gate-background, #ffffff);
    --_fg: var(--consent-gate-color, #1b1f24);
    --_accent: var(--consent-gate-accent, #1f4fd1);
    --_accent-fg: var(--consent-gate-accent-color, #ffffff);
    --_border: var(--consent-gate-border, #6b7280);
    --_radius: var(--consent-gate-radius, 8px);
    --_focus: var(--consent-gate-focus, #c2410c);
    all: initial;
    display: contents;
    font: 15px/1.45 var(--consent-gate-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--_fg);
  }
  [hidden] {
    display: none !important;
  }
  .banner {
    position: fixed;
    inset: auto 0 0 0;
    z-index: var(--consent-gate-z-index, 2147483000);
    box-sizing: border-box;
    max-height: 80vh;
    overflow: auto;
    padding: 16px max(16px, env(safe-area-inset-left));
    background: var(--_bg);
    color: var(--_fg);
    border-top: 1px solid var(--_border);
    box-shadow: 0 -4px 16px rgb(0 0 0 / 0.12);
    font: inherit;
  }
  .inner {
    display: flex;
    flex-wrap: wrap;
    gap: 12px 24px;
    align-items: center;
    max-width: 1100px;
    margin: 0 auto;
  }
  .text {
    flex: 1 1 320px;
    margin: 0;
  }
  h2 {
    margin: 0 0 4px;
    font-size: 1.05em;
  }
  p {
    margin: 0;
  }
  a {
    color: inherit;
    text-decoration: underline;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  button {
    box-sizing: border-box;
    min-width: 9em;
    min-height: 44px;
    padding: 8px 16px;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-fg);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--_fg);
    border-color: var(--_border);
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  dialog {
    box-sizing: border-box;
    width: min(560px, calc(100vw - 24px));
    max-height: calc(100vh - 24px);
    padding: 24px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .dialog-header {
    display: flex;
    justify-content: space-between;
    align-items: start;
    gap: 16px;
  }
  .close {
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
  }
  input[type='checkbox'] {
    width: 22px;
    height: 22px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .description,
  .note {
    margin: 4px 0 0 34px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
