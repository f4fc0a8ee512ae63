/** Waiting in node-side tests that drive a browser (the demo e2e, the example apps). */

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `condition` until it gives a truthy value, and returns it; throws,
 * naming `what`, after `timeout` ms.
 *
 * @template T
 * @param {() => T | Promise<T>} condition
 * @param {string} what
 */
export async function waitFor(condition, what, timeout = 20_000) {
  const start = Date.now();
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}
