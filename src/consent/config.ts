/**
 * Config parsing and validation. Every key is optional; a key with a bad value is
 * reported once (naming the key) and replaced by its default as a whole, so the
 * widget never runs half-configured and never with a gate open by mistake. (One
 * key's default would open one: a `googleConsentMode` that cannot be read
 * becomes all types denied instead of none at all; see config-base.ts.)
 *
 * `parseConfig()` validates everything at once. The script build parses in two
 * steps instead (config-base.ts at start-up, config-sections.ts with the
 * features that need it), so the bytes before the banner stay few.
 */
import type { ConfigSections, ResolvedConfig } from './types.js';
import { parseCoreConfig } from './config-base.js';
import { formatProblem } from './config-messages.js';
import { parseSections } from './config-sections.js';

export {
  DEFAULT_COOKIE,
  GOOGLE_CONSENT_TYPES,
  TEXT_KEYS,
  defaultConfig,
  type ConfigProblemReporter,
  type TextKey,
} from './config-base.js';

/**
 * Validates a raw config (from the JSON block or `window.consentGateConfig`).
 * Each problem is reported once through `report`; the result is always complete.
 */
export function parseConfig(raw: unknown, report: (message: string) => void): ResolvedConfig & ConfigSections {
  const say = (problem: Parameters<typeof formatProblem>[0]) => report(formatProblem(problem));
  const config = parseCoreConfig(raw, say);
  return { ...config, ...parseSections(raw, config.categories, say) };
}
