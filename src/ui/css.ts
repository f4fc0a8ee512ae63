/**
 * css`…`: a constructed style sheet, adopted by shadow roots (allowed under a
 * strict CSP, unlike a `<style>` element). The text is minified at build time
 * (see vite.config.ts). For the widget's own elements, which render with
 * lit-html alone; the lazily loaded ones use Lit's `css`.
 */
export function css(strings: TemplateStringsArray): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(strings.join(''));
  return sheet;
}
