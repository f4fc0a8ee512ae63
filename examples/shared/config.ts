/**
 * The config every example app starts consent-gate with. Sentry's DSN points
 * at the page's own server, where the example's test receives the envelopes
 * (put your project's DSN here in a real app).
 */
import type { ConsentGateConfig } from 'consent-gate';

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
