import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root')!;
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
// Rendered on the server (npm run build prerenders it): hydrate; in `vite` dev: render.
if (root.firstElementChild) hydrateRoot(root, app);
else createRoot(root).render(app);
