import { describe, expect, it } from 'vitest';
import { MemoryMerkleTree } from '../merkle/memory-merkle-tree.js';
import { readTreeRoot } from '../merkle/read-tree-root.js';
import { TreeState, type TileWrite } from './tree-state.js';

const entry = (i: number) => new TextEncoder().encode(`entry ${i}`);

describe('TreeState', () => {
  it('computes the same roots as a plain RFC 6962 tree, whatever the batch sizes', async () => {
    const tree = new MemoryMerkleTree();
    const state = TreeState.empty();
    let i = 0;
    for (const batch of [1, 2, 3, 250, 1, 300, 65536 - 557, 1, 700]) {
      const entries = Array.from({ length: batch }, () => entry(i++));
      for (const e of entries) tree.appendEntry(e);
      state.append(entries);
      expect(Buffer.from(state.root()).toString('hex')).toBe(Buffer.from(await readTreeRoot(tree, state.size)).toString('hex'));
    }
  });

  it('restores from its edge tiles and carries on identically', () => {
    const a = TreeState.empty();
    const tiles = new Map<string, TileWrite>();
    const store = (written: TileWrite[]) => written.forEach((t) => tiles.set(`${t.level}/${t.index}`, t));
    let i = 0;
    store(a.append(Array.from({ length: 70_000 }, () => entry(i++))).tiles);
    const size = a.size;
    const b = TreeState.restore(size, (level) => {
      const tileIndex = size >> BigInt(8 * level + 8);
      return tiles.get(`${level}/${tileIndex}`)?.hashes.slice(0, Number((size >> BigInt(8 * level)) % 256n)) ?? [];
    });
    expect(b.root()).toEqual(a.root());
    const more = Array.from({ length: 1000 }, () => entry(i++));
    a.append(more);
    b.append(more);
    expect(b.root()).toEqual(a.root());
  });

  it('writes full tiles of 256 hashes and one partial tile per level', () => {
    const state = TreeState.empty();
    const { tiles } = state.append(Array.from({ length: 256 * 3 + 5 }, (_, i) => entry(i)));
    const level0 = tiles.filter((t) => t.level === 0).map((t) => [Number(t.index), t.hashes.length]);
    expect(level0).toEqual([[0, 256], [1, 256], [2, 256], [3, 5]]);
    expect(tiles.filter((t) => t.level === 1).map((t) => t.hashes.length)).toEqual([3]);
  });
});
