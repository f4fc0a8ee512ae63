/**
 * The config every example app starts consent-gate with. Sentry's DSN points
 * at the page's own server, where the example's test receives the envelopes
 * (put your project's DSN here in a real app).
 */
import type { ConsentGateConfig, ConsentState } from 'consent-gate';

export function exampleConfig(): ConsentGateConfig {
  return {
    policyUrl: '/privacy',
    categories: {
      analytics: { label: 'Statistics', description: 'Counts visits without cookies.' },
    },
    sentry: {
      dsn: `${location.protocol}//example@${location.host}/inbox/1`,
      replaysSessionSampleRate: 1,
      replaysOnErrorSampleRate: 1,
      environment: 'example',
    },
  };
}

/** What the example pages show of the visitor's choice. */
export function describeChoice(state: ConsentState | null): string {
  if (!state) return 'No choice yet';
  return `Granted: ${Object.entries(state.categories).filter(([, on]) => on).map(([name]) => name).join(', ')}`;
}
