/*
 * The demo site's consent-gate config, shared by its pages: set as
 * window.consentGateConfig before the widget loads. Sentry goes to the
 * built-in inbox (see demo/server/inbox.mjs) unless `SENTRY_DSN=... npm start`
 * put a real DSN in the page's <meta name="demo-sentry-dsn">.
 * ?placement=corner&theme=dark&language=ar try the options without editing anything.
 */
(() => {
  const dsn = document.querySelector('meta[name="demo-sentry-dsn"]')?.content || `http://demo@${location.host}/inbox/1`;
  const config = {
    revision: 1,
    policyUrl: '/privacy.html',
    categories: {
      analytics: { cookies: ['_demo_stats', '/^_demo_ab_/'] },
      marketing: { label: 'Marketing', description: 'Embedded videos and maps from other sites.', cookies: ['_demo_ads'] },
    },
    sentry: { dsn, replaysSessionSampleRate: 1, replaysOnErrorSampleRate: 1, environment: 'demo' },
    consentLog: { url: '/inbox/consent' },
    googleConsentMode: { analytics: ['analytics_storage'], marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'] },
  };
  for (const [key, value] of new URLSearchParams(location.search)) {
    if (['placement', 'theme', 'language'].includes(key)) config[key] = value;
  }
  window.consentGateConfig = config;
})();
