/**
 * A node of the full binary tree over the log's leaves: the perfect subtree of `2^level` leaves
 * starting at leaf `index * 2^level`. Level 0 nodes are leaf hashes.
 */
export interface NodeId {
  readonly level: number;
  readonly index: bigint;
}

/**
 * What proof generation needs from storage: the hashes of perfect subtrees. The storage layer
 * implements it over whatever it keeps (a node table, tiles with a cache, an in-memory tree).
 * Every node asked for lies entirely inside the tree being proven, so it never changes once
 * written, and a reader may cache freely. One call per proof, O(log n) nodes.
 *
 * @example
 * const reader: HashReader = { readHashes: async (nodes) => nodes.map((n) => table.get(n.level, n.index)) };
 */
export interface HashReader {
  /** The hashes of `nodes`, in the same order; each 32 bytes. */
  readHashes(nodes: readonly NodeId[]): Promise<readonly Uint8Array[]>;
}
