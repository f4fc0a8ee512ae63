/** Space kept between a focused element and the banner. */
const GAP = 8;

type SavedStyle = { readonly value: string; readonly priority: string };

/**
 * WCAG 2.2 "Focus Not Obscured": a fixed banner must not hide the page element
 * that has keyboard focus (GOV.UK's reason for not making its banner sticky).
 * Every placement leaves the top of the viewport free, so "clear of the
 * banner" always means "above its top edge". While the banner shows this
 *  - sets `scroll-padding-bottom` on the document to the space from the
 *    banner's top to the viewport's bottom, so focus navigation, anchor jumps
 *    and find-in-page bring their targets above it (Chromium, Firefox and
 *    WebKit all honour it when Tab moves focus: test/ui/keyboard.test.ts);
 *  - adds the same amount to the document's `padding-bottom`, so the last
 *    elements of a page can scroll above it too (extra room at the end of
 *    the page moves nothing: no layout shift).
 * Both add to what the page has set itself; the document's own inline styles
 * are put back when the banner goes. (A page whose scrolling element is not the
 * document, e.g. `<body>` with `overflow: auto`, gets no such room.)
 */
export class FocusClearance {
  private banner: HTMLElement | null = null;
  private observer: ResizeObserver | null = null;
  private saved: Map<string, SavedStyle> | null = null;
  /** What the page itself sets, in px: room is added to it. */
  private base = { 'scroll-padding-bottom': 0, 'padding-bottom': 0 };

  /** Keeps focus clear of `banner` while it shows; `null` stops and restores the document. */
  watch(banner: HTMLElement | null): void {
    if (banner === this.banner) return;
    this.stop();
    if (!banner) return;
    this.banner = banner;
    // The observer's first callback comes once the banner is laid out, in the
    // frame that paints it: measuring then forces no layout in the widget's task.
    this.observer = new ResizeObserver(this.pad);
    this.observer.observe(banner);
    addEventListener('resize', this.pad);
  }

  /** Stops and puts the document's own styles back. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    removeEventListener('resize', this.pad);
    this.restore();
    this.banner = null;
  }

  private pad = (): void => {
    if (!this.banner) return;
    const style = document.documentElement.style;
    if (!this.saved) {
      this.saved = new Map();
      for (const property of ['scroll-padding-bottom', 'padding-bottom']) {
        this.saved.set(property, { value: style.getPropertyValue(property), priority: style.getPropertyPriority(property) });
      }
      const computed = getComputedStyle(document.documentElement);
      // (`auto`, the usual scroll-padding, counts as 0.)
      this.base = {
        'scroll-padding-bottom': parseFloat(computed.scrollPaddingBottom) || 0,
        'padding-bottom': parseFloat(computed.paddingBottom) || 0,
      };
    }
    const room = Math.max(0, Math.ceil(innerHeight - this.banner.getBoundingClientRect().top + GAP));
    for (const [property, base] of Object.entries(this.base)) style.setProperty(property, `${base + room}px`, 'important');
  };

  private restore(): void {
    if (!this.saved) return;
    const style = document.documentElement.style;
    for (const [property, { value, priority }] of this.saved) {
      if (value) style.setProperty(property, value, priority);
      else style.removeProperty(property);
    }
    if (style.length === 0) document.documentElement.removeAttribute('style');
    this.saved = null;
  }
}
