import { HASH_SIZE } from '../merkle/hash.js';
import type { HashReader, NodeId } from '../merkle/hash-reader.js';
import { TILE_HEIGHT, TILE_WIDTH, type TileId } from './tile-id.js';

/**
 * The bytes of a tile, computed from node hashes: the concatenated hashes of tree level
 * `8 * level`, nodes `index * 256 …` for `width` nodes (c2sp.org/tlog-tiles "Merkle Tree"). The
 * storage layer serves these; a writer can also compute them once a tile fills.
 *
 * @example
 * const bytes = await readTileHashes(tree, { level: 0, index: 0n, width: 256 });
 */
export async function readTileHashes(reader: HashReader, tile: TileId): Promise<Uint8Array> {
  const level = TILE_HEIGHT * tile.level;
  const first = tile.index * BigInt(TILE_WIDTH);
  const nodes: NodeId[] = Array.from({ length: tile.width }, (_, i) => ({ level, index: first + BigInt(i) }));
  const hashes = await reader.readHashes(nodes);
  const bytes = new Uint8Array(tile.width * HASH_SIZE);
  hashes.forEach((hash, i) => bytes.set(hash, i * HASH_SIZE));
  return bytes;
}
