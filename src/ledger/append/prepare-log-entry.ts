import { canonicalJson } from '../entries/canonical-json.js';
import { commitField } from '../seal/commit-field.js';
import { SealedValue } from '../seal/sealed-value.js';
import { encodeLogEntry } from './encode-log-entry.js';
import type { LogEntryInput } from './log-entry-input.js';

/** The opening of one sealed field: the value's canonical JSON, the salt, and the stored value it opens (if the command stored it already). */
export interface PreparedOpening {
  readonly field: string;
  readonly value: string;
  readonly opening: string;
  readonly valueId: string | null;
}

/** An entry ready to store: its bytes, and apart from them the openings of its sealed fields. */
export interface PreparedEntry {
  readonly entry: string;
  readonly type: string;
  readonly createdAt: string;
  readonly subjects: readonly string[];
  readonly openings: readonly PreparedOpening[];
}

/**
 * Commits to each sealed field with a fresh random opening and encodes the entry (canonical
 * JSON); the openings travel separately to their erasable table.
 *
 * @example
 * const prepared = prepareLogEntry({ type: 'tips.tip.submitted', actor, time, subjects, data: { tip: id }, sealed: { body } });
 */
export function prepareLogEntry(input: LogEntryInput): PreparedEntry {
  const sealed = Object.entries(input.sealed ?? {}).map(([field, given]) => {
    const value = given instanceof SealedValue ? given.value : given;
    return { field, value, valueId: given instanceof SealedValue ? given.id : null, ...commitField(field, value) };
  });
  return {
    entry: encodeLogEntry(input, Object.fromEntries(sealed.map((s) => [s.field, s.commitment]))),
    type: input.type,
    createdAt: input.time,
    subjects: [...new Set(input.subjects)],
    openings: sealed.map((s) => ({ field: s.field, value: canonicalJson(s.value), opening: s.opening, valueId: s.valueId })),
  };
}
