import { expect } from '@esm-bundle/chai';
import {
  MAX_COOKIE_VALUE_LENGTH,
  checksum,
  decodeChoice,
  documentCookieJar,
  encodeChoice,
  type StoredChoice,
} from '../../src/consent/cookie.js';
import { DEFAULT_COOKIE } from '../../src/consent/config.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const DAY = 86_400_000;
const options = { now: NOW, maxAgeDays: 182 };
const choice: StoredChoice = {
  id: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
  revision: 3,
  updatedAt: NOW - DAY,
  granted: ['analytics', 'replay'],
};
const valid = encodeChoice(choice);

describe('consent cookie value', () => {
  it('round-trips a choice', () => {
    const value = encodeChoice(choice);
    expect(decodeChoice(value, options)).to.deep.equal({ ok: true, choice });
  });

  it('round-trips a choice that grants nothing', () => {
    const none = { ...choice, granted: [] };
    expect(decodeChoice(encodeChoice(none), options)).to.deep.equal({ ok: true, choice: none });
  });

  it('stays under 300 bytes with eight categories of the longest allowed names granted', () => {
    const granted = Array.from({ length: 8 }, (_, i) => `category_${i}_${'x'.repeat(12)}`);
    const value = encodeChoice({ ...choice, revision: Number.MAX_SAFE_INTEGER, granted });
    expect(value.length).to.be.below(300);
    expect(decodeChoice(value, options).ok).to.equal(true);
  });

  it('uses only characters that need no escaping in a cookie', () => {
    expect(encodeChoice(choice)).to.match(/^[0-9a-z.+_-]+$/);
  });

  /** Signs a hand-made body with the real checksum, to reach the checks behind it. */
  const resigned = (body: string) => `${body}.${checksum(body)}`;
  const failures: [string, string | undefined | null, string][] = [
    ['missing', undefined, 'empty'],
    ['empty', '', 'empty'],
    ['truncated by one character', valid.slice(0, -1), 'checksum'],
    ['truncated in the category list', valid.replace('+replay', '+rep'), 'checksum'],
    ['a category added by hand', valid.replace('analytics', 'analytics+marketing'), 'checksum'],
    ['oversized', `${valid}${'x'.repeat(MAX_COOKIE_VALUE_LENGTH)}`, 'too-long'],
    ['foreign (another tool’s JSON)', '{"necessary":true,"analytics":true}', 'malformed'],
    ['foreign (base64 noise)', 'eyJhbGwiOnRydWV9', 'malformed'],
    ['another format version', valid.replace(/^1\./, '2.'), 'version'],
    ['a made-up category name', resigned('1.3.abc.9b1deb4d3b7d4bad9bdd2b0d7b3dcb6d.Analytics'), 'malformed'],
    ['a duplicated category', resigned('1.3.abc.9b1deb4d3b7d4bad9bdd2b0d7b3dcb6d.replay+replay'), 'malformed'],
    ['a non-hex id', resigned('1.3.abc.zz1deb4d3b7d4bad9bdd2b0d7b3dcb6d.-'), 'malformed'],
    ['revision zero', resigned('1.0.abc.9b1deb4d3b7d4bad9bdd2b0d7b3dcb6d.-'), 'malformed'],
    ['older than maxAgeDays', encodeChoice({ ...choice, updatedAt: NOW - 183 * DAY }), 'expired'],
    ['from the future', encodeChoice({ ...choice, updatedAt: NOW + 2 * DAY }), 'future'],
  ];
  for (const [name, value, reason] of failures) {
    it(`counts a ${name} value as no choice (${reason})`, () => {
      expect(decodeChoice(value, options)).to.deep.equal({ ok: false, reason });
    });
  }

  it('refuses to encode what it could not decode', () => {
    expect(() => encodeChoice({ ...choice, id: 'not-a-uuid' })).to.throw(/UUID/);
    expect(() => encodeChoice({ ...choice, granted: ['Bad Name'] })).to.throw(/cannot be stored/);
  });
});

describe('document cookie jar', () => {
  const name = `consent_gate_jar_test`;
  afterEach(() => {
    document.cookie = `${name}=; Max-Age=0; Path=/`;
  });

  it('writes the value with Path=/ and reads it back', () => {
    const jar = documentCookieJar({ ...DEFAULT_COOKIE, name }, false);
    expect(jar.write(valid)).to.equal(true);
    expect(jar.readAll()).to.deep.equal([valid]);
    expect(document.cookie).to.include(`${name}=${valid}`);
    jar.remove();
    expect(jar.readAll()).to.deep.equal([]);
  });

  it('sets Max-Age from maxAgeDays: a lifetime that rounds to 0 s is gone at once', () => {
    const jar = documentCookieJar({ ...DEFAULT_COOKIE, name, maxAgeDays: 1e-9 }, false);
    jar.write(valid);
    expect(jar.readAll()).to.deep.equal([]);
  });

  it('ignores cookies of other names and malformed escapes', () => {
    document.cookie = `${name}_other=${valid}; Path=/`;
    document.cookie = `${name}=%E0%A4%A; Path=/`;
    const jar = documentCookieJar({ ...DEFAULT_COOKIE, name }, false);
    expect(jar.readAll()).to.deep.equal([]);
    document.cookie = `${name}_other=; Max-Age=0; Path=/`;
  });
});
