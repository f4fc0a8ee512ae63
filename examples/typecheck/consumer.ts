/**
 * A site's TypeScript against the packed package, checked with `strict`: what
 * must compile does, and each `@ts-expect-error` line must be an error (if the
 * package's types let it through, the directive itself is the error).
 */
import { startConsentGate, type ConsentGateApi, type ConsentGateConfig, type ConsentState } from 'consent-gate';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(_proof: Equal<A, B>): void => {};

const config = {
  revision: 2,
  policyUrl: '/privacy',
  language: 'de',
  placement: 'corner',
  theme: 'dark',
  categories: {
    marketing: { label: { en: 'Marketing', de: 'Werbung' }, cookies: ['_fbp', '/^_gcl_/'], gpc: true },
    replay: false,
  },
  cookie: { name: 'consent', domain: null, maxAgeDays: 180, sameSite: 'Strict' },
  sentry: { dsn: 'https://key@o1.ingest.sentry.io/1', replayCategory: 'analytics', mask: ['.secret'], keepUrlQuery: false },
  googleConsentMode: { marketing: ['ad_storage', 'ad_user_data'] },
  consentLog: { url: '/api/consent' },
  analytics: { domain: 'example.com' },
  strings: { de: { acceptAll: 'Alle erlauben' } },
} satisfies ConsentGateConfig;

const api: ConsentGateApi = startConsentGate({ config });
void api.acceptAll();
const state: ConsentState | null = api.get();
if (state) same<typeof state.categories, Readonly<Record<string, boolean>>>(true);

// window.consentGate is declared, and may be undefined (before the widget started).
same<typeof window.consentGate, ConsentGateApi | undefined>(true);
window.consentGate?.useSentry({});

// The events are typed on document.
document.addEventListener('consent-gate:change', (event) => {
  same<typeof event.detail, ConsentState | null>(true);
});

// The elements are in the DOM's tag map.
const declaration = document.querySelector('consent-gate-declaration');
same<typeof declaration, HTMLElementTagNameMap['consent-gate-declaration'] | null>(true);
const notAnElement: Equal<HTMLElementTagNameMap['consent-gate-declaration'], Element> = false;
void notAnElement;
const placeholder = document.createElement('consent-gate-placeholder');
void placeholder;
const widget = document.querySelector('consent-gate');
void widget?.openPreferences();

// What a wrong config looks like to the site's compiler:
// @ts-expect-error a key that does not exist (a typo of policyUrl)
startConsentGate({ config: { polcyUrl: '/privacy' } });
// @ts-expect-error policyUrl is a string
startConsentGate({ config: { policyUrl: 42 } });
// @ts-expect-error there is no top placement
startConsentGate({ config: { placement: 'top' } });
// @ts-expect-error maxAgeDays is a number
startConsentGate({ config: { cookie: { maxAgeDays: '180' } } });
// @ts-expect-error not a Consent Mode type
startConsentGate({ config: { googleConsentMode: { analytics: ['analytics_cookies'] } } });
// @ts-expect-error not a text key
startConsentGate({ config: { strings: { sv: { acceptEverything: 'Godkänn alla' } } } });
// @ts-expect-error a category's cookies are a list
startConsentGate({ config: { categories: { analytics: { cookies: '_ga' } } } });
// @ts-expect-error consentLog needs its url
startConsentGate({ config: { consentLog: {} } });
// @ts-expect-error necessary cannot be removed
startConsentGate({ config: { categories: { necessary: false } } });
// @ts-expect-error necessary is not locked by Global Privacy Control
startConsentGate({ config: { categories: { necessary: { gpc: true } } } });

// What must compile: the necessary category relabelled, another removed, the analytics default.
startConsentGate({ config: { categories: { necessary: { label: 'Needed', gpc: false }, analytics: false }, analytics: true } });
