import { hashChildren } from './hash.js';
import { MerkleError } from './merkle-error.js';

/**
 * MTH of an aligned range from the hashes of its compact range (see `rangeNodes`), folding from the
 * right: the rightmost, smallest subtrees join first, as in the unbalanced tree of RFC 9162 §2.1.1.
 *
 * @example
 * const subtreeHash = foldRange(await reader.readHashes(rangeNodes(8n, 13n)));
 */
export function foldRange(hashes: readonly Uint8Array[]): Uint8Array {
  let i = hashes.length - 1;
  let hash = hashes[i];
  if (hash === undefined) throw new MerkleError({ code: 'BAD_READER', message: 'an empty range has no nodes to fold' });
  while (--i >= 0) {
    const left = hashes[i];
    if (left === undefined) break;
    hash = hashChildren(left, hash);
  }
  return hash;
}
