/**
 * Consent records, the proof a site keeps that a visitor consented (GDPR art.
 * 7(1)): who (the consent id, no personal data), when, to which revision, what
 * was granted and refused, in which language, and a SHA-256 of exactly the
 * texts that were shown, so the site can later show which wording it was.
 */
import { sha256Hex } from './sha256.js';
import type { ConsentState } from './types.js';

export interface ConsentRecord {
  readonly id: string;
  /** ISO 8601 time of the choice. */
  readonly timestamp: string;
  readonly revision: number;
  readonly granted: readonly string[];
  readonly refused: readonly string[];
  readonly language: string;
  /** SHA-256 (hex) of the canonical JSON of the shown texts. */
  readonly textHash: string;
  readonly policyUrl: string | null;
}

/** What the visitor saw: the texts of banner and dialog as rendered, the categories, the policy link. */
export interface ShownTexts {
  readonly language: string;
  readonly policyUrl: string | null;
  readonly [part: string]: unknown;
}

/** JSON with object keys sorted at every level: the same texts always give the same string. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export async function createRecord(state: ConsentState, shown: ShownTexts): Promise<ConsentRecord> {
  const names = Object.keys(state.categories);
  return {
    id: state.id,
    timestamp: state.updatedAt,
    revision: state.revision,
    granted: names.filter((name) => state.categories[name]),
    refused: names.filter((name) => !state.categories[name]),
    language: shown.language,
    textHash: await sha256Hex(canonicalJson(shown)),
    policyUrl: shown.policyUrl,
  };
}
