import { EMPTY_ROOT, hashChildren, hashLeaf, HASH_SIZE } from './hash.js';
import type { HashReader, NodeId } from './hash-reader.js';
import { MerkleError } from './merkle-error.js';
import { foldRange } from './fold-range.js';
import { rangeNodes } from './range-nodes.js';
import { toTreeNumber, type TreeNumber } from './tree-size.js';

/**
 * An append-only Merkle tree held in memory, keeping the hash of every perfect subtree (one
 * contiguous buffer per level, about 64 bytes per leaf). It is the reference `HashReader` for tests,
 * for the benchmark, and for short-lived tools; the persistent log lives in the storage layer.
 *
 * @example
 * const tree = new MemoryMerkleTree();
 * tree.appendEntry(new TextEncoder().encode('hello'));
 * const proof = await proveInclusion(tree, 0n, tree.size);
 */
export class MemoryMerkleTree implements HashReader {
  readonly #levels: Buffer[] = [];
  readonly #counts: number[] = [];

  /** Number of leaves. */
  get size(): bigint {
    return BigInt(this.#counts[0] ?? 0);
  }

  /** Appends an entry, hashing it as a leaf (RFC 9162 §2.1.1); returns its index. */
  appendEntry(entry: Uint8Array): bigint {
    return this.appendLeafHash(hashLeaf(entry));
  }

  /** Appends a precomputed leaf hash; returns its index. */
  appendLeafHash(leafHash: Uint8Array): bigint {
    if (leafHash.length !== HASH_SIZE) {
      throw new MerkleError({ code: 'BAD_HASH', message: `leaf hash is ${leafHash.length} bytes, want ${HASH_SIZE}` });
    }
    const index = this.#counts[0] ?? 0;
    let hash = leafHash;
    // Each completed right child completes its parent: climb while the level count becomes even.
    for (let level = 0; ; level++) {
      const count = this.#push(level, hash);
      if (count % 2 === 1) break;
      hash = hashChildren(this.#hashAt(level, count - 2), hash);
    }
    return BigInt(index);
  }

  /** The root of the tree at `treeSize` (default: now). Any earlier size can be asked for. */
  root(treeSize: TreeNumber = this.size): Uint8Array {
    const size = toTreeNumber(treeSize, 'tree size');
    if (size > this.size) throw new MerkleError({ code: 'SIZE_ORDER', message: `tree has only ${this.size} leaves` });
    if (size === 0n) return EMPTY_ROOT.slice();
    return foldRange(rangeNodes(0n, size).map((node) => this.nodeHash(node)));
  }

  /** The hash of one perfect subtree already in the tree. */
  nodeHash({ level, index }: NodeId): Uint8Array {
    const count = this.#counts[level] ?? 0;
    if (index < 0n || index >= BigInt(count)) {
      throw new MerkleError({ code: 'BAD_READER', message: `node (${level}, ${index}) is not in the tree` });
    }
    return this.#hashAt(level, Number(index)).slice();
  }

  /** `HashReader`: copies, so callers may keep or alter what they get. */
  async readHashes(nodes: readonly NodeId[]): Promise<readonly Uint8Array[]> {
    return nodes.map((node) => this.nodeHash(node));
  }

  #hashAt(level: number, index: number): Buffer {
    const buffer = this.#levels[level];
    if (buffer === undefined) throw new MerkleError({ code: 'BAD_READER', message: `no level ${level}` });
    return buffer.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE);
  }

  #push(level: number, hash: Uint8Array): number {
    const count = this.#counts[level] ?? 0;
    let buffer = this.#levels[level];
    if (buffer === undefined || buffer.length < (count + 1) * HASH_SIZE) {
      const grown = Buffer.alloc(Math.max(1024, (count + 1) * 2) * HASH_SIZE);
      if (buffer !== undefined) buffer.copy(grown, 0, 0, count * HASH_SIZE);
      this.#levels[level] = buffer = grown;
    }
    buffer.set(hash, count * HASH_SIZE);
    this.#counts[level] = count + 1;
    return count + 1;
  }
}
