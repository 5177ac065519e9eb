import { foldRange } from './fold-range.js';
import { HASH_SIZE } from './hash.js';
import type { HashReader, NodeId } from './hash-reader.js';
import { MerkleError } from './merkle-error.js';
import { rangeNodes } from './range-nodes.js';

/** A half-open range of leaf indices whose Merkle Tree Hash is wanted. */
export interface LeafRange {
  readonly start: bigint;
  readonly end: bigint;
}

/**
 * MTH(D[start:end]) for each range, from one `readHashes` call. Each range must be non-empty and
 * aligned (a valid subtree); proof ranges always are. Perfect ranges cost one node, others (the
 * tree's right edge) their compact range, so a whole proof stays O(log n) node reads.
 *
 * @example
 * const [root] = await readRangeHashes(reader, [{ start: 0n, end: size }]);
 */
export async function readRangeHashes(reader: HashReader, ranges: readonly LeafRange[]): Promise<Uint8Array[]> {
  const nodes: NodeId[] = [];
  const counts: number[] = [];
  for (const { start, end } of ranges) {
    const rangeNodeList = rangeNodes(start, end);
    counts.push(rangeNodeList.length);
    nodes.push(...rangeNodeList);
  }
  const hashes = nodes.length === 0 ? [] : await reader.readHashes(nodes);
  if (hashes.length !== nodes.length) {
    throw new MerkleError({ code: 'BAD_READER', message: `asked for ${nodes.length} hashes, got ${hashes.length}` });
  }
  for (const hash of hashes) {
    if (hash.length !== HASH_SIZE) {
      throw new MerkleError({ code: 'BAD_READER', message: `reader returned a ${hash.length}-byte hash` });
    }
  }
  const result: Uint8Array[] = [];
  let offset = 0;
  for (const count of counts) {
    result.push(foldRange(hashes.slice(offset, offset + count)));
    offset += count;
  }
  return result;
}
