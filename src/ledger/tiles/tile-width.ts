import { TILE_HEIGHT, TILE_WIDTH, type TileId } from './tile-id.js';

/**
 * How many hashes tile `index` at tile level `level` holds in the tree of `treeSize`: 256 for a
 * full tile, 1–255 for the partial tile (c2sp.org/tlog-tiles "Partial Tiles": `floor(s / 256**l)
 * mod 256`), 0 if the tile does not exist at that size. The same for entry bundles at level 0.
 *
 * @example
 * tileWidth(0, 273n, 70_000n);  // 112
 * tileWidth(2, 0n, 70_000n);    // 1
 */
export function tileWidth(level: number, index: bigint, treeSize: bigint): number {
  const nodes = treeSize >> BigInt(TILE_HEIGHT * level);
  const fullTiles = nodes / BigInt(TILE_WIDTH);
  if (index < fullTiles) return TILE_WIDTH;
  if (index === fullTiles) return Number(nodes % BigInt(TILE_WIDTH));
  return 0;
}

/**
 * Every tile (full and partial) of the tree of `treeSize`, level by level, lowest first. A tree of
 * 70,000 has 273 full and one partial (112) level-0 tiles, one full and one partial (17) level-1
 * tile, and one partial (1) level-2 tile.
 *
 * @example
 * for (const tile of tilesForTreeSize(size)) await fetchTile(tile);
 */
export function* tilesForTreeSize(treeSize: bigint): Generator<TileId> {
  for (let level = 0; (treeSize >> BigInt(TILE_HEIGHT * level)) > 0n; level++) {
    const nodes = treeSize >> BigInt(TILE_HEIGHT * level);
    const fullTiles = nodes / BigInt(TILE_WIDTH);
    for (let index = 0n; index < fullTiles; index++) yield { level, index, width: TILE_WIDTH };
    const partial = Number(nodes % BigInt(TILE_WIDTH));
    if (partial > 0) yield { level, index: fullTiles, width: partial };
  }
}
