/**
 * The session replay chunk: downloaded only once the replay category is granted.
 * It imports from @sentry/replay directly (the package @sentry/browser re-exports),
 * which keeps the replay code out of the entry and the error-monitoring chunk.
 */
import { replayIntegration } from '@sentry/replay';
// The compression worker ships in dist/ as a file, so a CSP without `blob:` works.
// (The npm build has no file beside this chunk: '' there. It ships the worker as
// `consent-gate/replay-worker` for the site's bundler to serve, whose URL comes in
// as `siteWorkerUrl`; without one the SDK uses its built-in blob: worker.)
import workerUrl from '@sentry/replay/worker-bundler?url';
import type { SentryConfig } from '../consent/types.js';
import { lockedReplayOptions } from './sentry-privacy.js';
import { trustedScriptUrl } from './trusted-types.js';

export type ReplayIntegration = ReturnType<typeof replayIntegration>;

/** Creates the replay integration with the locked privacy options and our worker. */
export function createReplayIntegration(settings: Pick<SentryConfig, 'mask' | 'block' | 'keepUrlQuery'>, siteWorkerUrl?: string): ReplayIntegration {
  const worker = siteWorkerUrl ?? (workerUrl ? new URL(workerUrl, import.meta.url).href : undefined);
  // Our scrubber takes the SDK's recording events structurally; its types are stricter than needed.
  const configuration = {
    ...lockedReplayOptions(settings),
    ...(worker ? { workerUrl: trustedScriptUrl(worker) } : {}),
  };
  return replayIntegration(configuration as unknown as Parameters<typeof replayIntegration>[0]);
}
