/**
 * The built custom-elements manifest (dist/custom-elements.json; run
 * `npm run build` first) against what ships and what is documented: every path
 * it names is in the package, it lists only what a site may use, and its CSS
 * custom properties and parts are the ones README.md and the style sheets have.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const pkg = JSON.parse(read('package.json'));
assert.ok(existsSync(new URL(pkg.customElements, root)), `${pkg.customElements} is built (npm run build)`);
const manifest = JSON.parse(read(pkg.customElements));
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
const byTag = new Map(elements.map((element) => [element.tagName, element]));

/** Every `module` a reference names (exports, superclass, inheritedFrom), wherever it is. */
function referencedModules(value) {
  if (Array.isArray(value)) return value.flatMap(referencedModules);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === 'module' && typeof inner === 'string' ? [inner] : referencedModules(inner)));
}

/** The `--consent-gate-…` names in `text`. */
const customProperties = (text) => new Set(text.match(/--consent-gate-[\w-]+/g));

describe('the custom-elements manifest', () => {
  it('names only files that are built and in the package', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
    const shipped = new Set(packed.files.map((file) => file.path));
    assert.ok(shipped.has(pkg.customElements), 'the manifest itself ships');
    const paths = [...manifest.modules.map((module) => module.path), ...referencedModules(manifest.modules)];
    assert.ok(paths.length > 0);
    for (const path of new Set(paths)) {
      assert.ok(existsSync(new URL(path, root)), `${path} exists`);
      assert.ok(shipped.has(path), `${path} is in the package`);
    }
  });

  it('declares the three elements', () => {
    assert.deepEqual([...byTag.keys()].sort(), ['consent-gate', 'consent-gate-declaration', 'consent-gate-placeholder']);
  });

  it('lists only public members and attributes', () => {
    for (const element of elements) {
      for (const item of [...(element.members ?? []), ...(element.attributes ?? [])]) {
        const what = `${element.tagName}: ${item.name}`;
        assert.doesNotMatch(item.name, /^[_#]/, what);
        assert.ok(item.privacy !== 'private' && item.privacy !== 'protected', `${what} is ${item.privacy}`);
        assert.ok(!item.static, `${what} is static`);
      }
    }
  });

  it('lists what a site may call or set, not what the widget wires (store, locale, rendering)', () => {
    const members = Object.fromEntries(elements.map((element) => [element.tagName, (element.members ?? []).map((member) => member.name).sort()]));
    assert.deepEqual(members, {
      'consent-gate': ['closePreferences', 'openPreferences'],
      'consent-gate-declaration': ['headingLevel'],
      'consent-gate-placeholder': [],
    });
  });

  it("lists only the attributes each element observes", () => {
    for (const element of elements) {
      const file = ['consent-gate', 'consent-declaration', 'consent-placeholder']
        .map((name) => read(`src/ui/${name}.component.ts`))
        .find((source) => source.includes(`class ${element.name} `));
      assert.ok(file, `the source of ${element.name}`);
      const observed = /static observedAttributes = \[([^\]]*)\]/.exec(file)?.[1].match(/[\w-]+/g) ?? [];
      assert.deepEqual((element.attributes ?? []).map((attribute) => attribute.name).sort(), observed.sort(), element.tagName);
    }
  });

  it('lists no events on the elements: the public ones fire on document, consent-gate:connect is internal', () => {
    for (const element of elements) assert.deepEqual(element.events ?? [], [], element.tagName);
  });

  it('has the custom properties README.md documents, each described, and those the style sheets read', () => {
    const readme = read('README.md');
    const all = elements.flatMap((element) => element.cssProperties ?? []);
    for (const property of all) assert.ok(property.description?.trim(), `${property.name} has a description`);
    assert.deepEqual(new Set(all.map((property) => property.name)), customProperties(readme));
    // README's Theme table is the banner's.
    const table = readme.split('\n').filter((line) => /^\| `--consent-gate-/.test(line)).join('\n');
    const banner = byTag.get('consent-gate').cssProperties.map((property) => property.name);
    assert.deepEqual(new Set(banner), customProperties(table));
    assert.equal(banner.length, 11);
    const sheets = {
      'consent-gate': ['consent-gate.styles.ts', 'preferences-dialog.ts'],
      'consent-gate-placeholder': ['consent-placeholder.styles.ts'],
      'consent-gate-declaration': [],
    };
    for (const [tag, files] of Object.entries(sheets)) {
      const used = customProperties(files.map((file) => read(`src/ui/${file}`)).join('\n'));
      assert.deepEqual(new Set((byTag.get(tag).cssProperties ?? []).map((property) => property.name)), used, tag);
    }
  });

  it("has the banner's parts", () => {
    const parts = byTag.get('consent-gate').cssParts.map((part) => part.name);
    for (const part of ['banner', 'dialog', 'button', 'switch', 'accept', 'reject', 'preferences', 'save', 'close']) assert.ok(parts.includes(part), part);
    assert.deepEqual(byTag.get('consent-gate-placeholder').cssParts.map((part) => part.name).sort(), ['button', 'placeholder']);
  });
});
