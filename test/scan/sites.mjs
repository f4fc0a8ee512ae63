/**
 * Loopback sites for the scanner's tests: each a tiny node:http server on
 * 127.0.0.1 (a free port) that serves the built widget (`dist/`, as
 * `npm run build` and the `pretest` script write it) under /consent-gate/ and
 * the site's own pages from a table of routes.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const distRoot = join(repoRoot, 'dist');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

/**
 * @typedef {object} Route
 * @property {string} [body]
 * @property {string} [type]
 * @property {Record<string, string | string[]>} [headers]
 * @property {boolean} [hang]  never answer (a page that never loads)
 */

/**
 * Starts a site. `routes` maps a path (without the query) to what it answers.
 *
 * @param {Record<string, Route | string>} routes  a string is an HTML page
 * @returns {Promise<{ origin: string, url: (path: string) => string, requests: { method: string, path: string, body: Buffer }[], close: () => Promise<void> }>}
 */
export async function startSite(routes) {
  if (!existsSync(join(distRoot, 'consent-gate.js'))) throw new Error('dist/consent-gate.js is missing: run npm run build first');
  /** @type {{ method: string, path: string, body: Buffer }[]} */
  const requests = [];
  /** @type {Set<import('node:http').ServerResponse>} */
  const hanging = new Set();
  const server = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const path = new URL(request.url ?? '/', 'http://site').pathname;
    requests.push({ method: request.method ?? 'GET', path, body: Buffer.concat(chunks) });
    if (path.startsWith('/consent-gate/')) {
      const file = normalize(join(distRoot, path.slice('/consent-gate/'.length)));
      if (file.startsWith(distRoot) && existsSync(file)) {
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(readFileSync(file));
        return;
      }
    }
    const found = routes[path];
    const route = typeof found === 'string' ? { body: found } : found;
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    if (route.hang) {
      hanging.add(response);
      return;
    }
    response.writeHead(200, { 'content-type': route.type ?? TYPES['.html'], ...route.headers });
    response.end(route.body ?? '');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/**
 * A page that runs consent-gate from /consent-gate/ with `config` in the JSON block.
 *
 * @param {{ config?: object, head?: string, body?: string, title?: string }} page
 */
export function widgetPage({ config = {}, head = '', body = '', title = 'A page' }) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <script type="application/json" id="consent-gate-config">${JSON.stringify(config)}</script>
    <script type="module" src="/consent-gate/consent-gate.js"></script>
    ${head}
  </head>
  <body>
    <main><h1>${title}</h1>${body}</main>
  </body>
</html>`;
}

/**
 * The site's own @sentry/browser as one classic script (window.SiteSentry),
 * bundled with esbuild from the repo's dependency: what a site that runs its
 * own Sentry ships.
 *
 * @returns {Promise<string>}
 */
export async function siteSentryBundle() {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: "import * as Sentry from '@sentry/browser'; window.SiteSentry = Sentry;", resolveDir: repoRoot, loader: 'js' },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return /** @type {string} */ (result.outputFiles[0]?.text);
}
