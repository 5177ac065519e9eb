import { largestPowerOfTwoBelow } from './bits.js';
import type { LeafRange } from './read-ranges.js';

/**
 * The leaf ranges whose hashes form SUBTREE_PROOF(start, end, D_size), in proof order
 * (draft-ietf-plants-merkle-tree-certs §4.4.1). With `end = start + 1` this is RFC 9162's PATH
 * (inclusion), with `start = 0` RFC 9162's PROOF (consistency). Requires a valid subtree with
 * `start < end <= size`. The recursion is unrolled: each step records the sibling it appends.
 *
 * @example
 * subtreeProofRanges(8n, 13n, 14n);  // [12,13) [13,14) [8,12) [0,8)
 */
export function subtreeProofRanges(start: bigint, end: bigint, size: bigint): LeafRange[] {
  const outerFirst: LeafRange[] = [];
  let base = 0n;
  let from = start;
  let to = end;
  let n = size;
  // The first hash is omitted while the subtree's own root is a node of D_size: the verifier knows it.
  let omitOwnRoot = true;
  for (;;) {
    if (from === 0n && to === n) {
      if (!omitOwnRoot) outerFirst.push({ start: base, end: base + n });
      break;
    }
    const k = largestPowerOfTwoBelow(n);
    if (to <= k) {
      // Subtree in the left child: prove against it, add the right child.
      outerFirst.push({ start: base + k, end: base + n });
      n = k;
    } else if (k <= from) {
      // Subtree in the right child: prove against it, add the left child.
      outerFirst.push({ start: base, end: base + k });
      base += k;
      from -= k;
      to -= k;
      n -= k;
    } else {
      // Straddles k, so from = 0: the subtree's root is not a node here and must be rebuilt.
      outerFirst.push({ start: base, end: base + k });
      base += k;
      to -= k;
      n -= k;
      omitOwnRoot = false;
    }
  }
  // The recursion appends each sibling after the inner proof, so the innermost comes first.
  return outerFirst.reverse();
}
