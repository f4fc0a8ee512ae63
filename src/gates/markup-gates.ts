/**
 * The gates for what a site writes in its markup: blocked `<script>` tags and
 * embeds (see scripts.ts and embeds.ts). One chunk, fetched when the page has
 * (or gets) such a tag. A blocked embed's stand-in comes from `placeholder`
 * (the UI's, handed in by the wiring: gates know nothing of the UI).
 */
import type { ConsentStore } from '../consent/store.js';
import { createEmbedGate, type PlaceholderFactory } from './embeds.js';
import type { Gate } from './gate.js';
import { createScriptGate } from './scripts.js';

export function createMarkupGates(store: ConsentStore, report: (message: string) => void, placeholder: PlaceholderFactory): Gate {
  const gates = [createScriptGate(store, report), createEmbedGate(store, report, placeholder)];
  return {
    name: 'scripts and embeds',
    follow: (state, source) => Promise.all(gates.map((gate) => gate.follow(state, source))),
  };
}
