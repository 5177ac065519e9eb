/**
 * Whether two byte strings are identical. Hashes compared here are public, so a constant-time
 * comparison buys nothing.
 *
 * @example
 * bytesEqual(new Uint8Array([1]), new Uint8Array([1]));  // true
 */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
