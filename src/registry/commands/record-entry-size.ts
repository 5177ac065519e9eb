import { CommandError } from '../../core/command-error.js';
import { encodeLogEntry, LogEntryError, MAX_ENTRY_BYTES } from '../../ledger/append/encode-log-entry.js';
import type { JsonValue } from '../../core/json-value.js';
import { normalizeRecord } from '../normalize-record.js';
import { compactRecord, recordKey, type RegistryRecord } from '../registry-record.js';

/**
 * Refuses a record whose log entry would exceed the tile format's 65,535-byte limit, before
 * anything is stored — a proposal that could never be accepted is refused when proposed, naming
 * the field that makes it large (`where` prefixes the path: `record`, `organizations[3]`).
 */
export function assertRecordFitsLog(input: RegistryRecord, where: string): void {
  const entry = normalizeRecord(input);
  const record: JsonValue = JSON.parse(JSON.stringify(compactRecord(entry.record)));
  try {
    // The same shape writeRecord appends; the actor and change id are at their longest.
    encodeLogEntry({ type: `registry.${entry.type}.upserted`, actor: `a_${'0'.repeat(16)}`, time: new Date(0).toISOString(), subjects: [`${entry.type}:${recordKey(entry)}`], data: { recordType: entry.type, record, change: '00000000-0000-0000-0000-000000000000' } }, {});
  } catch (error) {
    if (!(error instanceof LogEntryError)) throw error;
    const largest = Object.entries(entry.record).map(([field, value]) => ({ field, bytes: Buffer.byteLength(JSON.stringify(value ?? null), 'utf8') })).sort((a, b) => b.bytes - a.bytes)[0];
    const path = largest ? `${where}.${largest.field}` : where;
    throw new CommandError({
      code: 'INVALID_INPUT',
      message: `${where} is too large for the transparency log (an entry holds at most ${MAX_ENTRY_BYTES} bytes); ${path} alone is ${largest?.bytes ?? 0} bytes`,
      issues: [{ path, message: `too large: the whole record must fit in ${MAX_ENTRY_BYTES} bytes` }],
    });
  }
}
