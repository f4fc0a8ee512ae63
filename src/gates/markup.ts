/** A script the site wrote as `type="text/plain"` with the categories it needs (scripts.ts). */
export const BLOCKED_SCRIPT = 'script[type="text/plain"][data-consent-category]';
/** An iframe (or img, video, audio) whose `src` waits for its categories (embeds.ts). */
export const BLOCKED_EMBED = '[data-consent-category][data-src]';

/** The category names an element asks for: `data-consent-category="analytics marketing"` (space or comma separated). */
export function categoriesOf(element: Element): string[] {
  return (element.getAttribute('data-consent-category') ?? '').split(/[\s,]+/).filter(Boolean);
}
