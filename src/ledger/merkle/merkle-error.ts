import { BaseError } from '../../core/base-error.js';

/** Stable codes for a Merkle proof or tree request that cannot be honoured or does not verify. */
export type MerkleErrorCode =
  /** An index or size that is not an integer in [0, 2^63 - 1]. */
  | 'BAD_NUMBER'
  /** A leaf index at or beyond the tree (or subtree) size. */
  | 'INDEX_OUT_OF_RANGE'
  /** `[start, end)` is not a subtree in the sense of draft-ietf-plants-merkle-tree-certs §4.1. */
  | 'BAD_SUBTREE'
  /** The older tree is larger than the newer one, or a range ends beyond the tree. */
  | 'SIZE_ORDER'
  /** A consistency proof from the empty tree, which proves nothing (RFC 9162 §2.1.4). */
  | 'EMPTY_TREE'
  /** A leaf or proof hash that is not 32 bytes. */
  | 'BAD_HASH'
  /** A proof with more or fewer hashes than the path it claims to cover. */
  | 'WRONG_PROOF_SIZE'
  /** The proof is well formed but reconstructs a different root. */
  | 'ROOT_MISMATCH'
  /** A `HashReader` answered with the wrong number or shape of hashes. */
  | 'BAD_READER';

/**
 * A Merkle proof that does not verify, or a request for one that makes no sense.
 *
 * @example
 * throw new MerkleError({ code: 'ROOT_MISMATCH', message: 'calculated root differs from the checkpoint' });
 */
export class MerkleError extends BaseError<MerkleErrorCode> {}
