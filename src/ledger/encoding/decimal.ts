/**
 * Parses a canonical ASCII decimal: digits only, no sign, no leading zeroes (except `0` itself),
 * no whitespace, at most `max`. Tree sizes, old sizes and tile indices in C2SP formats are spelled
 * this way, and a lenient parser would let `010`, `0x10` or `+1` name the same tree as `10`.
 *
 * @example
 * parseDecimal('20852163', 2n ** 63n - 1n);  // 20852163n
 * parseDecimal('010', 2n ** 63n - 1n);       // undefined
 */
export function parseDecimal(text: string, max: bigint): bigint | undefined {
  // 2^64 has 20 digits; refusing longer input keeps BigInt() away from megabytes of digits.
  if (text.length === 0 || text.length > 20) return undefined;
  if (!/^(?:0|[1-9][0-9]*)$/.test(text)) return undefined;
  const value = BigInt(text);
  return value <= max ? value : undefined;
}
