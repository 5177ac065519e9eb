import { hashChildren, HASH_SIZE } from '../merkle/hash.js';
import { TileError } from './tile-error.js';
import { TILE_HEIGHT, type TileId } from './tile-id.js';

/**
 * A tile with the tree levels inside it: `rows[s]` holds the hashes of the perfect subtrees of
 * `2^s` tile hashes, for s = 0 (the tile itself) to 7; a partial tile has only the complete ones.
 * Tiles store only level 0 (c2sp.org/tlog-tiles: "levels between … are reconstructed by hashing"),
 * so rebuilding costs up to 255 hashes; a writer may store the rows instead and hand them to
 * `createTileHashReader` through `TileReader.readExpandedTile`, making a cache miss free of hashing.
 *
 * @example
 * const rows = expandTile(tileBytes, { level: 0, index: 7n, width: 256 });
 * rows[7].length;  // 64: the two 128-leaf halves of the tile
 */
export function expandTile(bytes: Uint8Array, tile: TileId): Uint8Array[] {
  if (bytes.length !== tile.width * HASH_SIZE) {
    throw new TileError({ code: 'BAD_TILE', message: `tile is ${bytes.length} bytes, want ${tile.width * HASH_SIZE}` });
  }
  const rows = [bytes];
  for (let sublevel = 1; sublevel < TILE_HEIGHT; sublevel++) {
    const below = rows[sublevel - 1] ?? new Uint8Array();
    const count = Math.floor(below.length / HASH_SIZE / 2);
    const row = new Uint8Array(count * HASH_SIZE);
    for (let i = 0; i < count; i++) {
      const left = below.subarray(2 * i * HASH_SIZE, (2 * i + 1) * HASH_SIZE);
      const right = below.subarray((2 * i + 1) * HASH_SIZE, (2 * i + 2) * HASH_SIZE);
      row.set(hashChildren(left, right), i * HASH_SIZE);
    }
    rows.push(row);
  }
  return rows;
}

/**
 * Throws `BAD_TILE` unless `rows` has the shape `expandTile` gives for `tile`.
 *
 * @example
 * checkExpandedTile(await store.expandedTile(tile), tile);
 */
export function checkExpandedTile(rows: readonly Uint8Array[], tile: TileId): void {
  const ok = rows.length === TILE_HEIGHT && rows.every((row, s) => row.length === Math.floor(tile.width / 2 ** s) * HASH_SIZE);
  if (!ok) throw new TileError({ code: 'BAD_TILE', message: `expanded tile ${tile.level}/${tile.index} has the wrong shape` });
}
