/**
 * Server rendering, the simplest way, for the app whose `npm run build` runs
 * this (its folder is the working directory): after `vite build` (the client)
 * and `vite build --ssr` (the server entry, whose `render()` gives the app's
 * HTML), render the app in Node and put its HTML into dist/index.html, where
 * the client hydrates it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const app = process.cwd();
const { render } = await import(pathToFileURL(join(app, 'dist-server', 'entry-server.js')).href);
const page = join(app, 'dist', 'index.html');
writeFileSync(page, readFileSync(page, 'utf8').replace('<!--app-html-->', render()));
