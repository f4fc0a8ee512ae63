import { css } from './css.js';

/** Styles of `<consent-gate-placeholder>`; it takes the widget's custom properties (consent-gate.styles.ts). */
export const placeholderStyles = css`
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
