import { canonicalJson } from '../entries/canonical-json.js';
import { BaseError } from '../../core/base-error.js';
import { LOG_ENTRY_VERSION, type LogEntryInput } from './log-entry-input.js';

export class LogEntryError extends BaseError<'ENTRY_TOO_LARGE'> {}

/** C2SP tlog-tiles entry bundles prefix each entry with a big-endian uint16 length. */
export const MAX_ENTRY_BYTES = 0xffff;

/**
 * The bytes of a log entry: canonical JSON (RFC 8785) of `{v, type, time, actor, subjects, data,
 * sealed}`, where `sealed` maps each sealed field to its commitment (never the value).
 *
 * @example
 * encodeLogEntry({ type: 'registry.record.status-changed', actor: 'a1', time: '2026-01-01T00:00:00.000Z', subjects: ['organization:x'], data: {} }, {});
 */
export function encodeLogEntry(input: LogEntryInput, commitments: Readonly<Record<string, string>>): string {
  const entry = {
    v: LOG_ENTRY_VERSION,
    type: input.type,
    time: input.time,
    actor: input.actor,
    subjects: [...input.subjects],
    data: input.data,
    ...(Object.keys(commitments).length > 0 ? { sealed: commitments } : {}),
  };
  const text = canonicalJson(entry);
  if (Buffer.byteLength(text, 'utf8') > MAX_ENTRY_BYTES) {
    throw new LogEntryError({ code: 'ENTRY_TOO_LARGE', message: `log entry ${input.type} is ${Buffer.byteLength(text, 'utf8')} bytes; entries are limited to ${MAX_ENTRY_BYTES}` });
  }
  return text;
}
