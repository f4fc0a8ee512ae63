/**
 * The shape of dist/: the entry imports nothing statically, and the session replay
 * code (and its worker) sit only in chunks reached through a dynamic import, so
 * no page downloads them before the replay category is granted.
 */
import { expect } from '@esm-bundle/chai';

const DIST = '/dist/';
/** Strings that exist only in the replay SDK (rrweb and the Replay integration). */
const REPLAY_MARKERS = ['Multiple Sentry Session Replay instances are not supported', 'rr_width'];

async function text(file: string): Promise<string> {
  const response = await fetch(`${DIST}${file}`, { cache: 'no-store' });
  expect(response.status, `${file} is in dist/`).to.equal(200);
  return response.text();
}

/** `./x.js` targets of static imports/re-exports and of dynamic `import()`s in minified ES output. */
function imports(code: string): { static: string[]; dynamic: string[] } {
  const quoted = `["'\`]\\.\\/([\\w.-]+\\.js)["'\`]`;
  return {
    static: [...code.matchAll(new RegExp(`(?:^|[;}\\s])(?:import|export)\\s*(?:[\\w*{][^;]*?from\\s*)?${quoted}`, 'g'))].map((m) => m[1]!),
    dynamic: [...code.matchAll(new RegExp(`import\\(\\s*${quoted}\\s*\\)`, 'g'))].map((m) => m[1]!),
  };
}

/** Source text with the minifier's `\\uXXXX` and `\\xXX` escapes of non-ASCII letters undone. */
const unescape = (code: string) =>
  code.replace(/\\u([0-9a-f]{4})|\\x([0-9a-f]{2})/gi, (_, u: string, x: string) => String.fromCharCode(parseInt(u ?? x, 16)));

/** A chunk and everything it imports statically, as one text. */
async function withStaticImports(file: string, seen = new Set<string>()): Promise<string> {
  if (seen.has(file)) return '';
  seen.add(file);
  const code = await text(file);
  const nested = await Promise.all(imports(code).static.map((dependency) => withStaticImports(dependency, seen)));
  return [code, ...nested].join('\n');
}

/** Every chunk the entry can reach, through static and dynamic imports (the Sentry chunks sit behind the Sentry gate's). */
async function reachable(entry: string): Promise<string[]> {
  const found = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (found.has(file)) return;
    found.add(file);
    const { static: direct, dynamic } = imports(await text(file));
    await Promise.all([...direct, ...dynamic].map(visit));
  };
  await visit(entry);
  return [...found];
}

describe('dist/', () => {
  it('keeps the UI out of the core: no Lit, no element, no texts in the entry', async () => {
    const entry = unescape(await text('consent-gate.js'));
    const ui = imports(entry).dynamic.find((file) => file.startsWith('consent-gate-ui-'));
    expect(ui, 'the UI chunk').to.be.a('string');
    const uiCode = unescape(await text(ui!));
    // lit-html marks its templates with _$litType$; the elements define themselves with a shadow root.
    for (const [what, marker] of [['lit-html', '_$litType$'], ['a shadow root', 'attachShadow'], ['English texts', 'Accept all']]) {
      expect(entry, `${what} is not in the core`).to.not.include(marker);
      expect(uiCode, `${what} is in the UI chunk`).to.include(marker);
    }
  });

  it('keeps each built-in language other than English in a lazy chunk of its own', async () => {
    const entry = unescape(await text('consent-gate.js'));
    const ui = unescape(await text(imports(entry).dynamic.find((file) => file.startsWith('consent-gate-ui-'))!));
    expect(ui, 'English is built into the UI chunk').to.include('Accept all');
    const lazy = imports(entry).dynamic;
    // One text of each language that appears nowhere else.
    const samples: Record<string, string> = {
      de: 'Alle ablehnen',
      fr: 'Tout refuser',
      es: 'Rechazar todo',
      it: 'Rifiuta tutto',
      nl: 'Alles weigeren',
      pl: 'Odrzuć wszystkie',
      pt: 'Rejeitar tudo',
      ar: 'رفض الكل',
    };
    for (const [language, sample] of Object.entries(samples)) {
      expect(entry + ui, `${language} is not in the entry nor the UI chunk`).to.not.include(sample);
      const chunk = lazy.find((file) => file.startsWith(`${language}-`));
      expect(chunk, `a lazy ${language} chunk`).to.be.a('string');
      const code = unescape(await text(chunk!));
      expect(code, `${language} chunk`).to.include(sample);
      expect(imports(code).static, `${language} chunk imports nothing`).to.deep.equal([]);
    }
  });

  it('has an entry with no static imports and no replay code', async () => {
    const entry = await text('consent-gate.js');
    expect(imports(entry).static).to.deep.equal([]);
    for (const marker of REPLAY_MARKERS) expect(entry).to.not.include(marker);
  });

  it("starts the UI chunk, and only it, with V8's compile hint (vite.config.ts says why)", async () => {
    // The files as built (the test server's own transform of .js would put "use strict" first).
    const raw = async (file: string) => {
      const response = await fetch(`/__raw${DIST}${file}`, { cache: 'no-store' });
      expect(response.status, `${file} as built`).to.equal(200);
      return response.text();
    };
    const hint = '//# allFunctionsCalledOnLoad\n';
    const ui = (await reachable('consent-gate.js')).find((file) => file.startsWith('consent-gate-ui-'))!;
    const uiCode = await raw(ui);
    expect(uiCode.startsWith(hint), uiCode.slice(0, 60)).to.equal(true);
    const chunks = (await reachable('consent-gate.js')).filter((file) => file !== ui);
    expect(chunks.length).to.be.above(5);
    for (const chunk of chunks) expect((await raw(chunk)).startsWith(hint), chunk).to.equal(false);
  });

  it('keeps replay code out of the error-monitoring chunk and in a chunk of its own', async () => {
    const lazy = await reachable('consent-gate.js');
    const client = lazy.find((file) => file.startsWith('sentry-client-'));
    const replay = lazy.find((file) => file.startsWith('sentry-replay-'));
    expect(client, 'a lazy Sentry client chunk').to.be.a('string');
    expect(replay, 'a lazy replay chunk').to.be.a('string');
    const clientCode = await withStaticImports(client!);
    for (const marker of REPLAY_MARKERS) expect(clientCode, `client chunk has "${marker}"`).to.not.include(marker);
    const replayCode = await withStaticImports(replay!);
    expect(replayCode).to.include(REPLAY_MARKERS[0]);
  });

  it('ships the replay compression worker as a file, not an inline blob', async () => {
    const replay = (await reachable('consent-gate.js')).find((file) => file.startsWith('sentry-replay-'))!;
    const replayCode = await withStaticImports(replay);
    const worker = /worker-bundler-[\w-]+\.js/.exec(replayCode)?.[0];
    expect(worker, 'the replay chunk names its worker file').to.be.a('string');
    expect(await text(worker!)).to.include('postMessage');
    expect(replayCode, 'no inlined worker source turned into a blob: URL').to.not.include('createObjectURL');
  });
});
