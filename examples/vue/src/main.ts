import { createApp } from 'vue';
import { startConsentGate } from 'consent-gate';
import { exampleConfig } from '../../shared/config';
import App from './App.vue';

// consent-gate belongs to the page: start it once, beside the app.
startConsentGate({ config: exampleConfig() });
createApp(App).mount('#app');
