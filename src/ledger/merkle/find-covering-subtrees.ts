import { bitLength } from './bits.js';
import { MerkleError } from './merkle-error.js';
import type { LeafRange } from './read-ranges.js';
import { toTreeNumber, type TreeNumber } from './tree-size.js';

/**
 * Two adjacent subtrees that together cover `[start, end)` with little excess
 * (draft-ietf-plants-merkle-tree-certs §4.5.1, "Selecting Two Subtrees"): the split is where the
 * paths of `start` and `end - 1` diverge; the left subtree may begin a little before `start`.
 *
 * @example
 * findCoveringSubtrees(5n, 13n);  // [{ start: 4n, end: 8n }, { start: 8n, end: 13n }]
 */
export function findCoveringSubtrees(start: TreeNumber, end: TreeNumber): [LeafRange, LeafRange] {
  const from = toTreeNumber(start, 'start');
  const to = toTreeNumber(end, 'end');
  if (from > to) throw new MerkleError({ code: 'SIZE_ORDER', message: `start ${from} is after end ${to}` });
  if (to - from <= 1n) return [{ start: from, end: to }, { start: to, end: to }];
  const last = to - 1n;
  const split = BigInt(bitLength(from ^ last) - 1);
  const lowBits = (1n << split) - 1n;
  const mid = last & ~lowBits;
  // Height of the lowest common ancestor of [from, mid): just above the highest zero bit of `from`
  // below the split.
  const leftSplit = BigInt(bitLength(~from & lowBits));
  const leftStart = from & ~((1n << leftSplit) - 1n);
  return [{ start: leftStart, end: mid }, { start: mid, end: to }];
}
