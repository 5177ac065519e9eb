/** Hashes per full tile and entries per full bundle (c2sp.org/tlog-tiles "Merkle Tree"). */
export const TILE_WIDTH = 256;
/** Tree levels spanned by one tile level: a tile is a subtree of height 8. */
export const TILE_HEIGHT = 8;

/**
 * A tile of hashes: tile level `level` holds the hashes of tree level `8 * level`; tile `index`
 * holds nodes `index * 256 … index * 256 + width - 1` of that level. `width` is 256 for a full
 * tile, 1–255 for a partial one.
 */
export interface TileId {
  readonly level: number;
  readonly index: bigint;
  readonly width: number;
}

/** An entry bundle: entries `index * 256 … index * 256 + width - 1`. */
export interface EntryBundleId {
  readonly index: bigint;
  readonly width: number;
}
