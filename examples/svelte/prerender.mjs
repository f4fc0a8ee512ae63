/**
 * Server rendering, the simplest way: after `vite build` (the client) and
 * `vite build --ssr` (the server entry), render the app in Node and put its
 * HTML into dist/index.html, where the client hydrates it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const { render } = await import(new URL('./dist-server/entry-server.js', import.meta.url).href);
const page = new URL('./dist/index.html', import.meta.url);
writeFileSync(page, readFileSync(page, 'utf8').replace('<!--app-html-->', render()));
