import { describe, expect, it } from 'vitest';
import { MemoryMerkleTree } from '../merkle/memory-merkle-tree.js';
import { proveConsistency } from '../merkle/prove-consistency.js';
import { proveInclusion } from '../merkle/prove-inclusion.js';
import { readTreeRoot } from '../merkle/read-tree-root.js';
import { decodeEntryBundle, encodeEntryBundle } from './entry-bundle.js';
import { expandTile } from './expand-tile.js';
import { readTileHashes } from './read-tile-hashes.js';
import { TileCache } from './tile-cache.js';
import { TileError } from './tile-error.js';
import { createTileHashReader } from './tile-hash-reader.js';
import type { TileId } from './tile-id.js';
import { formatEntryBundlePath, formatTilePath, parseTilePath } from './tile-path.js';
import { tilesForTreeSize, tileWidth } from './tile-width.js';

describe('tile paths (c2sp.org/tlog-tiles)', () => {
  it('encodes indices in x-prefixed 3-digit groups, with .p/<W> for partial tiles', () => {
    expect(formatTilePath({ level: 0, index: 1234067n, width: 256 })).toBe('tile/0/x001/x234/067');
    expect(formatTilePath({ level: 0, index: 0n, width: 256 })).toBe('tile/0/000');
    expect(formatTilePath({ level: 2, index: 1000n, width: 1 })).toBe('tile/2/x001/000.p/1');
    expect(formatEntryBundlePath({ index: 5n, width: 112 })).toBe('tile/entries/005.p/112');
    expect(formatEntryBundlePath({ index: 999n, width: 256 })).toBe('tile/entries/999');
  });

  it('parses what it writes', () => {
    for (const tile of [
      { level: 0, index: 1234067n, width: 256 },
      { level: 63, index: 0n, width: 255 },
      { level: 1, index: 36028797018963967n, width: 7 },
    ]) {
      expect(parseTilePath(formatTilePath(tile).slice('tile/'.length))).toEqual({ kind: 'tile', tile });
    }
    expect(parseTilePath('entries/x001/000.p/3')).toEqual({ kind: 'entries', bundle: { index: 1000n, width: 3 } });
  });

  it('refuses every non-canonical spelling', () => {
    const bad = [
      '', '0', '0/', '00/000', '01/000', '64/000', '-1/000', 'x/000', '0/0', '0/0000', '0/x000/001', '0/001/002',
      '0/x001', '0/x01/002', '0/000.p/0', '0/000.p/256', '0/000.p/01', '0/000.p/', '0/000.p/1/', '0/000/', '0//000',
      'entries/000.p/300', 'entry/000', '0/00a', '0/%30%30%30', '0/000.P/1', '0/x999/x999/x999/x999/x999/x999/999',
      `0/${'x000/'.repeat(20)}000`,
    ];
    for (const path of bad) expect(() => parseTilePath(path), path).toThrow(TileError);
  });
});

describe('which tiles a tree has', () => {
  it('matches the specification example of a 70,000-leaf tree', () => {
    const tiles = [...tilesForTreeSize(70_000n)];
    const count = (level: number, width: number): number => tiles.filter((t) => t.level === level && t.width === width).length;
    expect(count(0, 256)).toBe(273);
    expect(tiles.filter((t) => t.level === 0 && t.width !== 256)).toEqual([{ level: 0, index: 273n, width: 112 }]);
    expect(count(1, 256)).toBe(1);
    expect(tiles.filter((t) => t.level === 1 && t.width !== 256)).toEqual([{ level: 1, index: 1n, width: 17 }]);
    expect(tiles.filter((t) => t.level === 2)).toEqual([{ level: 2, index: 0n, width: 1 }]);
    expect(tiles).toHaveLength(273 + 1 + 1 + 1 + 1);
    expect([...tilesForTreeSize(256n)]).toEqual([
      { level: 0, index: 0n, width: 256 },
      { level: 1, index: 0n, width: 1 },
    ]);
    expect([...tilesForTreeSize(0n)]).toEqual([]);
    expect(tileWidth(0, 274n, 70_000n)).toBe(0);
  });
});

