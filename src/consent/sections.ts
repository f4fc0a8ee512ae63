/**
 * The config sections of optional features (`sentry`, `consentLog`,
 * `analytics`) as start-up sees them: which ones the site gave, and their
 * parser, a chunk fetched once, when a feature that uses them loads.
 */
import { isPlainObject, type ConfigProblemReporter } from './config-base.js';
import type { CategoryConfig, ConfigSections } from './types.js';

export type SectionKey = keyof ConfigSections;

export interface LazySections {
  /** The section as the site wrote it (not validated), or undefined. */
  raw(key: SectionKey): unknown;
  /** Whether the site gave the section (neither absent nor null). */
  given(key: SectionKey): boolean;
  /** The parsed sections. Never rejects: if the parser cannot be fetched, every section stays off (reported). */
  parsed(): Promise<ConfigSections>;
}

const KEYS: readonly SectionKey[] = ['sentry', 'consentLog', 'analytics'];
const NONE: ConfigSections = { sentry: null, consentLog: null, analytics: null };

/** `categories`: the parsed ones, which the sections refer to. */
export function lazySections(config: unknown, categories: readonly CategoryConfig[], report: ConfigProblemReporter): LazySections {
  const raw = (key: SectionKey): unknown => (isPlainObject(config) ? config[key] : undefined);
  const given = (key: SectionKey): boolean => raw(key) !== undefined && raw(key) !== null;
  let parsed: Promise<ConfigSections> | null = null;
  return {
    raw,
    given,
    parsed: () =>
      (parsed ??= !KEYS.some(given)
        ? Promise.resolve(NONE)
        : import('./config-sections.js').then(
            (module) => module.parseSections(config, categories, report),
            (error: unknown) => {
              report(`the config sections (${KEYS.filter(given).join(', ')}) could not be loaded (${String(error)}); they stay off`);
              return NONE;
            },
          )),
  };
}
