/**
 * Cookie clean-up: when a category is not granted (a withdrawal here or in
 * another tab, a reset, or a stored "no" found on load), the cookies its config
 * lists (`"cookies": ["_ga", "/^_pk_/"]`) are deleted for this host, each of
 * its parent domains and each path from `/` down to this page, so a cookie a
 * tag set on `.example.com` or on `/blog` is really gone. Exact names are
 * deleted even where this page cannot see them; patterns match the names it
 * can see. The consent cookie and anything the `necessary` category lists are
 * never touched (HttpOnly cookies, such as most session cookies, are out of
 * any script's reach anyway).
 */
import type { ConsentStore } from '../consent/store.js';
import type { ConsentState } from '../consent/types.js';
import { matchesCookie, visibleCookieNames } from './cookie-names.js';
import type { Gate } from './gate.js';

/** `''` (a host-only cookie), the host, then each parent domain: `a.b.example.com` → `'', a.b.example.com, b.example.com, example.com`. */
export function domainsToTry(hostname: string): string[] {
  // An IP address takes no Domain attribute.
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':')) return [''];
  const labels = hostname.split('.');
  // Not the top-level label alone: browsers refuse `Domain=com`.
  return ['', ...labels.slice(0, Math.max(1, labels.length - 1)).map((_, index) => labels.slice(index).join('.'))];
}

/** `/`, then every directory down to the page, with and without the trailing slash: `/a/b/page` → `/, /a, /a/, /a/b, /a/b/`. */
export function pathsToTry(pathname: string): string[] {
  const paths = ['/'];
  const parts = pathname.split('/').slice(1, -1);
  let path = '';
  for (const part of parts) {
    path += `/${part}`;
    paths.push(path, `${path}/`);
  }
  return paths;
}

export function createCookieCleanupGate(store: ConsentStore): Gate | null {
  const { categories, cookie } = store.config;
  if (!categories.some((category) => !category.required && category.cookies.length > 0)) return null;
  const protectedNames = (name: string) =>
    name === cookie.name || categories.some((category) => category.required && category.cookies.some((pattern) => matchesCookie(pattern, name)));

  const remove = (name: string): void => {
    const secure = location.protocol === 'https:' ? '; Secure' : '';
    for (const domain of domainsToTry(location.hostname)) {
      for (const path of pathsToTry(location.pathname)) {
        document.cookie = `${name}=; Max-Age=0; Path=${path}${domain ? `; Domain=${domain}` : ''}${secure}`;
      }
    }
  };

  const clean = (state: ConsentState | null): void => {
    const visible = visibleCookieNames();
    for (const category of categories) {
      if (category.required || state?.categories[category.name] === true) continue;
      const names = new Set<string>();
      for (const pattern of category.cookies) {
        if (typeof pattern === 'string') names.add(pattern);
        else visible.filter((name) => pattern.test(name)).forEach((name) => names.add(name));
      }
      for (const name of names) if (!protectedNames(name)) remove(name);
    }
  };

  return {
    name: 'cookie clean-up',
    // A first visit (no choice yet) leaves the page's cookies alone.
    follow: (state, source) => {
      if (state === null && source === 'restore') return;
      clean(state);
    },
  };
}
