import { EMPTY_ROOT } from './hash.js';
import type { HashReader } from './hash-reader.js';
import { MerkleError } from './merkle-error.js';
import { readRangeHashes } from './read-ranges.js';
import { isValidSubtree } from './subtree.js';
import { toTreeNumber, type TreeNumber } from './tree-size.js';

/**
 * The root hash of the tree of `treeSize` leaves (MTH(D[0:n]), RFC 9162 §2.1.1), from at most
 * 63 node hashes. The empty tree's root is SHA-256 of nothing.
 *
 * @example
 * const root = await readTreeRoot(reader, 1_000_000n);
 */
export async function readTreeRoot(reader: HashReader, treeSize: TreeNumber): Promise<Uint8Array> {
  return readSubtreeHash(reader, 0n, treeSize);
}

/**
 * MTH(D[start:end]) of a valid subtree (draft-ietf-plants-merkle-tree-certs §4.1).
 *
 * @example
 * const subtreeHash = await readSubtreeHash(reader, 8n, 13n);
 */
export async function readSubtreeHash(reader: HashReader, start: TreeNumber, end: TreeNumber): Promise<Uint8Array> {
  const from = toTreeNumber(start, 'subtree start');
  const to = toTreeNumber(end, 'subtree end');
  if (!isValidSubtree(from, to)) {
    throw new MerkleError({ code: 'BAD_SUBTREE', message: `[${from}, ${to}) is not a valid subtree` });
  }
  if (from === to) return EMPTY_ROOT.slice();
  const [hash] = await readRangeHashes(reader, [{ start: from, end: to }]);
  if (hash === undefined) throw new MerkleError({ code: 'BAD_READER', message: 'no hash for the range' });
  return hash;
}
