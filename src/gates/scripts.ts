/**
 * Script gate: a tag the site wrote as
 * `<script type="text/plain" data-consent-category="analytics" src="…">` (or
 * inline) runs once per page, after every category it names is granted, in
 * document order, with its other attributes carried over. Tags added to the
 * page later are handled the same way. Withdrawal cannot un-run a script: the
 * cookie clean-up and the site's own `consent-gate:change` handlers do the rest.
 */
import type { ConsentStore } from '../consent/store.js';
import { watchAddedElements } from '../added-elements.js';
import { BLOCKED_SCRIPT, categoriesOf } from './markup.js';
import type { Gate } from './gate.js';
import { trustedScript, trustedScriptUrl } from './trusted-types.js';

/** Attributes that belong to the blocked tag, not to the script it becomes. */
const OWN_ATTRIBUTES = new Set(['type', 'data-type', 'data-consent-category']);

/** Longest wait for one external script before the next tag's turn (a hung third party must not stall the line). */
const LOAD_TIMEOUT_MS = 10_000;

/** Types a browser runs as script: classic (no type, or a JavaScript MIME type) and modules. */
const RUNNABLE = /^(|module|(text|application)\/(x-)?(java|ecma)script)$/i;

/**
 * A runnable copy of a blocked tag, in its place. Resolves once it has run (or
 * failed to load, or timed out), so the next one keeps document order;
 * `async` ones, and ones the browser will not run (`nomodule`, other types),
 * do not hold the line.
 */
function activate(blocked: HTMLScriptElement): Promise<void> {
  const script = document.createElement('script');
  for (const { name, value } of blocked.attributes) {
    if (!OWN_ATTRIBUTES.has(name)) script.setAttribute(name, name === 'src' ? trustedScriptUrl(value) : value);
  }
  // `data-type="module"` (or any type) for scripts that are not classic.
  const type = blocked.getAttribute('data-type');
  if (type) script.type = type;
  // The parser hides a nonce from getAttribute(); the property keeps it.
  if (blocked.nonce) script.nonce = blocked.nonce;
  // Inserted scripts are async unless told otherwise; keep the page's order.
  if (!blocked.hasAttribute('async')) script.async = false;
  const waits = blocked.hasAttribute('src') && !script.async && !script.noModule && RUNNABLE.test(type ?? '');
  const done = waits
    ? new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, LOAD_TIMEOUT_MS);
        const finish = () => {
          clearTimeout(timer);
          resolve();
        };
        script.addEventListener('load', finish, { once: true });
        script.addEventListener('error', finish, { once: true });
      })
    : Promise.resolve();
  if (!blocked.hasAttribute('src')) script.text = trustedScript(blocked.text);
  blocked.replaceWith(script);
  return done;
}

/** The gate for blocked script tags; always on (a page may add tags later). */
export function createScriptGate(store: ConsentStore, report: (message: string) => void): Gate {
  const known = new Set(store.config.categories.map((category) => category.name));
  const started = new WeakSet<Element>();
  let line: Promise<void> = Promise.resolve();

  const allowed = (element: Element): boolean => {
    const wanted = categoriesOf(element);
    const unknown = wanted.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      report(`a script asks for the unknown category "${unknown.join('", "')}"; it never runs (categories: ${[...known].join(', ')})`);
      return false;
    }
    return wanted.length > 0 && wanted.every((name) => store.has(name));
  };

  /** Queues every blocked tag now allowed, in document order, behind those already queued. */
  const runAllowed = (): void => {
    for (const element of document.querySelectorAll<HTMLScriptElement>(BLOCKED_SCRIPT)) {
      if (started.has(element) || !allowed(element)) continue;
      started.add(element);
      // Checked again at its turn: a withdrawal (or the tag's removal) while
      // earlier ones load means it does not run, and may run on a later grant.
      line = line.then(() => {
        if (element.isConnected && allowed(element)) return activate(element);
        started.delete(element);
      });
    }
  };

  watchAddedElements(BLOCKED_SCRIPT, runAllowed);
  return {
    name: 'scripts',
    // Not awaited: a slow third-party script must not hold back the change event.
    follow: () => runAllowed(),
  };
}
