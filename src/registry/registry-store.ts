import type { RecordStatus, RecordType } from './schemas/common.js';
import type { RecordShapes, RegistryRecord } from './registry-record.js';

/** A proposed or applied change: the review queue, and each record's history. */
export interface ChangeRow {
  readonly id: string;
  readonly recordType: RecordType;
  readonly recordId: string;
  /** `upsert` carries a whole record; `status` a new status; `delist` a delisting. */
  readonly action: ChangeAction;
  readonly data: unknown;
  readonly status: ChangeStatus;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly reviewNote: string | null;
}
export type ChangeAction = 'upsert' | 'status' | 'delist';
export type ChangeStatus = 'pending' | 'applied' | 'rejected';

/**
 * What the registry needs from storage inside one transaction. The store implements it over
 * Kysely for SQLite and PostgreSQL; the registry never sees SQL.
 */
export interface RegistryStore {
  /** The record as stored, in canonical form, or null. */
  getRecord<T extends RecordType>(type: T, key: string): Promise<RecordShapes[T] | null>;
  /** Which of these keys exist for the type. */
  existingKeys(type: RecordType, keys: readonly string[]): Promise<Set<string>>;
  /** Insert or replace a record with its names, identifiers, links, sources and search text. */
  putRecord(entry: RegistryRecord, at: string): Promise<void>;
  setStatus(type: RecordType, key: string, status: RecordStatus, at: string): Promise<void>;
  /** A contract's transactions. */
  transactionsOf(piid: string): Promise<RecordShapes['transaction'][]>;
  /** The government agency whose name or alias, case- and accent-folded, is `name`. */
  governmentAgencyByName(name: string): Promise<string | null>;
  insertChange(change: ChangeRow): Promise<void>;
  getChange(id: string): Promise<ChangeRow | null>;
  reviewChange(id: string, review: { status: 'applied' | 'rejected'; reviewedBy: string; reviewedAt: string; reviewNote: string | null }): Promise<void>;
}
