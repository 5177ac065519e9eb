import { HASH_SIZE } from '../merkle/hash.js';
import type { HashReader, NodeId } from '../merkle/hash-reader.js';
import { MerkleError } from '../merkle/merkle-error.js';
import { TileCache } from './tile-cache.js';
import { checkExpandedTile, expandTile } from './expand-tile.js';
import { TILE_HEIGHT, TILE_WIDTH, type TileId } from './tile-id.js';
import { tileWidth } from './tile-width.js';

/** Where tiles come from: storage, or HTTP for a remote verifier. */
export interface TileReader {
  /** The tile's bytes: exactly `width` hashes of 32 bytes. */
  readTile(tile: TileId): Promise<Uint8Array>;
  /**
   * Optional: the tile with its inner levels (as `expandTile` computes them), for storage that keeps
   * them. Used instead of `readTile`, it saves up to 255 hashes on every cache miss.
   */
  readExpandedTile?(tile: TileId): Promise<Uint8Array[]>;
}

/** Options for `createTileHashReader`. */
export interface TileHashReaderOptions {
  /** A cache to share across readers (e.g. one per checkpoint); by default a private one of 4096 tiles. */
  readonly cache?: TileCache;
}

/**
 * A `HashReader` over tiles, for the tree of `treeSize`. A node at tree level `8t + s` is the root
 * of `2^s` adjacent hashes of one tile at tile level `t`; each tile read is kept with all its inner
 * levels in an LRU cache, so a proof after the first costs no hashing for cached tiles. Full tiles
 * never change, which is what makes caching them safe.
 *
 * @example
 * const reader = createTileHashReader({ readTile: (t) => store.tile(t) }, checkpoint.size);
 * const proof = await proveInclusion(reader, index, checkpoint.size);
 */
export function createTileHashReader(tiles: TileReader, treeSize: bigint, options: TileHashReaderOptions = {}): HashReader {
  const cache = options.cache ?? new TileCache();
  return {
    async readHashes(nodes: readonly NodeId[]): Promise<readonly Uint8Array[]> {
      // Locate every node in its tile, then load each distinct tile once; cached ones synchronously.
      const located = nodes.map((node) => locate(node, treeSize));
      const rows = new Map<string, Uint8Array[]>();
      const pending: Array<Promise<void>> = [];
      for (const { key, tile } of located) {
        if (rows.has(key)) continue;
        const hit = cache.peek(tile);
        if (hit !== undefined) {
          rows.set(key, hit);
          continue;
        }
        rows.set(key, []);
        pending.push(
          cache.get(tile, () => load(tiles, tile)).then((levels) => {
            rows.set(key, levels);
          }),
        );
      }
      if (pending.length > 0) await Promise.all(pending);
      return located.map(({ key, sublevel, offset }) => {
        const row = rows.get(key)?.[sublevel];
        if (row === undefined) throw new MerkleError({ code: 'BAD_READER', message: 'tile level missing' });
        const at = (offset >> sublevel) * HASH_SIZE;
        return row.slice(at, at + HASH_SIZE);
      });
    },
  };
}

async function load(tiles: TileReader, tile: TileId): Promise<Uint8Array[]> {
  if (tiles.readExpandedTile === undefined) return expandTile(await tiles.readTile(tile), tile);
  const rows = await tiles.readExpandedTile(tile);
  checkExpandedTile(rows, tile);
  return rows;
}

const SUBLEVEL_SHIFT = Array.from({ length: TILE_HEIGHT }, (_, i) => BigInt(i));
const WIDTH = BigInt(TILE_WIDTH);

/** The tile holding node (level, index): tile level `floor(level / 8)`, and where in it. */
function locate({ level, index }: NodeId, treeSize: bigint): { key: string; tile: TileId; sublevel: number; offset: number } {
  const tileLevel = Math.floor(level / TILE_HEIGHT);
  const sublevel = level % TILE_HEIGHT;
  const first = index << (SUBLEVEL_SHIFT[sublevel] ?? 0n);
  const tileIndex = first / WIDTH;
  const offset = Number(first % WIDTH);
  const width = tileWidth(tileLevel, tileIndex, treeSize);
  if (offset + (1 << sublevel) > width) {
    throw new MerkleError({ code: 'BAD_READER', message: `node (${level}, ${index}) is not in the tree of ${treeSize}` });
  }
  return { key: `${tileLevel}/${tileIndex}/${width}`, tile: { level: tileLevel, index: tileIndex, width }, sublevel, offset };
}
