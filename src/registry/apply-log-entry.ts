import { z } from 'zod';
import { recordStatusSchema, recordTypeSchema } from './schemas/common.js';
import { STORED_RECORD_SCHEMAS } from './stored-record-schemas.js';
import type { RegistryRecord } from './registry-record.js';
import type { RegistryStore } from './registry-store.js';

const entrySchema = z.object({ v: z.literal(1), type: z.string(), time: z.string(), data: z.unknown() });
const recordEventSchema = z.object({ recordType: recordTypeSchema, record: z.unknown() });
const statusEventSchema = z.object({ recordType: recordTypeSchema, id: z.string(), status: recordStatusSchema });

/** Log entry types that write a whole record (the registry's public state). */
const RECORD_EVENT = /^registry\.[a-z]+\.(upserted|recorded|delisted)$/;

/**
 * Applies one log entry to a registry: the inverse of the commands' log appends, used by
 * `countersign log replay` to rebuild the public state from the log alone. Entries that change no
 * public state (accounts, tips, proposals) are skipped. Returns whether the entry changed state.
 *
 * @example
 * for (const entry of entriesInLeafOrder) await applyLogEntry(registry, entry);
 */
export async function applyLogEntry(registry: RegistryStore, entryText: string): Promise<boolean> {
  const entry = entrySchema.parse(JSON.parse(entryText));
  if (RECORD_EVENT.test(entry.type)) {
    const { recordType, record } = recordEventSchema.parse(entry.data);
    const parsed = STORED_RECORD_SCHEMAS[recordType].parse(record);
    // The schema for recordType parsed the record, so the pair is a RegistryRecord.
    await registry.putRecord({ type: recordType, record: parsed } as RegistryRecord, entry.time);
    return true;
  }
  if (entry.type === 'registry.record.status-changed') {
    const { recordType, id, status } = statusEventSchema.parse(entry.data);
    await registry.setStatus(recordType, id, status, entry.time);
    return true;
  }
  return false;
}
