import { render as renderSvelte } from 'svelte/server';
import App from './App.svelte';

/** The app's HTML, rendered in Node: App imports consent-gate, which must not touch the DOM there. */
export function render(): string {
  return renderSvelte(App).body;
}
