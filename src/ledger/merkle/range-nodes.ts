import { bitLength } from './bits.js';
import type { NodeId } from './hash-reader.js';

/**
 * Splits the leaf range `[start, end)` into the fewest perfect subtrees, left to right (its
 * "compact range"). For a range aligned as a subtree (see `isValidSubtree`), their sizes strictly
 * decrease, and MTH(D[start:end]) is these node hashes folded from the right (RFC 9162 §2.1.1).
 *
 * @example
 * rangeNodes(8n, 13n);  // [{ level: 2, index: 2n }, { level: 0, index: 12n }]
 */
export function rangeNodes(start: bigint, end: bigint): NodeId[] {
  const nodes: NodeId[] = [];
  let at = start;
  while (at < end) {
    // The biggest step is bounded both by the alignment of `at` and by what is left of the range.
    let level = bitLength(end - at) - 1;
    if (at !== 0n) level = Math.min(level, bitLength(at & -at) - 1);
    nodes.push({ level, index: at >> BigInt(level) });
    at += 1n << BigInt(level);
  }
  return nodes;
}
