import type { PreparedEntry } from '../append/prepare-log-entry.js';
import type { TileWrite } from './tree-state.js';

/** A signed checkpoint as stored. */
export interface StoredCheckpoint {
  readonly size: bigint;
  readonly rootHash: Uint8Array;
  /** The signed note text (checkpoint body + signature lines). */
  readonly note: string;
  readonly createdAt: string;
  /**
   * As read back from storage: the size of the checkpoint stored just before this one, null for
   * the first. Storage sets it when it stores the checkpoint; `log check` follows the chain.
   */
  readonly previousSize?: bigint | null;
}

/** An entry as stored: its row id, its leaf index once sequenced, its bytes. */
export interface StoredEntry {
  readonly id: number;
  readonly leafIndex: bigint | null;
  readonly entry: string;
}

/** One integration step, written in one transaction (one fsync). */
export interface Integration {
  /** Entry row id → its leaf index. */
  readonly assignments: readonly { readonly id: number; readonly leafIndex: bigint }[];
  readonly tiles: readonly TileWrite[];
  readonly checkpoint: StoredCheckpoint;
}

/**
 * What the sequencer and the log's readers need of storage. Implemented over Kysely for SQLite
 * and PostgreSQL (src/store/ledger/).
 */
export interface LogStorage {
  latestCheckpoint(): Promise<StoredCheckpoint | undefined>;
  checkpointAt(size: bigint): Promise<StoredCheckpoint | undefined>;
  /** Checkpoints newest first. */
  listCheckpoints(limit: number, beforeSize?: bigint): Promise<StoredCheckpoint[]>;
  /** Checkpoints oldest first, with size greater than `afterSize`. */
  checkpointsAfter(afterSize: bigint, limit: number): Promise<StoredCheckpoint[]>;
  /** Stored tiles as (level, index, width), ordered by level then index, after the given one. */
  listTiles(after: { readonly level: number; readonly index: bigint } | undefined, limit: number): Promise<{ level: number; index: bigint; width: number }[]>;
  /** How many entries carry a leaf index, and the largest one. */
  sequencedStats(): Promise<{ count: bigint; maxIndex: bigint | null }>;
  /** A tile's hashes at its latest stored width (concatenated 32-byte hashes), or undefined. */
  readTile(level: number, index: bigint): Promise<Uint8Array | undefined>;
  /** A tile's hashes and, for a full tile, its stored inner levels (sublevels 1-7 concatenated) — one read. */
  readTileWithInner(level: number, index: bigint): Promise<{ hashes: Uint8Array; inner: Uint8Array | undefined } | undefined>;
  /** The oldest entries not yet sequenced. */
  pendingEntries(limit: number): Promise<StoredEntry[]>;
  /** Sequenced entries with leaf index in [from, from + count), in index order. */
  entriesByIndex(from: bigint, count: number): Promise<StoredEntry[]>;
  entryById(id: number): Promise<StoredEntry | undefined>;
  /** Durably appends prepared entries in one transaction (one fsync); returns their row ids. */
  appendEntries(entries: readonly PreparedEntry[]): Promise<number[]>;
  integrate(step: Integration): Promise<void>;
  addCosignature(size: bigint, witness: string, signatureLine: string, receivedAt: string): Promise<void>;
  cosignatures(size: bigint): Promise<{ witness: string; signatureLine: string }[]>;
}
