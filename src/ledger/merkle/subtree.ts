import { bitCeil } from './bits.js';

/**
 * Whether `[start, end)` is a subtree per draft-ietf-plants-merkle-tree-certs §4.1: `start <= end`
 * and `start` is a multiple of BIT_CEIL(end - start). Such a range is aligned with the tree, so its
 * hash MTH(D[start:end]) can be proven consistent with every tree that contains it. `[0, x)` and
 * `[x, x)` are always subtrees. Bigints, so the draft's 64-bit overflow case cannot arise.
 *
 * @example
 * isValidSubtree(8n, 13n);  // true: 8 is a multiple of BIT_CEIL(5) = 8
 * isValidSubtree(2n, 5n);   // false: 2 is not a multiple of BIT_CEIL(3) = 4
 */
export function isValidSubtree(start: bigint, end: bigint): boolean {
  if (start > end) return false;
  if (start === 0n || start === end) return true;
  return start % bitCeil(end - start) === 0n;
}
