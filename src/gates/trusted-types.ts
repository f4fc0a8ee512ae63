/**
 * Trusted Types: on a page with `require-trusted-types-for 'script'`, script
 * text, script URLs and worker URLs must come through a policy. consent-gate's
 * policy, named `consent-gate`, passes through only what it re-emits itself:
 * the site's own blocked `<script>` tags (already in its page) and the replay
 * worker that ships beside the widget. A page that lists allowed policy names
 * (`trusted-types …`) adds `consent-gate` (and Lit's `lit-html`).
 */
interface Policy {
  createScript(text: string): string;
  createScriptURL(url: string): string;
}

type TrustedTypesWindow = typeof globalThis & {
  trustedTypes?: { createPolicy(name: string, rules: Policy): Policy };
};

let policy: Policy | null | undefined;

/** The policy, made on first use; null where the browser has no Trusted Types (or refuses the name). */
function consentGatePolicy(): Policy | null {
  if (policy === undefined) {
    try {
      policy = (globalThis as TrustedTypesWindow).trustedTypes?.createPolicy('consent-gate', {
        createScript: (text) => text,
        createScriptURL: (url) => url,
      }) ?? null;
    } catch {
      policy = null;
    }
  }
  return policy;
}

/** `text` as the page's Trusted Types require for script text (a plain string elsewhere). */
export const trustedScript = (text: string): string => consentGatePolicy()?.createScript(text) ?? text;

/** `url` as the page's Trusted Types require for script and worker URLs (a plain string elsewhere). */
export const trustedScriptUrl = (url: string): string => consentGatePolicy()?.createScriptURL(url) ?? url;
