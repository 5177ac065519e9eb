import type { JsonValue } from '../../core/json-value.js';
import type { SealedValue } from './sealed-value.js';

/** An opening kept apart from the log: the value of a sealed field (from the seal store) and its random salt. */
export interface SealOpening {
  readonly field: string;
  /** The seal-store value it opens. */
  readonly valueId: string;
  /** Canonical JSON of the value. */
  readonly value: string;
  /** Hex. */
  readonly opening: string;
  readonly unsealedAt: string | null;
}

/**
 * The seal store: the one place the plaintext of a sealed value lives, with the openings of the
 * log entries that commit to it. Domain rows refer to values by id. Shredding a value deletes it,
 * the values grouped with it and every opening of them — after which it exists nowhere.
 */
export interface SealStore {
  /** Stores a value; `group` ties it to other values that must be shredded with it. */
  put(value: JsonValue, options?: { group?: string }): Promise<SealedValue>;
  /** The values still held, by id (shredded ones are absent). */
  values(ids: readonly string[]): Promise<Map<string, JsonValue>>;
  /** The row id of the entry at a leaf index, if sequenced. */
  entryIdAt(index: bigint): Promise<number | undefined>;
  openings(entryId: number): Promise<SealOpening[]>;
  markUnsealed(entryId: number, field: string, at: string): Promise<void>;
  /** Deletes a value, its group and all their openings (crypto-shredding); returns the values deleted. */
  shred(valueId: string): Promise<number>;
}
