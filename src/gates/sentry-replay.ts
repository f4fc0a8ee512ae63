/**
 * The session replay chunk: downloaded only once the replay category is granted.
 * It imports from @sentry/replay directly (the package @sentry/browser re-exports),
 * which keeps the replay code out of the entry and the error-monitoring chunk.
 */
import { replayIntegration } from '@sentry/replay';
// The compression worker ships in dist/ as a file, so a CSP without `blob:` works.
// (The npm build has no file for it: '' there, and the SDK uses its own worker.)
import workerUrl from '@sentry/replay/worker-bundler?url';
import type { SentryConfig } from '../consent/types.js';
import { lockedReplayOptions } from './sentry-privacy.js';
import { trustedScriptUrl } from './trusted-types.js';

export type ReplayIntegration = ReturnType<typeof replayIntegration>;

/** Creates the replay integration with the locked privacy options and our worker. */
export function createReplayIntegration(settings: Pick<SentryConfig, 'mask' | 'block' | 'keepUrlQuery'>): ReplayIntegration {
  // Our scrubber takes the SDK's recording events structurally; its types are stricter than needed.
  const configuration = {
    ...lockedReplayOptions(settings),
    ...(workerUrl ? { workerUrl: trustedScriptUrl(new URL(workerUrl, import.meta.url).href) } : {}),
  };
  return replayIntegration(configuration as unknown as Parameters<typeof replayIntegration>[0]);
}
