import type { Plugin } from 'vite';

export function minifyCss(text: string, id: string): string;
export function minifyLitCss(): Plugin;