describe('entry bundles', () => {
  it('are big-endian uint16 length-prefixed entries', () => {
    const entries = [new Uint8Array(), Uint8Array.of(0x61), new Uint8Array(300).fill(7)];
    const bundle = encodeEntryBundle(entries);
    expect(Array.from(bundle.subarray(0, 5))).toEqual([0x00, 0x00, 0x00, 0x01, 0x61]);
    expect(Array.from(bundle.subarray(5, 7))).toEqual([0x01, 0x2c]);
    expect(decodeEntryBundle(bundle, 3).map((e) => e.length)).toEqual([0, 1, 300]);
    expect(decodeEntryBundle(encodeEntryBundle([new Uint8Array(0xffff)]))[0]?.length).toBe(0xffff);
  });

  it('refuses truncated, padded, oversized and miscounted bundles', () => {
    const bundle = encodeEntryBundle([Uint8Array.of(1, 2, 3), Uint8Array.of(4)]);
    for (let cut = 1; cut < bundle.length; cut++) {
      if (cut === 5) continue; // a cut between entries is a valid bundle of one entry
      expect(() => decodeEntryBundle(bundle.subarray(0, cut)), `cut at ${cut}`).toThrow(TileError);
    }
    expect(() => decodeEntryBundle(bundle.subarray(0, 5), 2)).toThrow(TileError);
    expect(() => decodeEntryBundle(Uint8Array.of(...bundle, 0))).toThrow(TileError);
    expect(() => decodeEntryBundle(new Uint8Array(2 * 257))).toThrow(TileError);
    expect(() => encodeEntryBundle([new Uint8Array(0x10000)])).toThrow(TileError);
    expect(() => encodeEntryBundle(Array.from({ length: 257 }, () => new Uint8Array()))).toThrow(TileError);
  });
});

describe('hashes read through tiles', () => {
  const tree = new MemoryMerkleTree();
  for (let i = 0; i < 70_000; i++) tree.appendEntry(new TextEncoder().encode(`entry ${i}`));
  const reads: TileId[] = [];
  const tiles = {
    async readTile(tile: TileId): Promise<Uint8Array> {
      reads.push(tile);
      return readTileHashes(tree, tile);
    },
  };

  it('gives the same roots and proofs as the full tree, at any size', async () => {
    for (const size of [1n, 255n, 256n, 257n, 65_535n, 65_536n, 65_537n, 70_000n]) {
      const reader = createTileHashReader(tiles, size);
      expect(Buffer.from(await readTreeRoot(reader, size))).toEqual(Buffer.from(tree.root(size)));
      for (const index of [0n, size / 2n, size - 1n]) {
        expect((await proveInclusion(reader, index, size)).map((h) => Buffer.from(h))).toEqual(
          (await proveInclusion(tree, index, size)).map((h) => Buffer.from(h)),
        );
      }
      if (size > 1n) {
        expect((await proveConsistency(reader, size - 1n, size)).map((h) => Buffer.from(h))).toEqual(
          (await proveConsistency(tree, size - 1n, size)).map((h) => Buffer.from(h)),
        );
      }
    }
  });

  it('reads each tile once while cached, and keeps the cache bounded', async () => {
    const cache = new TileCache(8);
    const reader = createTileHashReader(tiles, 70_000n, { cache });
    reads.length = 0;
    await proveInclusion(reader, 12_345n, 70_000n);
    const first = reads.length;
    // One tile per tile level on the leaf's path, plus the right edge's partial tiles (0/273.p/112 here).
    expect(first).toBeLessThanOrEqual(4);
    await proveInclusion(reader, 12_346n, 70_000n);
    expect(reads.length).toBe(first);
    for (let i = 0n; i < 40n; i++) await proveInclusion(reader, i * 1700n, 70_000n);
    expect(cache.size).toBeLessThanOrEqual(8);
  });

  it('uses stored inner levels when the reader has them, and checks their shape', async () => {
    let expandedReads = 0;
    const expanded = createTileHashReader(
      {
        readTile: async () => {
          throw new Error('not used when expanded tiles are available');
        },
        readExpandedTile: async (tile) => {
          expandedReads++;
          return expandTile(await readTileHashes(tree, tile), tile);
        },
      },
      70_000n,
    );
    expect((await proveInclusion(expanded, 4242n, 70_000n)).map((h) => Buffer.from(h))).toEqual(
      (await proveInclusion(tree, 4242n, 70_000n)).map((h) => Buffer.from(h)),
    );
    expect(expandedReads).toBeGreaterThan(0);
    const rows = expandTile(await readTileHashes(tree, { level: 0, index: 0n, width: 256 }), { level: 0, index: 0n, width: 256 });
    expect(rows.map((row) => row.length / 32)).toEqual([256, 128, 64, 32, 16, 8, 4, 2]);
    const misshapen = createTileHashReader({ readTile: async () => new Uint8Array(), readExpandedTile: async () => rows.slice(1) }, 256n);
    await expect(readTreeRoot(misshapen, 256n)).rejects.toThrow(TileError);
  });

  it('refuses tiles of the wrong length', async () => {
    const reader = createTileHashReader({ readTile: async () => new Uint8Array(31) }, 10n);
    await expect(readTreeRoot(reader, 10n)).rejects.toThrow(TileError);
  });
});
