import { MemoryMerkleTree } from '../merkle/memory-merkle-tree.js';
import { formatCheckpoint } from '../note/checkpoint.js';
import type { NoteSigner } from '../note/note-keys.js';
import { signNote } from '../note/signed-note.js';
import { formatVerifierKey } from '../note/verifier-key.js';
import { encodeEntryBundle } from './entry-bundle.js';
import type { LogReader } from './log-reader.js';
import { readTileHashes } from './read-tile-hashes.js';
import { TILE_WIDTH, type EntryBundleId, type TileId } from './tile-id.js';

/**
 * A whole tiled log in memory: entries, tree, signed checkpoints. It serves `createTileRoutes` in
 * tests and demos, and is the model the storage-backed log must behave like.
 *
 * @example
 * const log = new MemoryLog({ origin: 'countersign.test/log', signer });
 * log.append(canonicalJsonBytes(entry));
 * log.publishCheckpoint();
 * const app = createTileRoutes(log);
 */
export class MemoryLog implements LogReader {
  readonly origin: string;
  readonly tree = new MemoryMerkleTree();
  readonly #signer: NoteSigner;
  readonly #entries: Uint8Array[] = [];
  #checkpoint: string | undefined;

  constructor({ origin, signer }: { origin: string; signer: NoteSigner }) {
    this.origin = origin;
    this.#signer = signer;
  }

  get verifierKey(): string {
    return formatVerifierKey(this.#signer);
  }

  /** Appends an entry (not yet visible until the next checkpoint); returns its index. */
  append(entry: Uint8Array): bigint {
    this.#entries.push(entry.slice());
    return this.tree.appendEntry(entry);
  }

  /** Signs and publishes a checkpoint for everything appended so far; returns the note. */
  publishCheckpoint(): string {
    const text = formatCheckpoint({ origin: this.origin, size: this.tree.size, rootHash: this.tree.root() });
    this.#checkpoint = signNote(text, [this.#signer]);
    return this.#checkpoint;
  }

  async readCheckpoint(): Promise<string | undefined> {
    return this.#checkpoint;
  }

  async readTile(tile: TileId): Promise<Uint8Array> {
    return readTileHashes(this.tree, tile);
  }

  async readEntryBundle(bundle: EntryBundleId): Promise<Uint8Array> {
    const first = Number(bundle.index) * TILE_WIDTH;
    return encodeEntryBundle(this.#entries.slice(first, first + bundle.width));
  }
}
