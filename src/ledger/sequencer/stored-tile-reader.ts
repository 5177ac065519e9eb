import { HASH_SIZE } from '../merkle/hash.js';
import type { TileReader } from '../tiles/tile-hash-reader.js';
import { TileError } from '../tiles/tile-error.js';
import { TILE_WIDTH, type TileId } from '../tiles/tile-id.js';
import { expandTile } from '../tiles/expand-tile.js';
import type { LogStorage } from './log-storage.js';

/**
 * Tiles from storage at any width up to the stored one: a partial tile of width w is the first w
 * hashes of every wider version of it (C2SP tlog-tiles), so one row per tile serves them all.
 */
export function storedTileReader(storage: LogStorage): TileReader {
  return {
    async readTile(tile: TileId): Promise<Uint8Array> {
      const stored = await storage.readTile(tile.level, tile.index);
      const bytes = tile.width * HASH_SIZE;
      if (!stored || stored.length < bytes) throw new TileError({ code: 'TILE_OUT_OF_RANGE', message: `tile ${tile.level}/${tile.index} of width ${tile.width} is not stored` });
      return stored.subarray(0, bytes);
    },
    async readExpandedTile(tile: TileId): Promise<Uint8Array[]> {
      const row = await storage.readTileWithInner(tile.level, tile.index);
      const stored = row?.hashes;
      const inner = tile.width === TILE_WIDTH ? row?.inner : undefined;
      const bytes = tile.width * HASH_SIZE;
      if (!stored || stored.length < bytes) throw new TileError({ code: 'TILE_OUT_OF_RANGE', message: `tile ${tile.level}/${tile.index} of width ${tile.width} is not stored` });
      // Sublevels 1-7 of a full tile: 128 + 64 + … + 2 = 254 hashes.
      if (!inner || inner.length !== (TILE_WIDTH - 2) * HASH_SIZE) return expandTile(stored.subarray(0, bytes), tile);
      const rows = [stored.subarray(0, bytes)];
      let at = 0;
      for (let width = TILE_WIDTH / 2; width >= 2; width /= 2) {
        rows.push(inner.subarray(at, at + width * HASH_SIZE));
        at += width * HASH_SIZE;
      }
      return rows;
    },
  };
}
