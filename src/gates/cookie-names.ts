/**
 * Cookie names as a category's `cookies` config lists them (exact names or
 * patterns), matched against what the page can see. Start-up asks it whether a
 * stored "no" has anything to clean up before it fetches the clean-up's chunk.
 */
import type { CategoryConfig, ConsentState } from '../consent/types.js';

export const matchesCookie = (pattern: string | RegExp, name: string): boolean => (typeof pattern === 'string' ? pattern === name : pattern.test(name));

/** The names of the cookies this page can see. */
export function visibleCookieNames(): string[] {
  return document.cookie
    .split(';')
    .map((pair) => pair.split('=')[0]!.trim())
    .filter(Boolean);
}

/** Whether a category that `state` does not grant has a cookie this page can see. */
export function refusedCookiePresent(categories: readonly CategoryConfig[], state: ConsentState | null): boolean {
  const visible = visibleCookieNames();
  return categories.some(
    (category) =>
      !category.required && state?.categories[category.name] !== true && category.cookies.some((pattern) => visible.some((name) => matchesCookie(pattern, name))),
  );
}
