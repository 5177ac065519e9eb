import type { TileId } from './tile-id.js';

interface Entry {
  readonly promise: Promise<Uint8Array[]>;
  value: Uint8Array[] | undefined;
}

/**
 * A bounded least-recently-used cache of tiles with their inner levels, shared by the tile hash
 * readers of successive tree sizes: a tile is identified by level, index *and* width, and a tile of
 * a given width never changes, so entries stay valid as the log grows. Memory is bounded by
 * `capacity` (about 16 KiB per full tile), never by the log's size.
 *
 * @example
 * const cache = new TileCache(4096);
 * const reader = createTileHashReader(tiles, size, { cache });
 */
export class TileCache {
  readonly #capacity: number;
  readonly #entries = new Map<string, Entry>();

  constructor(capacity = 4096) {
    this.#capacity = Math.max(1, capacity);
  }

  /** The expansion of `tile` if it is loaded already (a synchronous hit), else `undefined`. */
  peek(tile: TileId): Uint8Array[] | undefined {
    const key = keyOf(tile);
    const entry = this.#entries.get(key);
    if (entry?.value === undefined) return undefined;
    this.#touch(key, entry);
    return entry.value;
  }

  /** The cached expansion of `tile`, or the one `load` produces (kept unless it fails). */
  get(tile: TileId, load: () => Promise<Uint8Array[]>): Promise<Uint8Array[]> {
    const key = keyOf(tile);
    const cached = this.#entries.get(key);
    if (cached !== undefined) {
      this.#touch(key, cached);
      return cached.promise;
    }
    const entry: Entry = { promise: load(), value: undefined };
    entry.promise.then(
      (value) => {
        entry.value = value;
      },
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    if (this.#entries.size >= this.#capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, entry);
    return entry.promise;
  }

  /** Number of tiles held. */
  get size(): number {
    return this.#entries.size;
  }

  #touch(key: string, entry: Entry): void {
    // A Map iterates in insertion order: re-inserting makes it the most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
  }
}

function keyOf(tile: TileId): string {
  return `${tile.level}/${tile.index}/${tile.width}`;
}
