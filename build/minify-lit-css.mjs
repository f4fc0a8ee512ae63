// @ts-check
/**
 * Minifies the CSS inside Lit's css`` templates of src/ui/ at build time with
 * esbuild's CSS minifier. The templates hold no interpolations, so each is one
 * style sheet. Dev and tests keep the readable source. (Not lightningcss, which
 * vite also brings: it prints numbers with six digits, so the default z-index
 * 2147483000 came out as 2147480000; test/build/minify-lit-css.test.mjs.)
 */
import { transformSync } from 'esbuild';

/**
 * @param {string} text a style sheet
 * @param {string} id the module it is in, named in an error
 */
export function minifyCss(text, id) {
  return transformSync(text, { loader: 'css', minify: true, sourcefile: id }).code.trim();
}

/** @returns {import('vite').Plugin} */
export function minifyLitCss() {
  return {
    name: 'consent-gate:minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/]ui[\\/]/.test(id) || !code.includes('css`')) return undefined;
      // (Only a style sheet assigned from the tag: `= css\`…\``, not the tag named in a comment.)
      return { code: code.replace(/(=\s*css)`([^`$]*)`/g, (_, tag, text) => `${tag}\`${minifyCss(text, id)}\``), map: null };
    },
  };
}
