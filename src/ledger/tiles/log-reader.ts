import type { EntryBundleId, TileId } from './tile-id.js';

/**
 * What the `/log/` routes need from the log: its latest signed checkpoint, its public key, and the
 * tiles and bundles of the tree that checkpoint describes. The storage layer implements it; the
 * routes decide from the checkpoint's size which tiles exist, so a reader only reads.
 *
 * @example
 * const app = createTileRoutes({ verifierKey, readCheckpoint, readTile, readEntryBundle });
 */
export interface LogReader {
  /** The log's verifier key string, `name+hexid+base64(0x01 || key)`. */
  readonly verifierKey: string;
  /** The latest signed checkpoint note, or `undefined` before the first one is signed. */
  readCheckpoint(): Promise<Uint8Array | string | undefined>;
  /** A tile's bytes (`width` hashes); only asked for tiles inside the latest checkpoint's tree. */
  readTile(tile: TileId): Promise<Uint8Array | undefined>;
  /** An entry bundle; only asked for bundles inside the latest checkpoint's tree. */
  readEntryBundle(bundle: EntryBundleId): Promise<Uint8Array | undefined>;
}
