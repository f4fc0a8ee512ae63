/**
 * Vite serves the demo (`npm start`) and builds the script-tag bundle
 * (`npm run build` → `dist/consent-gate.js` plus lazy chunks beside it).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  root: 'demo',
  // Chunk URLs resolve against the entry's own URL, so dist/ works under any prefix.
  base: './',
  plugins: [serveWidgetFromSource()],
  define: {
    // Sentry's debug logging is for SDK developers; it only adds bytes here.
    __SENTRY_DEBUG__: 'false',
    // Replay's compression worker ships as its own file (workerUrl), never as a blob: URL.
    __SENTRY_EXCLUDE_REPLAY_WORKER__: 'true',
  },
  server: {
    fs: { allow: [projectRoot] },
  },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // A site loads one module; preload hints would need page-relative URLs.
    modulePreload: false,
    rollupOptions: {
      input: { 'consent-gate': embedSource },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: '[name]-[hash].js',
        assetFileNames: '[name]-[hash][extname]',
      },
    },
  },
});
