import type { ColumnType, Generated } from 'kysely';

/**
 * The transparency log and the kernel beneath every workflow: entries, their subjects, tiles,
 * checkpoints and cosignatures; the seal store; case deadlines. Part of `Database` (../schema.ts).
 */

export interface LogEntryTable {
  id: Generated<number>;
  /** Canonical JSON (RFC 8785) of the entry, exactly the bytes the Merkle leaf hashes. */
  entry: string;
  type: string;
  createdAt: string;
  /** The index the sequencer assigned, null while pending. */
  leafIndex: ColumnType<number | null, number | null | undefined, number | null>;
}

/** The seal store: the one place the plaintext of a sealed value lives. Deleting a row erases it. */
export interface SealedValueTable {
  id: string;
  /** Values shredded together (a review item's details and the match its log entry sealed). */
  groupId: string;
  /** Canonical JSON of the value. */
  value: string;
  createdAt: string;
}

/** The opening of a sealed field of a log entry: which value it opens, and the random salt. */
export interface SealOpeningTable {
  logEntryId: number;
  field: string;
  valueId: string;
  /** Hex of the random opening (≥ 16 bytes). */
  opening: string;
  unsealedAt: string | null;
}

/** A deadline of a case: open until a transition stops it or the tick fires it. */
export interface DeadlineTable {
  id: string;
  caseType: string;
  caseId: string;
  kind: string;
  label: string;
  /** The UTC instant it falls due. */
  dueAt: string;
  /** The local due date, for date deadlines. */
  dueDate: string | null;
  /** The calendar (jurisdiction) it was computed with. */
  calendar: string | null;
  state: string;
  /** The log entry type the tick appends when it fires. */
  firesEvent: string;
  /** A transition the tick runs on the case when it fires. */
  onFire: string | null;
  startedAt: string;
  firedAt: string | null;
  stoppedAt: string | null;
  stopReason: string | null;
}

/** One tile of the log's tree, at its latest width. */
export interface LogTileTable {
  level: number;
  idx: number;
  width: number;
  hashes: Uint8Array;
  inner: Uint8Array | null;
}

/** Every checkpoint the log signed. */
export interface LogCheckpointTable {
  size: number;
  /** Hex. */
  rootHash: string;
  /** The signed note, exactly as served. */
  note: string;
  createdAt: string;
  /** The size of the checkpoint stored just before this one; NULL for the first (migration 0040). */
  previousSize: Generated<number | null>;
}

/** A witness's cosignature line on a checkpoint. */
export interface LogCosignatureTable {
  size: number;
  witness: string;
  signatureLine: string;
  receivedAt: string;
}

/** A subject (`organization:paragon-solutions`) an entry concerns. */
export interface LogEntrySubjectTable {
  subject: string;
  logEntryId: number;
}
