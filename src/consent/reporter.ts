/** Where consent-gate's problems go: `console.error`, each once. */
import type { ConfigProblemReporter } from './config-base.js';

export /**
 * Prints each distinct problem once, prefixed so site owners can find it. A
 * config problem comes as data; its words are a chunk fetched only then
 * (config-messages.ts). `printed` settles once those reported so far are out.
 */
function createReporter(): { report: ConfigProblemReporter; printed: () => Promise<unknown> } {
  const seen = new Set<string>();
  const say = (message: string): void => {
    if (seen.has(message)) return;
    seen.add(message);
    console.error(`consent-gate: ${message}`);
  };
  let pending: Promise<unknown> = Promise.resolve();
  const report: ConfigProblemReporter = (problem) => {
    if (typeof problem === 'string') return say(problem);
    // (In the order found: each waits for the one before.)
    pending = pending
      .then(() => import('./config-messages.js'))
      .then(
        ({ formatProblem }) => say(formatProblem(problem)),
        () => say(`config "${problem.key}" cannot be used (the text saying why could not be loaded); using the default`),
      );
  };
  return { report, printed: () => pending };
}

