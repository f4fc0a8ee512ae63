/**
 * Elements added to the document after start-up (an SPA route, a CMS widget):
 * the gates watch for blocked tags, the UI for its elements. One
 * MutationObserver for all, so an added subtree is looked at once.
 */
type Watcher = { readonly selector: string; readonly callback: (element: Element) => void };

const watchers: Watcher[] = [];
let observer: MutationObserver | null = null;

/**
 * Calls `callback` with each element matching `selector` that is added to the
 * document from now on (directly, or inside an added subtree). Tags a site adds
 * after start-up (an SPA route, a CMS widget) are gated like the parsed ones.
 * Every watcher shares one MutationObserver, so an added subtree is looked at once.
 */
export function watchAddedElements(selector: string, callback: (element: Element) => void): void {
  watchers.push({ selector, callback });
  if (observer) return;
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        for (const { selector: wanted, callback: call } of watchers) {
          if (node.matches(wanted)) call(node);
          for (const inner of node.querySelectorAll(wanted)) call(inner);
        }
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}
