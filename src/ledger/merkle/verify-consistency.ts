import { checkHash } from './check-hash.js';
import { checkConsistencyPath } from './consistency-path.js';
import { MerkleError } from './merkle-error.js';
import { toTreeNumber, type TreeNumber } from './tree-size.js';

/** A consistency proof between two sizes of one log (RFC 9162 §2.1.4). */
export interface ConsistencyProofInput {
  readonly size1: TreeNumber;
  readonly size2: TreeNumber;
  readonly proof: readonly Uint8Array[];
  /** Root of the older tree (size1). */
  readonly root1: Uint8Array;
  /** Root of the newer tree (size2). */
  readonly root2: Uint8Array;
}

/**
 * Verifies that the tree of `size2` with `root2` extends the tree of `size1` with `root1`
 * (RFC 9162 §2.1.4.2). Requires `0 < size1 <= size2`: a proof from the empty tree proves nothing
 * and is refused (`EMPTY_TREE`); equal sizes need an empty proof and equal roots. Throws
 * `MerkleError` on any failure.
 *
 * @example
 * verifyConsistency({ size1: old.size, size2: next.size, proof, root1: old.rootHash, root2: next.rootHash });
 */
export function verifyConsistency({ size1, size2, proof, root1, root2 }: ConsistencyProofInput): void {
  const oldSize = toTreeNumber(size1, 'old tree size');
  const newSize = toTreeNumber(size2, 'new tree size');
  if (oldSize > newSize) {
    throw new MerkleError({ code: 'SIZE_ORDER', message: `old size ${oldSize} is larger than new size ${newSize}` });
  }
  if (oldSize === 0n) {
    throw new MerkleError({ code: 'EMPTY_TREE', message: 'a consistency proof from the empty tree proves nothing' });
  }
  proof.forEach((hash, i) => checkHash(hash, `proof hash ${i}`));
  // A consistency proof is the subtree consistency proof of [0, size1) (draft §4.4.1).
  checkConsistencyPath(0n, oldSize, newSize, proof, root1, root2);
}
