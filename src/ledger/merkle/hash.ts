import { hash } from 'node:crypto';

/** SHA-256 output size; every node hash in the tree has this length. */
export const HASH_SIZE = 32;

// RFC 6962 §2.1 / RFC 9162 §2.1.1: domain separation between leaves and interior nodes, so a leaf
// can never be passed off as a node (second-preimage attack).
const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** MTH({}) = SHA-256() — the root of the empty tree (RFC 9162 §2.1.1). Shared: copy before handing it out. */
export const EMPTY_ROOT: Uint8Array = hash('sha256', Buffer.alloc(0), 'buffer');

const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE);
nodeInput[0] = NODE_PREFIX;

/**
 * The leaf hash of an entry: SHA-256(0x00 || entry).
 *
 * @example
 * hashLeaf(new Uint8Array());  // 6e340b9c...: the hash of the empty leaf
 */
export function hashLeaf(entry: Uint8Array): Uint8Array {
  const input = Buffer.allocUnsafe(1 + entry.length);
  input[0] = LEAF_PREFIX;
  input.set(entry, 1);
  return hash('sha256', input, 'buffer');
}

/**
 * The hash of an interior node: SHA-256(0x01 || left || right).
 *
 * @example
 * const root = hashChildren(hashLeaf(a), hashLeaf(b));
 */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    // Only a verifier chaining a caller's malformed root gets here; hash exactly what was given.
    return hash('sha256', Buffer.concat([nodeInput.subarray(0, 1), left, right]), 'buffer');
  }
  // One reusable input buffer: hashing is synchronous, and this is the hot loop of every proof.
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return hash('sha256', nodeInput, 'buffer');
}
