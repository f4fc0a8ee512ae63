/**
 * css`…`: a constructed style sheet, adopted by shadow roots (allowed under a
 * strict CSP, unlike a `<style>` element). The text is minified at build time
 * (see vite.config.ts). For every element of the widget (element.ts).
 *
 * The sheet is made the first time it is asked for, not while the module runs:
 * the entry runs in the task that ends parsing, the longest of the page
 * (`npm run bench`), and the banner is built in a later one.
 */
export function css(strings: TemplateStringsArray): () => CSSStyleSheet {
  let sheet: CSSStyleSheet | undefined;
  return () => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(strings.join(''));
    }
    return sheet;
  };
}
