/**
 * URL checks for config values that end up in `href` or `fetch`: only http(s)
 * and same-site relative URLs pass. Pure string logic, no DOM.
 */

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * True for `https://…`, `http://…`, `/path`, `path`, `?query` and `#fragment`.
 * False for every other scheme (`javascript:`, `data:`, …), for protocol-relative
 * `//host` and `\\host` (browsers read a backslash as a slash), and for any
 * whitespace or control character (browsers strip tabs and newlines from URLs,
 * which turns `java\tscript:` into `javascript:`).
 */
export function isSafeUrl(value: string): boolean {
  if (value.length === 0 || value.length > 2048) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029\\]/.test(value)) return false;
  const scheme = SCHEME.exec(value);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (name !== 'http' && name !== 'https') return false;
    try {
      const url = new URL(value);
      return url.hostname.length > 0 && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }
  return !value.startsWith('//');
}
