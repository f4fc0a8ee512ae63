// @ts-check
/**
 * Two places where the replay SDK (its rrweb) records page content that our
 * locked options cannot mask, changed in our copy of it: the replay chunk of
 * both builds and the demo's dev server. (A page's own SDK, through
 * window.Sentry or useSentry(), keeps its own code; README's known limits say so.)
 *
 * Each change must match the SDK's code exactly once, or the build stops: an
 * SDK upgrade must look at these again. test/build/replay-sdk-privacy.test.mjs
 * holds that to the installed SDK; test/gates/sentry-masking.test.ts checks in
 * browsers that the recordings come out masked.
 */

/** @typedef {{ what: string; find: RegExp; replace: string; needs?: string; upstream: string }} SdkChange */

/** @type {readonly SdkChange[]} */
export const REPLAY_SDK_CHANGES = [
  {
    // Masking is decided by a text node's parent element. A text node placed
    // directly in a shadow root (Lit's html`Hello ${name}` makes them) has none, so
    // even with maskAllText it was recorded as is. It is masked by the shadow host,
    // as the SDK already treats everything deeper in that shadow tree.
    what: 'text placed directly in a shadow root',
    // The SDK's masking stops at shadow boundaries; its maintainers' work on carrying
    // masking from a shadow host into its shadow root (no upstream rrweb issue exists):
    upstream: 'https://github.com/getsentry/rrweb/pull/319',
    find: /(\nfunction needMaskingText\(node,[^)]*\) \{\n\s*try \{\n\s*const el = node\.nodeType === node\.ELEMENT_NODE \? node : node\.parentElement)(;\n\s*if \(el === null\) return false;)/,
    replace: '$1 || (isShadowRoot(node.parentNode) ? node.parentNode.host : null)$2',
    needs: '\nfunction isShadowRoot(n) {',
  },
  {
    // Link targets are page content (mailto: addresses, /customers/<name>), but
    // URL attributes are made absolute before maskAttributes is asked. A link's
    // href is masked like text; the player never follows it. (<area> and SVG
    // links need nothing: blockAllMedia blocks map and svg as a whole.)
    what: 'the href of links',
    // No upstream issue or option found (rrweb's maskAttributeFn is asked after
    // the URL is made absolute, and Sentry's replay exposes no per-attribute mask for href).
    upstream: 'none found',
    find: /(\nfunction transformAttribute\(doc, tagName, name, value, element, maskAttributeFn[^)]*\) \{\n\s*if \(!value\) \{\n\s*return value;\n\s*\}\n)/,
    replace: '$1  if (name === "href" && tagName === "a") return value.replace(/[\\S]/g, "*");\n',
  },
];

/**
 * Applies every change to the SDK's code; throws, naming the change, when one
 * does not match exactly once (or what it needs is missing).
 * @param {string} code the SDK module's code
 * @returns {string}
 */
export function applyReplaySdkChanges(code) {
  for (const change of REPLAY_SDK_CHANGES) {
    const found = code.match(new RegExp(change.find.source, 'g'))?.length ?? 0;
    if (found !== 1 || (change.needs && !code.includes(change.needs))) {
      throw new Error(`@sentry/replay no longer reads as expected where it records ${change.what}; see build/replay-sdk-privacy.mjs`);
    }
    code = code.replace(change.find, change.replace);
  }
  return code;
}

/**
 * The vite plugin: changes the SDK module wherever a build or the dev server
 * loads it, and stops a build that carries @sentry/replay without the changes.
 * @returns {import('vite').Plugin}
 */
export function replaySdkPrivacy() {
  const sdkModule = /[\\/]@sentry[\\/]replay[\\/]build[\\/]npm[\\/]esm[\\/]index\.js$/;
  const replayPackage = /[\\/]@sentry[\\/]replay[\\/]/;
  let changed = false;
  return {
    name: 'consent-gate:replay-sdk-privacy',
    transform(code, id) {
      if (!sdkModule.test(id.split('?')[0] ?? '')) return undefined;
      try {
        code = applyReplaySdkChanges(code);
      } catch (error) {
        this.error(/** @type {Error} */ (error).message);
      }
      changed = true;
      return { code, map: null };
    },
    generateBundle(_options, bundle) {
      // The SDK moved to another file: its code is in the build, unchanged.
      const bundled = Object.values(bundle).some((file) => file.type === 'chunk' && Object.keys(file.modules).some((id) => replayPackage.test(id)));
      if (bundled && !changed) this.error('@sentry/replay is in the build but not where build/replay-sdk-privacy.mjs expects it');
    },
  };
}
