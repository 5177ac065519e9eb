/** An opening kept apart from the log: the value of a sealed field and its random salt. */
export interface SealOpening {
  readonly field: string;
  /** Canonical JSON of the value. */
  readonly value: string;
  /** Hex. */
  readonly opening: string;
  readonly unsealedAt: string | null;
}

/** What sealing needs of storage: the erasable store of openings, keyed by log entry. */
export interface SealStore {
  /** The row id of the entry at a leaf index, if sequenced. */
  entryIdAt(index: bigint): Promise<number | undefined>;
  openings(entryId: number): Promise<SealOpening[]>;
  markUnsealed(entryId: number, field: string, at: string): Promise<void>;
  /** Deletes an opening: the commitment in the log can then never be opened (crypto-shredding). */
  deleteOpening(entryId: number, field: string): Promise<boolean>;
}
