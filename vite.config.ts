/**
 * Vite serves the demo (`npm start`) and builds the script-tag bundle
 * (`npm run build` → `dist/consent-gate.js` plus lazy chunks beside it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { inboxPlugin } from './demo/server/inbox.mjs';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const embedSource = fileURLToPath(new URL('./src/embed.ts', import.meta.url));

/**
 * In development the demo pages load the widget exactly as a site does, from
 * `/consent-gate/consent-gate.js`; this serves that URL from the TypeScript source.
 */
function serveWidgetFromSource(): Plugin {
  return {
    name: 'consent-gate:serve-from-source',
    apply: 'serve',
    resolveId(id) {
      return id === '/consent-gate/consent-gate.js' ? embedSource : undefined;
    },
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url?.split('?')[0] === '/consent-gate/consent-gate.js') {
          request.url = `/@fs${embedSource}`;
        }
        next();
      });
    },
  };
}

const demoRoot = fileURLToPath(new URL('./demo/', import.meta.url));
const distRoot = fileURLToPath(new URL('./dist/', import.meta.url));

/** The demo pages' DSN: `SENTRY_DSN` from the environment, else (empty) the built-in inbox. */
const withSentryDsn = (html: string): string => html.replaceAll('__SENTRY_DSN__', JSON.stringify(process.env.SENTRY_DSN ?? '').slice(1, -1));

function demoSentryDsn(): Plugin {
  return { name: 'consent-gate:demo-sentry-dsn', transformIndexHtml: withSentryDsn };
}

/**
 * `npm run preview`: the demo pages with the widget from the built `dist/`
 * (`/consent-gate/*` → dist), so what a site gets is what the demo shows.
 */
function previewDemoFromDist(): Plugin {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };
  return {
    name: 'consent-gate:preview-demo',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        let path = decodeURIComponent((request.url ?? '/').split('?')[0]!);
        if (path.endsWith('/')) path += 'index.html';
        const file = path.startsWith('/consent-gate/') ? join(distRoot, path.slice('/consent-gate/'.length)) : join(demoRoot, path);
        const inside = normalize(file).startsWith(distRoot) || normalize(file).startsWith(demoRoot);
        if (!inside || !existsSync(file) || file.includes(`${demoRoot}server`)) return next();
        response.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
        const body = readFileSync(file);
        response.end(extname(file) === '.html' ? withSentryDsn(body.toString('utf8')) : body);
      });
    },
  };
}

/**
 * V8's compile hint (`//# allFunctionsCalledOnLoad`, Chromium 136+) at the top of
 * the entry: its functions are compiled with the file, while it streams in off
 * the main thread, not one by one on the main thread the first time each runs.
 * Most of the entry runs before a choice, and that compiling was about a third of
 * the banner's task at 4× CPU (a trace: ~25 of 65–90 ms). `npm run bench`, 15
 * runs at 4×: long tasks 3 → 2, their total 311 → 209 ms, Accept all visible
 * 577 → 453 ms; the price is bytecode for the entry's functions that do not run
 * before a choice: about 57 KB more JS heap. Other engines ignore the comment.
 * Added after minification, which would drop it.
 */
function compileHintForEntry(): Plugin {
  return {
    name: 'consent-gate:compile-hint',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.isEntry) file.code = `//# allFunctionsCalledOnLoad\n${file.code}`;
      }
    },
  };
}

/**
 * Two places where the replay SDK (its rrweb) records page content that our
 * locked options cannot mask, changed in our copy of it (the replay chunk of
 * both builds; a page's own SDK, through window.Sentry or useSentry(), keeps its
 * own code). The build stops if the SDK's code no longer reads as expected: an
 * upgrade must look at these again. test/gates/sentry-masking.test.ts checks both.
 */
const REPLAY_SDK_CHANGES: { what: string; find: RegExp; replace: string; needs?: string }[] = [
  {
    // Masking is decided by a text node's parent element. A text node placed
    // directly in a shadow root (Lit's html`Hello ${name}` makes them) has none, so
    // even with maskAllText it was recorded as is. It is masked by the shadow host,
    // as the SDK already treats everything deeper in that shadow tree.
    what: 'text placed directly in a shadow root',
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
    find: /(\nfunction transformAttribute\(doc, tagName, name, value, element, maskAttributeFn[^)]*\) \{\n\s*if \(!value\) \{\n\s*return value;\n\s*\}\n)/,
    replace: '$1  if (name === "href" && tagName === "a") return value.replace(/[\\S]/g, "*");\n',
  },
];

function replaySdkPrivacy(): Plugin {
  const sdkModule = /[\\/]@sentry[\\/]replay[\\/]build[\\/]npm[\\/]esm[\\/]index\.js$/;
  const replayPackage = /[\\/]@sentry[\\/]replay[\\/]/;
  let changed = false;
  return {
    name: 'consent-gate:replay-sdk-privacy',
    transform(code, id) {
      if (!sdkModule.test(id.split('?')[0]!)) return undefined;
      for (const change of REPLAY_SDK_CHANGES) {
        const found = code.match(new RegExp(change.find.source, 'g'))?.length ?? 0;
        if (found !== 1 || (change.needs && !code.includes(change.needs))) {
          this.error(`@sentry/replay no longer reads as expected where it records ${change.what}; see REPLAY_SDK_CHANGES in vite.config.ts`);
        }
        code = code.replace(change.find, change.replace);
      }
      changed = true;
      return { code, map: null };
    },
    generateBundle(_options, bundle) {
      // The SDK moved to another file: its code is in the build, unchanged.
      const bundled = Object.values(bundle).some((file) => file.type === 'chunk' && Object.keys(file.modules).some((id) => replayPackage.test(id)));
      if (bundled && !changed) this.error('@sentry/replay is in the build but not where REPLAY_SDK_CHANGES expects it; see vite.config.ts');
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
 * Minifies the CSS inside Lit's css`` templates at build time (comments and
 * whitespace; the templates hold no interpolations). Dev and tests keep the
 * readable source.
 */
function minifyLitCss(): Plugin {
  const minify = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'consent-gate:minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!id.includes('/src/ui/') || !code.includes('css`')) return undefined;
      return { code: code.replace(/css`([^`$]*)`/g, (_, text: string) => `css\`${minify(text)}\``), map: null };
    },
  };
}

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
 * In the npm build the replay worker's `?url` import is ''. Library mode could
 * only inline the worker as a data: URL; without a URL the site's own
 * @sentry/replay uses its built-in worker (CSP: `worker-src blob:`).
 */
function noWorkerFileForNpm(): Plugin {
  const id = '\0consent-gate:no-replay-worker-file';
  return {
    name: 'consent-gate:no-worker-file-for-npm',
    enforce: 'pre',
    resolveId: (source) => (source === '@sentry/replay/worker-bundler?url' ? id : undefined),
    load: (loaded) => (loaded === id ? 'export default "";' : undefined),
  };
}

export default defineConfig(({ mode }) => ({
  root: 'demo',
  // Chunk URLs resolve against the entry's own URL, so dist/ works under any prefix.
  base: './',
  plugins: [
    serveWidgetFromSource(),
    demoSentryDsn(),
    inboxPlugin(),
    previewDemoFromDist(),
    minifyLitCss(),
    plainDynamicImports(),
    replaySdkPrivacy(),
    // (The npm build's code is bundled again by the site's bundler, which would drop the hint.)
    ...(mode === 'npm' ? [noWorkerFileForNpm()] : [compileHintForEntry()]),
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
