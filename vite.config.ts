/**
 * Builds the script-tag bundle (`npm run build` → `dist/consent-gate.js`, the
 * core, plus lazy chunks beside it) and the npm entry (`--mode npm`). The demo's
 * servers (`npm start`, `npm run preview`) bring their own plugins
 * (demo/server/dev-server.mjs); the changes to the replay SDK live in
 * build/replay-sdk-privacy.mjs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { minifyLitCss } from './build/minify-lit-css.mjs';
import { replaySdkPrivacy } from './build/replay-sdk-privacy.mjs';
import { demoPlugins } from './demo/server/dev-server.mjs';

const require = createRequire(import.meta.url);
const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const embedSource = fileURLToPath(new URL('./src/embed.ts', import.meta.url));

/**
 * V8's compile hint (`//# allFunctionsCalledOnLoad`, Chromium 136+) at the top of
 * the UI chunk: its functions are compiled with the file, while it streams in off
 * the main thread, not one by one on the main thread inside the banner's task
 * (at 4× CPU about a third of that task). It is the UI's, not the core's: the
 * hint costs bytecode for every function of the file, and the core runs on every
 * page view, a returning visitor's too. `npm run bench`, 4 runs, hint on the
 * core: returning visit heap added 221 KB, without it 173 KB (vanilla 145);
 * first visit at 4×, Accept all visible 469 ms with it, 685 ms without.
 * test/bench/RESULTS.md has the 15-run record of this shape. Other engines
 * ignore the comment. Added after minification, which would drop it.
 */
function compileHintForUi(): Plugin {
  return {
    name: 'consent-gate:compile-hint',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.name === 'consent-gate-ui') file.code = `//# allFunctionsCalledOnLoad\n${file.code}`;
      }
    },
  };
}

/**
 * `vite build --mode npm`: the npm entry (`src/index.ts`) as an ES module in
 * `dist/npm/`, its dependencies left to the site's bundler, except the replay
 * SDK: its code comes with our replay chunk, with REPLAY_SDK_CHANGES applied.
 */
const npmBuild = {
  outDir: '../dist/npm',
  emptyOutDir: true,
  lib: { entry: fileURLToPath(new URL('./src/index.ts', import.meta.url)), formats: ['es' as const], fileName: () => 'index.js' },
  rollupOptions: {
    external: [/^lit($|\/)/, /^@lit\//, /^@sentry\/(?!replay($|\/)|.*\?url$)/, 'js-cookie'],
    output: { chunkFileNames: '[name]-[hash].js', assetFileNames: '[name]-[hash][extname]' },
  },
};

/**
 * Vite wraps each dynamic import in a preload helper (about 1 KB gzip) that adds
 * `<link rel=modulepreload>` and CSS for the chunk's dependencies. This build has
 * no CSS files and no preload list (`modulePreload: false`), so the helper only
 * ever calls the import: it is replaced by exactly that.
 */
function plainDynamicImports(): Plugin {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'consent-gate:plain-dynamic-imports',
    apply: 'build',
    enforce: 'pre',
    resolveId: (source) => (source === id ? id : undefined),
    load: (loaded) => (loaded === id ? 'export const __vitePreload = (load) => load();' : undefined),
  };
}

/**
 * In the npm build the replay worker's `?url` import is '' (library mode could
 * only inline the worker as a data: URL). The worker ships instead as
 * `dist/npm/replay-worker.js` (`consent-gate/replay-worker`), for the site's
 * bundler to serve and hand to `startConsentGate({ replayWorkerUrl })`; without
 * that, our copy of @sentry/replay uses its built-in worker (CSP: `worker-src blob:`).
 */
function replayWorkerForNpm(): Plugin {
  const id = '\0consent-gate:no-replay-worker-file';
  return {
    name: 'consent-gate:replay-worker-for-npm',
    enforce: 'pre',
    resolveId: (source) => (source === '@sentry/replay/worker-bundler?url' ? id : undefined),
    load: (loaded) => (loaded === id ? 'export default "";' : undefined),
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'replay-worker.js', source: readFileSync(require.resolve('@sentry/replay/worker-bundler'), 'utf8') });
    },
  };
}

export default defineConfig(({ mode }) => ({
  root: 'demo',
  // Chunk URLs resolve against the entry's own URL, so dist/ works under any prefix.
  base: './',
  plugins: [
    ...demoPlugins(),
    minifyLitCss(),
    plainDynamicImports(),
    replaySdkPrivacy(),
    // (The npm build's code is bundled again by the site's bundler, which would drop the hint.)
    ...(mode === 'npm' ? [replayWorkerForNpm()] : [compileHintForUi()]),
  ],
  // (The npm build leaves these to the site's bundler, also in the replay code it carries.)
  define: mode === 'npm' ? {} : {
    // Sentry's debug logging is for SDK developers; it only adds bytes here.
    __SENTRY_DEBUG__: 'false',
    // Replay's compression worker ships as its own file (workerUrl), never as a blob: URL.
    __SENTRY_EXCLUDE_REPLAY_WORKER__: 'true',
  },
  server: {
    fs: { allow: [projectRoot] },
  },
  // Served as it is rather than pre-bundled, so replaySdkPrivacy() applies in the demo too.
  // (Its imports stay pre-bundled, so the page has one copy of each: Sentry's handlers are per copy.)
  optimizeDeps: { exclude: ['@sentry/replay'], include: ['@sentry/core', '@sentry/browser-utils'] },
  preview: { port: 4173 },
  build: mode === 'npm' ? npmBuild : {
    outDir: '../dist',
    emptyOutDir: true,
    // A site loads one module; preload hints would need page-relative URLs.
    modulePreload: false,
    rollupOptions: {
      input: { 'consent-gate': embedSource },
      preserveEntrySignatures: 'allow-extension',
      output: {
        codeSplitting: {
          groups: [
            { name: 'consent-gate', tags: ['$initial'], priority: 2 },
            { name: 'consent-gate-ui', test: /[\\/]src[\\/]ui[\\/](mount|consent-gate(\.component|\.styles)?|element|i18n|strings|focus-clearance|css)\.ts$|[\\/]node_modules[\\/]lit-html[\\/]lit-html\.js$/, priority: 1 },
          ],
        },
        entryFileNames: '[name].js',
        chunkFileNames: '[name]-[hash].js',
        assetFileNames: '[name]-[hash][extname]',
      },
    },
  },
}));
