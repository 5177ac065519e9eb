import type { TileId } from './tile-id.js';

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
  readonly #entries = new Map<string, Promise<Uint8Array[]>>();

  constructor(capacity = 4096) {
    this.#capacity = Math.max(1, capacity);
  }

  /** The cached expansion of `tile`, or the one `load` produces (kept unless it fails). */
  get(tile: TileId, load: () => Promise<Uint8Array[]>): Promise<Uint8Array[]> {
    const key = `${tile.level}/${tile.index}/${tile.width}`;
    let entry = this.#entries.get(key);
    if (entry !== undefined) {
      this.#entries.delete(key); // re-inserted below: a Map's order is the LRU order
    } else {
      entry = load();
      entry.catch(() => this.#entries.delete(key));
      if (this.#entries.size >= this.#capacity) {
        const oldest = this.#entries.keys().next().value;
        if (oldest !== undefined) this.#entries.delete(oldest);
      }
    }
    this.#entries.set(key, entry);
    return entry;
  }

  /** Number of tiles held. */
  get size(): number {
    return this.#entries.size;
  }
}
