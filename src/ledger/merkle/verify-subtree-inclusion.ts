import { bytesEqual } from '../encoding/bytes-equal.js';
import { MerkleError } from './merkle-error.js';
import { isValidSubtree } from './subtree.js';
import { toTreeNumber, type TreeNumber } from './tree-size.js';
import { rootFromInclusionProof } from './verify-inclusion.js';

/** A subtree inclusion proof (draft-ietf-plants-merkle-tree-certs §4.3). */
export interface SubtreeInclusionProofInput {
  /** Index of the leaf in the whole log, `start <= index < end`. */
  readonly index: TreeNumber;
  readonly start: TreeNumber;
  readonly end: TreeNumber;
  readonly leafHash: Uint8Array;
  readonly proof: readonly Uint8Array[];
  /** MTH(D[start:end]), the subtree hash. */
  readonly root: Uint8Array;
}

/**
 * Verifies that a leaf is in the subtree `[start, end)` (draft-ietf-plants-merkle-tree-certs §4.3.2
 * and §4.3.3): the subtree must be valid, and the proof is an RFC 9162 inclusion proof for
 * `index - start` in the tree `D[start:end]`. Throws `MerkleError` on any failure.
 *
 * @example
 * verifySubtreeInclusion({ index: 10n, start: 8n, end: 13n, leafHash, proof, root: subtreeHash });
 */
export function verifySubtreeInclusion(input: SubtreeInclusionProofInput): void {
  const index = toTreeNumber(input.index, 'leaf index');
  const start = toTreeNumber(input.start, 'subtree start');
  const end = toTreeNumber(input.end, 'subtree end');
  if (!isValidSubtree(start, end)) {
    throw new MerkleError({ code: 'BAD_SUBTREE', message: `[${start}, ${end}) is not a valid subtree` });
  }
  if (index < start || index >= end) {
    throw new MerkleError({ code: 'INDEX_OUT_OF_RANGE', message: `leaf index ${index} is outside [${start}, ${end})` });
  }
  const calculated = rootFromInclusionProof({
    index: index - start,
    treeSize: end - start,
    leafHash: input.leafHash,
    proof: input.proof,
  });
  if (!bytesEqual(calculated, input.root)) {
    throw new MerkleError({ code: 'ROOT_MISMATCH', message: 'subtree inclusion proof leads to a different subtree hash' });
  }
}
