/**
 * README's table of the `strings` keys against the source: every text key a
 * site may set (TEXT_KEYS) has a row, no row names a key that does not exist,
 * each row's English text is the widget's, and each row lists exactly the
 * placeholders ({on}, {days}, ...) that its English text uses. A language that
 * is not built in must give every key, so a key missing from README is a
 * language rejected on a site that followed it.
 *
 * How the source is read: node cannot import the .ts files, and dist/ is no
 * help (minified, split into hashed chunks, and absent until a build). So
 * esbuild, which the build already uses (build/minify-lit-css.mjs), bundles
 * the three modules that hold the keys and the English texts into one ES
 * module in memory, and the test imports that. The values are then exactly
 * what the widget renders (joined `+` strings, escapes and all), with no regex
 * that a reformatted source file could quietly defeat.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function importSource() {
  const { outputFiles } = buildSync({
    stdin: {
      contents: [
        "export { TEXT_KEYS } from './src/consent/config-base.ts';",
        "export { en } from './src/ui/strings.ts';",
        "export { enPage } from './src/ui/strings-page.ts';",
        "export { BUILT_IN_LANGUAGES } from './src/ui/languages.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

const { TEXT_KEYS, en, enPage, BUILT_IN_LANGUAGES } = await importSource();
/** English, as a page sees it: the widget's texts and the placeholder's and declaration's. */
const english = { ...en, ...enPage };
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

const placeholders = (text) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
const cells = (line) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
const squash = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * The rows of README's table whose header has a `key` and a `placeholders`
 * column, by key (the key cell's text without backticks). Empty when there is
 * no such table, so every key is then reported missing.
 */
function readmeTable() {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => {
    const header = line.startsWith('|') ? cells(line).map((cell) => cell.toLowerCase()) : [];
    return header.includes('key') && header.includes('placeholders');
  });
  if (start === -1) return { columns: [], rows: new Map() };
  const columns = cells(lines[start]).map((cell) => cell.toLowerCase());
  const rows = new Map();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const row = cells(line);
    rows.set(row[columns.indexOf('key')].replace(/`/g, ''), row);
  }
  return { columns, rows };
}

const { columns, rows } = readmeTable();
const column = (name) => columns.findIndex((cell) => cell.includes(name));

describe("README's strings table", () => {
  it('has a row for every text key a site may set', () => {
    const missing = TEXT_KEYS.filter((key) => !rows.has(key));
    assert.deepEqual(missing, [], `README lacks ${missing.length} of the ${TEXT_KEYS.length} keys: ${missing.join(', ')}`);
  });

  it('names no key that the config would reject', () => {
    const unknown = [...rows.keys()].filter((key) => !TEXT_KEYS.includes(key));
    assert.deepEqual(unknown, []);
  });

  it('lists for each key exactly the placeholders of its English text', () => {
    assert.notEqual(column('placeholders'), -1, 'a placeholders column');
    for (const key of TEXT_KEYS.filter((key) => rows.has(key))) {
      const documented = placeholders(rows.get(key)[column('placeholders')]);
      assert.deepEqual(documented, placeholders(english[key]), `${key}: "${english[key]}"`);
    }
  });

  it("gives each key's English text as the widget shows it", () => {
    assert.notEqual(column('english'), -1, 'an English text column');
    for (const key of TEXT_KEYS.filter((key) => rows.has(key))) {
      assert.equal(squash(rows.get(key)[column('english')]), squash(english[key]), key);
    }
  });

  it('names the built-in languages in its section', () => {
    const lines = readme.split('\n');
    const start = lines.findIndex((line) => line.startsWith('### Texts and languages'));
    assert.notEqual(start, -1, 'a "### Texts and languages" section');
    const end = lines.findIndex((line, i) => i > start && line.startsWith('#'));
    const section = lines.slice(start, end === -1 ? undefined : end).join('\n');
    const builtIn = /\*\*Built-in languages\*\*:([^.]*)\./.exec(section)?.[1] ?? '';
    assert.deepEqual([...builtIn.matchAll(/`([\w-]+)`/g)].map((m) => m[1]).sort(), [...BUILT_IN_LANGUAGES].sort());
  });
});
