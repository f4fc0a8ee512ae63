import { hydrate, mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app')!;
// Rendered on the server (npm run build prerenders it): hydrate; in `vite` dev: mount.
if (target.firstElementChild) hydrate(App, { target });
else mount(App, { target });
