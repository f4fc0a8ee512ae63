/**
 * The consent cookie: a compact, versioned, checksummed value, and a small jar
 * that reads and writes it through js-cookie with the attributes of the product
 * contract (Path, SameSite, Secure on https, Max-Age).
 *
 * Value layout (version 1), fields joined by ".":
 *   1 . revision(base36) . updatedAt ms(base36) . id(32 hex) . granted("+"-joined or "-") . checksum
 * e.g. `1.1.mbx3k2a0.9b1deb4d3b7d4bad9bdd2b0d7b3dcb6d.analytics+replay.1x8g7k`
 * Only granted categories are stored, so a category the site adds later starts off.
 */
import Cookies from 'js-cookie';
import type { CookieConfig } from './types.js';

export const COOKIE_FORMAT_VERSION = '1';
/** The contract promises a value under 300 bytes. */
export const MAX_COOKIE_VALUE_LENGTH = 299;
/** A stored time this far ahead of the clock is a forgery or a broken clock. */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** What a category may be called: in config, the cookie and the API (at most 24 characters). */
export const CATEGORY_NAME = /^[a-z][a-z0-9_-]{0,23}$/;
const BASE36_INTEGER = /^[0-9a-z]{1,11}$/;
const HEX_ID = /^[0-9a-f]{32}$/;

/** The stored facts of one choice, as encoded in the cookie. */
export interface StoredChoice {
  readonly id: string;
  readonly revision: number;
  /** Milliseconds since the epoch. */
  readonly updatedAt: number;
  readonly granted: readonly string[];
}

/** Why a cookie value was not accepted; useful in tests and debug messages. */
export type DecodeFailure = 'empty' | 'too-long' | 'malformed' | 'version' | 'checksum' | 'expired' | 'future';

/** FNV-1a, 32 bit: catches truncation and accidental corruption (not an attacker). */
export function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function uuidToHex(id: string): string {
  return id.replace(/-/g, '').toLowerCase();
}

/** `9b1deb4d3b7d…` → `9b1deb4d-3b7d-…`: 32 hex digits in UUID form. */
export function hexToUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Encodes a choice; throws if the id or a category name could not round-trip. */
export function encodeChoice(choice: StoredChoice): string {
  const hex = uuidToHex(choice.id);
  if (!HEX_ID.test(hex)) throw new TypeError(`consent id ${JSON.stringify(choice.id)} is not a UUID`);
  for (const name of choice.granted) {
    if (!CATEGORY_NAME.test(name)) throw new TypeError(`category ${JSON.stringify(name)} cannot be stored`);
  }
  const body = [
    COOKIE_FORMAT_VERSION,
    choice.revision.toString(36),
    Math.floor(choice.updatedAt).toString(36),
    hex,
    choice.granted.length > 0 ? choice.granted.join('+') : '-',
  ].join('.');
  return `${body}.${checksum(body)}`;
}

/**
 * Decodes a cookie value. Anything that does not parse, validate and pass its
 * checksum, or that is older than `maxAgeDays` or from the future, is a failure:
 * the caller then treats the visitor as not having chosen.
 */
export function decodeChoice(
  value: string | undefined | null,
  options: { now: number; maxAgeDays: number },
): { ok: true; choice: StoredChoice } | { ok: false; reason: DecodeFailure } {
  if (!value) return { ok: false, reason: 'empty' };
  if (value.length > MAX_COOKIE_VALUE_LENGTH) return { ok: false, reason: 'too-long' };
  const fields = value.split('.');
  if (fields.length !== 6) return { ok: false, reason: 'malformed' };
  const [version, revision, updatedAt, hex, granted, sum] = fields as [string, string, string, string, string, string];
  if (version !== COOKIE_FORMAT_VERSION) return { ok: false, reason: 'version' };
  if (checksum(fields.slice(0, 5).join('.')) !== sum) return { ok: false, reason: 'checksum' };
  if (!BASE36_INTEGER.test(revision) || !BASE36_INTEGER.test(updatedAt) || !HEX_ID.test(hex)) {
    return { ok: false, reason: 'malformed' };
  }
  const names = granted === '-' ? [] : granted.split('+');
  if (names.some((name) => !CATEGORY_NAME.test(name)) || new Set(names).size !== names.length) {
    return { ok: false, reason: 'malformed' };
  }
  const choice: StoredChoice = {
    id: hexToUuid(hex),
    revision: parseInt(revision, 36),
    updatedAt: parseInt(updatedAt, 36),
    granted: names,
  };
  if (choice.revision < 1 || !Number.isSafeInteger(choice.updatedAt)) return { ok: false, reason: 'malformed' };
  if (choice.updatedAt > options.now + CLOCK_SKEW_MS) return { ok: false, reason: 'future' };
  if (options.now - choice.updatedAt > options.maxAgeDays * 86_400_000) return { ok: false, reason: 'expired' };
  return { ok: true, choice };
}

/** Reads and writes one cookie; `document.cookie` behind js-cookie. */
export interface CookieJar {
  /** Every value the browser sends under the name (more than one across paths or domains). */
  readAll(): string[];
  /** Writes the value; returns false when the browser did not keep it (cookies blocked). */
  write(value: string): boolean;
  remove(): void;
}

/** The cookie jar of the current document, with the site's cookie settings. */
export function documentCookieJar(config: CookieConfig, secure: boolean): CookieJar {
  const attributes: Cookies.CookieAttributes = {
    path: config.path,
    // SameSite=None is only kept on Secure cookies; fall back to Lax where it cannot be.
    sameSite: config.sameSite === 'None' && !secure ? 'Lax' : config.sameSite,
    secure,
  };
  if (config.domain) attributes.domain = config.domain;
  const readAll = (): string[] => {
    let raw = '';
    try {
      raw = document.cookie;
    } catch {
      return []; // sandboxed documents throw on access
    }
    const values: string[] = [];
    for (const pair of raw ? raw.split('; ') : []) {
      const separator = pair.indexOf('=');
      if (separator < 0 || pair.slice(0, separator) !== config.name) continue;
      try {
        values.push(Cookies.converter.read(pair.slice(separator + 1), config.name));
      } catch {
        // a malformed %-escape: not ours, skip it
      }
    }
    return values;
  };
  return {
    readAll,
    write(value) {
      try {
        Cookies.set(config.name, value, {
          ...attributes,
          // js-cookie writes Expires; the contract asks for Max-Age, which wins where both exist.
          'Max-Age': String(Math.round(config.maxAgeDays * 86_400)),
        });
      } catch {
        return false;
      }
      return readAll().includes(value);
    },
    remove() {
      try {
        Cookies.remove(config.name, attributes);
      } catch {
        // nothing stored, nothing to remove
      }
    },
  };
}

/** A jar that keeps the value in memory: for tests and for documents without cookies. */
export function memoryCookieJar(initial: string[] = []): CookieJar & { values: string[] } {
  return {
    values: [...initial],
    readAll() {
      return [...this.values];
    },
    write(value) {
      this.values = [value];
      return true;
    },
    remove() {
      this.values = [];
    },
  };
}
