/**
 * The build's CSS minifier (build/minify-lit-css.mjs) on the elements' real
 * style sheets: shorter, and every value a site can see kept as written.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { minifyCss } from '../../build/minify-lit-css.mjs';

const sheets = ['consent-gate.styles.ts', 'consent-placeholder.styles.ts', 'preferences-dialog.ts'].map((file) => {
  const source = readFileSync(new URL(`../../src/ui/${file}`, import.meta.url), 'utf8');
  const sheet = /=\s*css`([^`$]*)`/.exec(source);
  assert.ok(sheet, `a style sheet in ${file}`);
  return [file, sheet[1]];
});

describe('the CSS minifier', () => {
  for (const [file, css] of sheets) {
    it(`shortens ${file} and keeps every custom property's default and number as written`, () => {
      const minified = minifyCss(css, file);
      assert.ok(minified.length < css.length * 0.8, `${minified.length} of ${css.length}`);
      assert.ok(!minified.includes('/*'), 'no comments left');
      for (const [, name, fallback] of css.matchAll(/var\((--consent-gate-[\w-]+),\s*([^()]*(?:\([^()]*\))?[^()]*)\)/g)) {
        assert.ok(minified.includes(name), name);
        for (const number of fallback.match(/\d{4,}/g) ?? []) assert.ok(minified.includes(number), `${name}: ${number} kept`);
      }
    });
  }

  it('keeps the documented default z-index exactly', () => {
    assert.ok(minifyCss(sheets[0][1], 'consent-gate.styles.ts').includes('var(--consent-gate-z-index, 2147483000)') || minifyCss(sheets[0][1], 'x').includes('var(--consent-gate-z-index,2147483000)'));
  });
});
