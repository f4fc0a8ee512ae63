import type { Plugin } from 'vite';

/** The demo's servers' plugins (see dev-server.mjs). */
export function demoPlugins(): Plugin[];
