import type { HashReader } from './hash-reader.js';
import { MerkleError } from './merkle-error.js';
import { subtreeProofRanges } from './proof-ranges.js';
import { readRangeHashes } from './read-ranges.js';
import { isValidSubtree } from './subtree.js';
import { toTreeNumber, type TreeNumber } from './tree-size.js';

/**
 * The consistency proof between tree sizes `size1` and `size2` (RFC 9162 §2.1.4.1), for
 * `0 < size1 <= size2`; empty when the sizes are equal.
 *
 * @example
 * const proof = await proveConsistency(tree, witnessSize, checkpoint.size);
 */
export async function proveConsistency(reader: HashReader, size1: TreeNumber, size2: TreeNumber): Promise<Uint8Array[]> {
  const oldSize = toTreeNumber(size1, 'old tree size');
  const newSize = toTreeNumber(size2, 'new tree size');
  if (oldSize > newSize) {
    throw new MerkleError({ code: 'SIZE_ORDER', message: `old size ${oldSize} is larger than new size ${newSize}` });
  }
  if (oldSize === 0n) {
    throw new MerkleError({ code: 'EMPTY_TREE', message: 'a consistency proof from the empty tree proves nothing' });
  }
  if (oldSize === newSize) return [];
  return readRangeHashes(reader, subtreeProofRanges(0n, oldSize, newSize));
}

/**
 * The consistency proof of the subtree `[start, end)` with the tree of `treeSize`
 * (draft-ietf-plants-merkle-tree-certs §4.4.1); empty for an empty subtree.
 *
 * @example
 * const proof = await proveSubtreeConsistency(tree, 8n, 13n, 14n);
 */
export async function proveSubtreeConsistency(
  reader: HashReader,
  start: TreeNumber,
  end: TreeNumber,
  treeSize: TreeNumber,
): Promise<Uint8Array[]> {
  const from = toTreeNumber(start, 'subtree start');
  const to = toTreeNumber(end, 'subtree end');
  const size = toTreeNumber(treeSize, 'tree size');
  if (!isValidSubtree(from, to)) {
    throw new MerkleError({ code: 'BAD_SUBTREE', message: `[${from}, ${to}) is not a valid subtree` });
  }
  if (to > size) {
    throw new MerkleError({ code: 'SIZE_ORDER', message: `subtree end ${to} is beyond tree size ${size}` });
  }
  if (from === to) return [];
  return readRangeHashes(reader, subtreeProofRanges(from, to, size));
}
