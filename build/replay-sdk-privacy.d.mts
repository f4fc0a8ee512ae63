import type { Plugin } from 'vite';

export interface SdkChange {
  readonly what: string;
  readonly find: RegExp;
  readonly replace: string;
  readonly needs?: string;
  readonly upstream: string;
}
/** The changes to the replay SDK (see replay-sdk-privacy.mjs). */
export const REPLAY_SDK_CHANGES: readonly SdkChange[];
export function applyReplaySdkChanges(code: string): string;
export function replaySdkPrivacy(): Plugin;
