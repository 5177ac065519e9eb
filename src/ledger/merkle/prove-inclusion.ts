import type { HashReader } from './hash-reader.js';
import { MerkleError } from './merkle-error.js';
import { subtreeProofRanges } from './proof-ranges.js';
import { readRangeHashes } from './read-ranges.js';
import { isValidSubtree } from './subtree.js';
import { toTreeNumber, type TreeNumber } from './tree-size.js';

/**
 * The inclusion proof (audit path, RFC 9162 §2.1.3.1) of leaf `index` in the tree of `treeSize`,
 * built from O(log n) node hashes in one `readHashes` call.
 *
 * @example
 * const proof = await proveInclusion(tree, 3n, 7n);
 * verifyInclusion({ index: 3n, treeSize: 7n, leafHash, proof, root });
 */
export async function proveInclusion(reader: HashReader, index: TreeNumber, treeSize: TreeNumber): Promise<Uint8Array[]> {
  const leafIndex = toTreeNumber(index, 'leaf index');
  const size = toTreeNumber(treeSize, 'tree size');
  if (leafIndex >= size) {
    throw new MerkleError({ code: 'INDEX_OUT_OF_RANGE', message: `leaf index ${leafIndex} is not below tree size ${size}` });
  }
  return readRangeHashes(reader, subtreeProofRanges(leafIndex, leafIndex + 1n, size));
}

/**
 * The inclusion proof of leaf `index` in the subtree `[start, end)`
 * (draft-ietf-plants-merkle-tree-certs §4.3): RFC 9162's PATH over `D[start:end]`.
 *
 * @example
 * const proof = await proveSubtreeInclusion(tree, 10n, 8n, 13n);
 */
export async function proveSubtreeInclusion(
  reader: HashReader,
  index: TreeNumber,
  start: TreeNumber,
  end: TreeNumber,
): Promise<Uint8Array[]> {
  const leafIndex = toTreeNumber(index, 'leaf index');
  const from = toTreeNumber(start, 'subtree start');
  const to = toTreeNumber(end, 'subtree end');
  if (!isValidSubtree(from, to)) {
    throw new MerkleError({ code: 'BAD_SUBTREE', message: `[${from}, ${to}) is not a valid subtree` });
  }
  if (leafIndex < from || leafIndex >= to) {
    throw new MerkleError({ code: 'INDEX_OUT_OF_RANGE', message: `leaf index ${leafIndex} is outside [${from}, ${to})` });
  }
  // `from` is a multiple of BIT_CEIL(to - from), so shifting the ranges back keeps them aligned.
  const ranges = subtreeProofRanges(leafIndex - from, leafIndex - from + 1n, to - from).map((range) => ({
    start: range.start + from,
    end: range.end + from,
  }));
  return readRangeHashes(reader, ranges);
}
