import { useEffect, useState } from 'react';
import { startConsentGate, type ConsentState } from 'consent-gate';
import { describeChoice, exampleConfig } from '../../shared/config';

/**
 * Starts consent-gate once the app is in the browser. Under StrictMode, React
 * runs this effect twice in development: the second start has an equal config,
 * so it is quiet and returns the running instance. Nothing to undo on clean-up:
 * consent-gate belongs to the page, not to the component.
 */
function useConsent(): ConsentState | null {
  const [state, setState] = useState<ConsentState | null>(null);
  useEffect(() => {
    const consent = startConsentGate({ config: exampleConfig() });
    const follow = (event: DocumentEventMap['consent-gate:change']) => setState(event.detail);
    document.addEventListener('consent-gate:change', follow);
    void consent.ready.then(setState);
    return () => document.removeEventListener('consent-gate:change', follow);
  }, []);
  return state;
}

export function App() {
  const state = useConsent();
  return (
    <>
      <main>
        <h1>consent-gate with React</h1>
        <p id="consent-state">{describeChoice(state)}</p>
        <label>
          Your name <input name="name" />
        </label>
        <section>
          <h2>What this site stores</h2>
          <consent-gate-declaration></consent-gate-declaration>
        </section>
      </main>
      <footer>
        <a href="#consent-preferences" data-consent-preferences="">
          Preferences
        </a>
      </footer>
    </>
  );
}
