/**
 * Calls `callback` with each element matching `selector` that is added to the
 * document from now on (directly, or inside an added subtree). Tags a site adds
 * after start-up (an SPA route, a CMS widget) are gated like the parsed ones.
 * Returns a function that stops watching.
 */
export function watchAddedElements(selector: string, callback: (element: Element) => void): () => void {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(selector)) callback(node);
        for (const inner of node.querySelectorAll(selector)) callback(inner);
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/** The category names an element asks for: `data-consent-category="analytics marketing"` (space or comma separated). */
export function categoriesOf(element: Element): string[] {
  return (element.getAttribute('data-consent-category') ?? '').split(/[\s,]+/).filter(Boolean);
}
