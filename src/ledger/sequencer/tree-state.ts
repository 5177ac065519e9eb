import { EMPTY_ROOT, hashChildren, hashLeaf } from '../merkle/hash.js';
import { expandTile } from '../tiles/expand-tile.js';
import { TILE_HEIGHT, TILE_WIDTH } from '../tiles/tile-id.js';

/** A tile as the sequencer writes it: its position and its current hashes (full: 256). */
export interface TileWrite {
  readonly level: number;
  readonly index: bigint;
  readonly hashes: readonly Uint8Array[];
  /** For a full tile: its sublevels 1-7 (254 hashes, as `expandTile` lays them out), concatenated. */
  readonly inner?: Uint8Array;
}

interface Node {
  readonly height: number;
  readonly hash: Uint8Array;
}

/**
 * The right edge of the log's Merkle tree, in memory: the compact range of perfect subtree roots
 * (RFC 9162 §2.1.1 builds the tree from exactly these) and, per tile level, the partial tile that
 * is still filling. Its size is O(log n) nodes plus at most 256 hashes per tile level, whatever the
 * log's length — the sequencer's memory does not grow with the log.
 *
 * Tile level L holds the nodes of tree height 8·L (C2SP tlog-tiles), so a node created by merging
 * at a height divisible by 8 is exactly a new tile hash.
 *
 * @example
 * const state = TreeState.restore(size, edgeTiles);
 * const written = state.append([entryBytes]);   // tiles to store
 * state.root();                                  // the new root hash
 */
export class TreeState {
  #size: bigint;
  readonly #range: Node[];
  /** Per tile level: the hashes of the tile that contains the right edge. */
  readonly #edges: Uint8Array[][];

  private constructor(size: bigint, range: Node[], edges: Uint8Array[][]) {
    this.#size = size;
    this.#range = range;
    this.#edges = edges;
  }

  static empty(): TreeState {
    return new TreeState(0n, [], []);
  }

  /**
   * Rebuilds the state of a tree of `size` leaves from its right-edge tiles: `edgeTile(level)`
   * returns the hashes of the tile at that level holding the edge, i.e. `(size >> 8L) mod 256`
   * hashes of tile `size >> (8L + 8)`.
   */
  static restore(size: bigint, edgeTile: (level: number) => readonly Uint8Array[]): TreeState {
    const edges: Uint8Array[][] = [];
    const range: Node[] = [];
    const levels: number[] = [];
    for (let level = 0; size >> BigInt(TILE_HEIGHT * level) > 0n; level++) levels.push(level);
    for (const level of levels) {
      const count = Number((size >> BigInt(TILE_HEIGHT * level)) % BigInt(TILE_WIDTH));
      const hashes = [...edgeTile(level)];
      if (hashes.length !== count) throw new Error(`edge tile at level ${level} has ${hashes.length} hashes, expected ${count}`);
      edges[level] = hashes;
    }
    // The compact range, left to right: highest tile level first; within a tile, the binary
    // decomposition of its hash count, largest perfect subtree first.
    for (const level of [...levels].reverse()) {
      const hashes = edges[level] ?? [];
      let at = 0;
      for (let bit = TILE_HEIGHT - 1; bit >= 0; bit--) {
        const width = 1 << bit;
        if ((hashes.length & width) === 0) continue;
        range.push({ height: TILE_HEIGHT * level + bit, hash: perfectRoot(hashes.slice(at, at + width)) });
        at += width;
      }
    }
    return new TreeState(size, range, edges);
  }

  get size(): bigint {
    return this.#size;
  }

  /** An independent copy (the hashes themselves are never mutated, so they are shared). */
  clone(): TreeState {
    return new TreeState(this.#size, [...this.#range], this.#edges.map((edge) => [...edge]));
  }

  /** Appends entries (their bytes) and returns every tile they changed, with its new contents. */
  append(entries: readonly Uint8Array[]): { leafHashes: Uint8Array[]; tiles: TileWrite[] } {
    const touched = new Map<string, TileWrite>();
    const leafHashes: Uint8Array[] = [];
    for (const entry of entries) {
      const leaf = hashLeaf(entry);
      leafHashes.push(leaf);
      const start = this.#size;
      this.#addTileHash(0, start, leaf, touched);
      let node: Node = { height: 0, hash: leaf };
      // Merge equal heights, as adding 1 to a binary counter carries (RFC 9162 §2.1.1).
      for (;;) {
        const last = this.#range[this.#range.length - 1];
        if (!last || last.height !== node.height) break;
        this.#range.pop();
        node = { height: node.height + 1, hash: hashChildren(last.hash, node.hash) };
        if (node.height % TILE_HEIGHT === 0) this.#addTileHash(node.height / TILE_HEIGHT, start >> BigInt(node.height), node.hash, touched);
      }
      this.#range.push(node);
      this.#size += 1n;
    }
    // Copy each touched tile once (the edge arrays keep growing in later appends).
    return { leafHashes, tiles: [...touched.values()].map((t) => ({ ...t, hashes: t.hashes.slice() })) };
  }

  /** The RFC 6962 root hash of the tree so far (SHA-256 of nothing for an empty tree). */
  root(): Uint8Array {
    if (this.#range.length === 0) return EMPTY_ROOT;
    let acc = this.#range[this.#range.length - 1]?.hash ?? EMPTY_ROOT;
    for (let i = this.#range.length - 2; i >= 0; i--) acc = hashChildren(this.#range[i]?.hash ?? EMPTY_ROOT, acc);
    return acc;
  }

  #addTileHash(level: number, nodeIndex: bigint, hash: Uint8Array, touched: Map<string, TileWrite>): void {
    const tileIndex = nodeIndex / BigInt(TILE_WIDTH);
    const offset = Number(nodeIndex % BigInt(TILE_WIDTH));
    if (offset === 0) this.#edges[level] = [];
    const edge = (this.#edges[level] ??= []);
    edge.push(hash);
    if (edge.length !== offset + 1) throw new Error(`tile ${level}/${tileIndex} out of step`);
    if (edge.length === TILE_WIDTH) {
      const rows = expandTile(Buffer.concat(edge), { level, index: tileIndex, width: TILE_WIDTH });
      touched.set(`${level}/${tileIndex}`, { level, index: tileIndex, hashes: edge, inner: Buffer.concat(rows.slice(1)) });
      this.#edges[level] = [];
    } else if (offset === 0 || !touched.has(`${level}/${tileIndex}`)) {
      touched.set(`${level}/${tileIndex}`, { level, index: tileIndex, hashes: edge });
    }
  }
}

/** The root of a perfect subtree over 2^k hashes. */
function perfectRoot(hashes: readonly Uint8Array[]): Uint8Array {
  let row = [...hashes];
  while (row.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < row.length; i += 2) next.push(hashChildren(row[i] ?? EMPTY_ROOT, row[i + 1] ?? EMPTY_ROOT));
    row = next;
  }
  const root = row[0];
  if (!root) throw new Error('perfectRoot of nothing');
  return root;
}
