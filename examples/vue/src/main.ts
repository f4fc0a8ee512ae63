import { createApp } from 'vue';
import { startConsentGate } from 'consent-gate';
// Vite serves the worker file and gives its URL (so the CSP needs no worker-src blob:).
import replayWorkerUrl from 'consent-gate/replay-worker?url';
import { exampleConfig } from '../../shared/config';
import App from './App.vue';

// consent-gate belongs to the page: start it once, beside the app.
startConsentGate({ config: exampleConfig(), replayWorkerUrl });
createApp(App).mount('#app');
