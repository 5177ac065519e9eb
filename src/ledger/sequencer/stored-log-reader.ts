import { encodeEntryBundle } from '../tiles/entry-bundle.js';
import type { LogReader } from '../tiles/log-reader.js';
import type { EntryBundleId, TileId } from '../tiles/tile-id.js';
import { TILE_WIDTH } from '../tiles/tile-id.js';
import type { LogStorage } from './log-storage.js';
import { storedTileReader } from './stored-tile-reader.js';

const encoder = new TextEncoder();

/**
 * The log as `/log/` serves it, straight from storage (so every serving process agrees): the
 * latest checkpoint with the witnesses' cosignature lines added to the log's own signature,
 * tiles at any width, and entry bundles rebuilt from the stored entries.
 */
export function storedLogReader(storage: LogStorage, verifierKey: string): LogReader {
  const tiles = storedTileReader(storage);
  return {
    verifierKey,
    async readCheckpoint() {
      const checkpoint = await storage.latestCheckpoint();
      if (!checkpoint) return undefined;
      const cosignatures = await storage.cosignatures(checkpoint.size);
      return checkpoint.note + cosignatures.map((c) => c.signatureLine).join('');
    },
    async readTile(tile: TileId) {
      return tiles.readTile(tile);
    },
    async readEntryBundle(bundle: EntryBundleId) {
      const from = bundle.index * BigInt(TILE_WIDTH);
      const entries = await storage.entriesByIndex(from, bundle.width);
      if (entries.length !== bundle.width) return undefined;
      return encodeEntryBundle(entries.map((e) => encoder.encode(e.entry)));
    },
  };
}
