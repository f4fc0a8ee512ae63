// @ts-check
/**
 * What the demo's servers add to vite (`npm start`, `npm run preview`): the
 * widget at the URL a site loads it from, the demo's Sentry DSN, the built
 * widget for the preview, and the inbox (inbox.mjs). vite.config.ts only builds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inboxPlugin } from './inbox.mjs';

/** @typedef {import('vite').Plugin} Plugin */

const embedSource = fileURLToPath(new URL('../../src/embed.ts', import.meta.url));
const demoRoot = fileURLToPath(new URL('../', import.meta.url));
const distRoot = fileURLToPath(new URL('../../dist/', import.meta.url));

/**
 * In development the demo pages load the widget exactly as a site does, from
 * `/consent-gate/consent-gate.js`; this serves that URL from the TypeScript source.
 * @returns {Plugin}
 */
function serveWidgetFromSource() {
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

/**
 * The demo pages' DSN: `SENTRY_DSN` from the environment, else (empty) the built-in inbox.
 * @param {string} html
 */
const withSentryDsn = (html) => html.replaceAll('__SENTRY_DSN__', JSON.stringify(process.env.SENTRY_DSN ?? '').slice(1, -1));

/** @returns {Plugin} */
function demoSentryDsn() {
  return { name: 'consent-gate:demo-sentry-dsn', transformIndexHtml: withSentryDsn };
}

/**
 * `npm run preview`: the demo pages with the widget from the built `dist/`
 * (`/consent-gate/*` → dist), so what a site gets is what the demo shows.
 * @returns {Plugin}
 */
function previewDemoFromDist() {
  /** @type {Record<string, string>} */
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };
  return {
    name: 'consent-gate:preview-demo',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        let path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
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

/** The demo's servers' plugins. @returns {Plugin[]} */
export function demoPlugins() {
  return [serveWidgetFromSource(), demoSentryDsn(), inboxPlugin(), previewDemoFromDist()];
}
