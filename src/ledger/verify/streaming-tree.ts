import { foldRange } from '../merkle/fold-range.js';
import { EMPTY_ROOT, hashChildren } from '../merkle/hash.js';

/**
 * A Merkle tree built from leaf hashes in order, keeping only the roots of its perfect subtrees
 * (at most 63 hashes): memory independent of the log's size. Every completed perfect subtree is
 * reported to `onNode`, so a verifier can compare it with the tile that claims to hold it.
 *
 * @example
 * const tree = new StreamingTree((level, index, hash) => check(level, index, hash));
 * for (const leaf of leaves) await tree.append(leaf);
 * const root = tree.root();
 */
export class StreamingTree {
  readonly #onNode: (level: number, index: bigint, hash: Uint8Array) => Promise<void> | void;
  readonly #stack: Array<{ level: number; hash: Uint8Array }> = [];
  #size = 0n;

  constructor(onNode: (level: number, index: bigint, hash: Uint8Array) => Promise<void> | void = () => undefined) {
    this.#onNode = onNode;
  }

  get size(): bigint {
    return this.#size;
  }

  /** Appends a leaf hash, reporting every perfect subtree it completes (itself first). */
  async append(leafHash: Uint8Array): Promise<void> {
    const index = this.#size;
    this.#size += 1n;
    let node = { level: 0, hash: leafHash };
    await this.#onNode(0, index, leafHash);
    for (;;) {
      const top = this.#stack[this.#stack.length - 1];
      if (top === undefined || top.level !== node.level) break;
      this.#stack.pop();
      node = { level: node.level + 1, hash: hashChildren(top.hash, node.hash) };
      await this.#onNode(node.level, (this.#size - 1n) >> BigInt(node.level), node.hash);
    }
    this.#stack.push(node);
  }

  /** The root of the leaves appended so far (RFC 9162 §2.1.1). */
  root(): Uint8Array {
    return this.#stack.length === 0 ? EMPTY_ROOT.slice() : foldRange(this.#stack.map((node) => node.hash));
  }
}
