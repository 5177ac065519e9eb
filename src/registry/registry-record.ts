import type { z } from 'zod';
import type { RecordStatus, RecordType } from './schemas/common.js';
import type { STORED_RECORD_SCHEMAS } from './stored-record-schemas.js';

/** The stored shape of each record type (see STORED_RECORD_SCHEMAS). */
export type RecordShapes = { [T in RecordType]: z.output<(typeof STORED_RECORD_SCHEMAS)[T]> };
export type ContractRecord = RecordShapes['contract'];
export type TransactionRecord = RecordShapes['transaction'];
export type RelationshipRecord = RecordShapes['relationship'];
export type DesignationRecord = RecordShapes['designation'];
export type IncidentRecord = RecordShapes['incident'];

/** One record with its type, as commands write it and the log carries it. */
export type RegistryRecord = { [T in RecordType]: { type: T; record: RecordShapes[T] } }[RecordType];

/** The key a record is found by: `piid` for contracts, `id` for everything else. */
export function recordKey(entry: RegistryRecord): string {
  return entry.type === 'contract' ? entry.record.piid : entry.record.id;
}

export function recordStatus(entry: RegistryRecord): RecordStatus {
  return entry.record.status;
}

/** Sources the record cites. */
export function recordSources(entry: RegistryRecord): readonly string[] {
  return entry.type === 'source' ? [] : entry.record.sources;
}

/**
 * A plain copy of a record without undefined members (a JSON round trip: records hold only JSON
 * values, so nothing else is lost).
 */
export function canonicalRecord<T>(value: T): T {
  const copy: T = JSON.parse(JSON.stringify(value));
  return copy;
}

/**
 * A record with empty lists left out: `aliases: []` and no aliases say the same thing. This is
 * the form records are compared in (so importing the same dataset twice is a no-op) and logged in.
 */
export function compactRecord(value: object): Record<string, unknown> {
  const copy: Record<string, unknown> = JSON.parse(JSON.stringify(value, (_key, v: unknown) => (Array.isArray(v) && v.length === 0 ? undefined : v)));
  return copy;
}
