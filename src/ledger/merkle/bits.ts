/**
 * Bit arithmetic on non-negative bigints. Tree sizes are 64-bit, and JavaScript's bitwise operators
 * on numbers truncate to 32 bits, so the Merkle maths runs on bigints throughout.
 */

/**
 * Number of bits needed to write `x` (0 for 0).
 *
 * @example
 * bitLength(5n);  // 3
 */
export function bitLength(x: bigint): number {
  let bits = 0;
  while (x >= 0x1_0000_0000n) {
    x >>= 32n;
    bits += 32;
  }
  return bits + 32 - Math.clz32(Number(x));
}

/**
 * Number of trailing zero bits of a positive `x`.
 *
 * @example
 * trailingZeros(12n);  // 2
 */
export function trailingZeros(x: bigint): number {
  return bitLength(x & -x) - 1;
}

/**
 * The largest power of two strictly smaller than `n` (RFC 9162 §2.1.1's `k`), for `n > 1`.
 *
 * @example
 * largestPowerOfTwoBelow(7n);  // 4n
 * largestPowerOfTwoBelow(8n);  // 4n
 */
export function largestPowerOfTwoBelow(n: bigint): bigint {
  return 1n << BigInt(bitLength(n - 1n) - 1);
}

/**
 * The smallest power of two greater than or equal to `n` (`BIT_CEIL`), with `bitCeil(0n) = 1n`.
 *
 * @example
 * bitCeil(5n);  // 8n
 */
export function bitCeil(n: bigint): bigint {
  return n <= 1n ? 1n : 1n << BigInt(bitLength(n - 1n));
}
