import { MerkleError } from './merkle-error.js';

/**
 * The largest tree size or leaf index Countersign accepts: 2^63 - 1. RFC 9162 allows uint64, but
 * C2SP tooling (Go's `int64` sizes) stops here, and a bound leaves headroom for `end = index + 1`.
 */
export const MAX_TREE_SIZE = (1n << 63n) - 1n;

/** A leaf index or tree size as callers hold it: a bigint, or a safe integer number. */
export type TreeNumber = bigint | number;

/**
 * Converts an index or size to a bigint in [0, MAX_TREE_SIZE], or throws `BAD_NUMBER`. Every
 * number that reaches the Merkle maths passes here first: indices and sizes arrive from proofs,
 * checkpoints and URLs, so they are attacker-controlled, and `>>` on a JS number is 32-bit.
 *
 * @example
 * toTreeNumber(5, 'leaf index');        // 5n
 * toTreeNumber(-1, 'leaf index');       // throws MerkleError BAD_NUMBER
 * toTreeNumber(2 ** 53, 'tree size');   // throws: not a safe integer, precision already lost
 */
export function toTreeNumber(value: TreeNumber, what: string): bigint {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new MerkleError({ code: 'BAD_NUMBER', message: `${what} ${value} is not a non-negative safe integer` });
    }
    return BigInt(value);
  }
  if (value < 0n || value > MAX_TREE_SIZE) {
    throw new MerkleError({ code: 'BAD_NUMBER', message: `${what} ${value} is outside [0, 2^63 - 1]` });
  }
  return value;
}
