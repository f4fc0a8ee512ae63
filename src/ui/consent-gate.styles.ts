import { css } from './css.js';

/**
 * Styles of `<consent-gate>`. Theme it through these custom properties (in
 * browsers that have `light-dark()`, a value may be a `light-dark(light, dark)`
 * pair to differ by colour scheme):
 *
 * | property                       | default (light / dark)  |
 * | ------------------------------ | ----------------------- |
 * | `--consent-gate-font`          | the system UI font      |
 * | `--consent-gate-font-size`     | 15px                    |
 * | `--consent-gate-background`    | #ffffff / #1b1f24       |
 * | `--consent-gate-color`         | #1b1f24 / #f1f3f6       |
 * | `--consent-gate-accent`        | #1f4fd1 / #8fb3ff       |
 * | `--consent-gate-accent-color`  | #ffffff / #0b1a3d       |
 * | `--consent-gate-border`        | #6b7280 / #9aa3b1       |
 * | `--consent-gate-focus`         | #b93c0a / #ffb27a       |
 * | `--consent-gate-radius`        | 8px                     |
 * | `--consent-gate-backdrop`      | rgb(0 0 0 / 0.45)       |
 * | `--consent-gate-z-index`       | 2147483000              |
 *
 * The theme (`auto`, `light`, `dark`) picks the default colours and sets
 * `color-scheme`, which also picks the side of a site's `light-dark()` pair.
 * No motion is used beyond the switch's slide, which `prefers-reduced-motion`
 * turns off; `forced-colors` gets system colours.
 *
 * These are the banner's (and what the dialog shares with it); the dialog's own
 * styles come with its chunk (preferences-dialog.ts).
 */
export const styles = css`
  :host {
    /* Important, so a page's own "* { ... !important }" cannot reach in through inheritance. */
    all: initial !important;
    display: contents !important;
  }
  .root {
    --_bg: var(--consent-gate-background, #ffffff);
    --_fg: var(--consent-gate-color, #1b1f24);
    --_accent: var(--consent-gate-accent, #1f4fd1);
    --_accent-fg: var(--consent-gate-accent-color, #ffffff);
    --_border: var(--consent-gate-border, #6b7280);
    --_focus: var(--consent-gate-focus, #b93c0a);
    --_radius: var(--consent-gate-radius, 8px);
    display: contents;
    color-scheme: light;
    font: var(--consent-gate-font-size, 15px) / 1.45 var(--consent-gate-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--_fg);
  }
  /* Dark: fixed by config, or following the visitor's system. (Plain values, not
     light-dark(), so browsers from before 2024 keep their colours.) */
  .root[data-theme='dark'] {
    --_bg: var(--consent-gate-background, #1b1f24);
    --_fg: var(--consent-gate-color, #f1f3f6);
    --_accent: var(--consent-gate-accent, #8fb3ff);
    --_accent-fg: var(--consent-gate-accent-color, #0b1a3d);
    --_border: var(--consent-gate-border, #9aa3b1);
    --_focus: var(--consent-gate-focus, #ffb27a);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    .root[data-theme='auto'] {
      --_bg: var(--consent-gate-background, #1b1f24);
      --_fg: var(--consent-gate-color, #f1f3f6);
      --_accent: var(--consent-gate-accent, #8fb3ff);
      --_accent-fg: var(--consent-gate-accent-color, #0b1a3d);
      --_border: var(--consent-gate-border, #9aa3b1);
      --_focus: var(--consent-gate-focus, #ffb27a);
      color-scheme: dark;
    }
  }
  [hidden] {
    display: none !important;
  }
  .banner {
    box-sizing: border-box;
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    border: 1px solid var(--_border);
    position: fixed;
    z-index: var(--consent-gate-z-index, 2147483000);
    max-height: 80vh;
    overflow: auto;
    padding: 16px max(16px, env(safe-area-inset-left));
    box-shadow: 0 0 16px rgb(0 0 0 / 0.16);
  }
  .bottom {
    inset: auto 0 0;
    border-width: 1px 0 0;
  }
  .corner,
  .center {
    width: min(440px, 100vw - 24px);
    border-radius: var(--_radius);
  }
  .corner {
    inset-block-end: 12px;
    inset-inline-end: 12px;
  }
  .center {
    top: 50%;
    left: 50%;
    translate: -50% -50%;
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
    flex: 1 1 300px;
  }
  h2 {
    margin: 0 0 4px;
    font-size: 1.1em;
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
  .corner .actions,
  .center .actions {
    width: 100%;
  }
  /* Accept all and Reject all share one grid row: always the same size. */
  .pair {
    flex: 2 1 18em;
    display: grid;
    /* minmax(0, …): a long word must not widen one column. */
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 8px;
  }
  button {
    flex: 1 1 9em;
    box-sizing: border-box;
    min-height: 44px;
    padding: 8px 16px;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-fg);
    font: inherit;
    font-weight: 600;
    overflow-wrap: anywhere;
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--_fg);
    border-color: var(--_border);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
