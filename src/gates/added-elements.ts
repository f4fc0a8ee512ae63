/** A script the site wrote as `type="text/plain"` with the categories it needs (scripts.ts). */
export const BLOCKED_SCRIPT = 'script[type="text/plain"][data-consent-category]';
/** An iframe (or img, video, audio) whose `src` waits for its categories (embeds.ts). */
export const BLOCKED_EMBED = '[data-consent-category][data-src]';

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

/** The category names an element asks for: `data-consent-category="analytics marketing"` (space or comma separated). */
export function categoriesOf(element: Element): string[] {
  return (element.getAttribute('data-consent-category') ?? '').split(/[\s,]+/).filter(Boolean);
}
