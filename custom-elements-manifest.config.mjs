/**
 * Config of `cem analyze` (npm run build:manifest), which writes
 * dist/custom-elements.json: the elements as a site meets them. The analyzer
 * reads the TypeScript sources; `publicManifest` then rewrites what it found
 * into what the package ships and what a site may use. (No `litelement`: the
 * elements are not LitElements, and its rules would hide `requestUpdate`.)
 */

/**
 * The one module the manifest names. The sources (src/ui/) do not ship, and the
 * built classes live in lazily loaded chunks whose names are hashed
 * (dist/consent-gate-ui-*.js, ...) and change with every build.
 * dist/consent-gate.js (`consent-gate/script`) is the file a site loads, and
 * it defines all three tags, each when the page needs it, by loading those
 * chunks. The npm entry, dist/npm/index.js, defines them too, but only once
 * `startConsentGate()` runs, and it exports their types only.
 */
const SCRIPT = 'dist/consent-gate.js';

/** Dispatched by the elements for the widget's own wiring (src/ui/mount.ts), not for sites. */
const WIRING_EVENTS = new Set(['consent-gate:connect']);

/**
 * Public in TypeScript for the widget's own wiring (src/ui/mount.ts and the
 * gates set them; the base class renders with them), not for sites: setting
 * one from a page would only fight the widget.
 */
const WIRING_MEMBERS = new Set(['store', 'locale', 'sentry', 'source', 'categories', 'locked', 'renderRoot', 'requestUpdate', 'updateComplete']);

/** A member a site cannot use: private, protected, `_`/`#`-named, static (styles, the reactive-property machinery), or wiring. */
const internal = (member) =>
  member.privacy === 'private' ||
  member.privacy === 'protected' ||
  member.static ||
  /^[_#]/.test(member.name) ||
  WIRING_MEMBERS.has(member.name);

/**
 * Keeps the element classes, as one module at `SCRIPT`: public members only,
 * inherited ones flattened in (their base class, UiElement, is not exported by
 * anything that ships, so `superclass` and `inheritedFrom` would name a file
 * that does not exist), and each tag's definition as an export.
 */
function publicManifest() {
  return {
    name: 'consent-gate: public manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const elements = manifest.modules
        .flatMap((module) => module.declarations ?? [])
        .filter((declaration) => declaration.tagName);
      for (const element of elements) {
        delete element.superclass;
        element.members = element.members?.filter((member) => !internal(member));
        element.attributes = element.attributes?.filter((attribute) => !/^_/.test(attribute.name));
        element.events = element.events?.filter((event) => !WIRING_EVENTS.has(event.name));
        for (const item of [...(element.members ?? []), ...(element.attributes ?? []), ...(element.events ?? [])]) {
          delete item.inheritedFrom;
        }
      }
      manifest.modules = [
        {
          kind: 'javascript-module',
          path: SCRIPT,
          declarations: elements,
          exports: elements.map(({ name, tagName }) => ({
            kind: 'custom-element-definition',
            name: tagName,
            declaration: { name, module: SCRIPT },
          })),
        },
      ];
    },
  };
}

export default {
  globs: ['src/ui/element.ts', 'src/ui/*.component.ts'],
  outdir: 'dist',
  plugins: [publicManifest()],
};
