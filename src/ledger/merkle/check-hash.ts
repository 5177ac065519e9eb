import { HASH_SIZE } from './hash.js';
import { MerkleError } from './merkle-error.js';

/**
 * Throws `BAD_HASH` unless `hash` is a 32-byte SHA-256 value. Leaf and proof hashes come from the
 * prover; a short or long one must fail with a reason rather than hash into a meaningless root.
 *
 * @example
 * checkHash(leafHash, 'leaf hash');
 */
export function checkHash(hash: Uint8Array, what: string): void {
  if (hash.length !== HASH_SIZE) {
    throw new MerkleError({ code: 'BAD_HASH', message: `${what} is ${hash.length} bytes, want ${HASH_SIZE}` });
  }
}
