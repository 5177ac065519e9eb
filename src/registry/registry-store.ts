import type { RecordStatus, RecordType } from './schemas/common.js';
import type { RecordShapes, RegistryRecord } from './registry-record.js';

/**
 * A proposed or applied change: the review queue, and each record's history. While a proposal is
 * pending or rejected its content and record id live in the seal store (`sealedRefs`) and are
 * read from there — null once shredded; once applied they are public.
 */
export interface ChangeRow {
  readonly id: string;
  readonly recordType: RecordType;
  readonly recordId: string | null;
  /** `upsert` carries a whole record; `status` a new status; `delist` a delisting. */
  readonly action: ChangeAction;
  readonly data: unknown;
  readonly status: ChangeStatus;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly reviewNote: string | null;
  /** Seal-store values behind what is still sealed: the proposal, its record id, a rejection's note. */
  readonly sealedRefs?: { readonly data: string | null; readonly recordId: string | null; readonly reviewNote: string | null };
}

/** What finishing a review writes on the change: who, when, the note, and (accepted) the now-public record id and data. */
export interface ChangeReview {
  readonly reviewedBy: string;
  readonly reviewedAt: string;
  readonly reviewNote: string | null;
  readonly reviewNoteRef: string | null;
  readonly published: { readonly recordId: string; readonly data: unknown } | null;
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
  /** The PIID of the contract that holds this USAspending award key, if any. */
  contractWithAwardKey(awardKey: string): Promise<string | null>;
  insertChange(change: ChangeRow): Promise<void>;
  getChange(id: string): Promise<ChangeRow | null>;
  /** Records the review of a change whose state the kernel has already moved. */
  completeReview(id: string, review: ChangeReview): Promise<void>;
}
