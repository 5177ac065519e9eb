import { bytesEqual } from '../encoding/bytes-equal.js';
import { checkHash } from './check-hash.js';
import { checkConsistencyPath } from './consistency-path.js';
import { EMPTY_ROOT } from './hash.js';
import { MerkleError } from './merkle-error.js';
import { isValidSubtree } from './subtree.js';
import { toTreeNumber, type TreeNumber } from './tree-size.js';

/** A subtree consistency proof (draft-ietf-plants-merkle-tree-certs §4.4). */
export interface SubtreeConsistencyProofInput {
  readonly start: TreeNumber;
  readonly end: TreeNumber;
  /** Size of the whole tree the subtree is proven against. */
  readonly treeSize: TreeNumber;
  readonly proof: readonly Uint8Array[];
  /** MTH(D[start:end]). */
  readonly subtreeHash: Uint8Array;
  /** MTH(D[0:treeSize]). */
  readonly root: Uint8Array;
}

/**
 * Verifies that the subtree `[start, end)` with `subtreeHash` is part of the tree of `treeSize`
 * with `root` (draft-ietf-plants-merkle-tree-certs §4.4.3). An empty subtree needs an empty proof
 * and the empty hash. Throws `MerkleError` on any failure.
 *
 * @example
 * verifySubtreeConsistency({ start: 8n, end: 13n, treeSize: 14n, proof, subtreeHash, root });
 */
export function verifySubtreeConsistency(input: SubtreeConsistencyProofInput): void {
  const start = toTreeNumber(input.start, 'subtree start');
  const end = toTreeNumber(input.end, 'subtree end');
  const size = toTreeNumber(input.treeSize, 'tree size');
  if (!isValidSubtree(start, end)) {
    throw new MerkleError({ code: 'BAD_SUBTREE', message: `[${start}, ${end}) is not a valid subtree` });
  }
  if (end > size) {
    throw new MerkleError({ code: 'SIZE_ORDER', message: `subtree end ${end} is beyond tree size ${size}` });
  }
  input.proof.forEach((hash, i) => checkHash(hash, `proof hash ${i}`));
  if (start === end) {
    if (input.proof.length > 0) {
      throw new MerkleError({ code: 'WRONG_PROOF_SIZE', message: 'an empty subtree needs an empty proof' });
    }
    if (!bytesEqual(input.subtreeHash, EMPTY_ROOT)) {
      throw new MerkleError({ code: 'ROOT_MISMATCH', message: 'an empty subtree must have the empty hash' });
    }
    return;
  }
  checkConsistencyPath(start, end, size, input.proof, input.subtreeHash, input.root);
}
