/**
 * Standard base64 (RFC 4648 §4) as every C2SP format uses it. Decoding is strict because the text
 * comes from the network: only the canonical encoding of some byte string is accepted (padding
 * present, no whitespace, no stray bits in the last character), so one value has one spelling.
 */

const CANONICAL_SHAPE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes canonical standard base64, or returns `undefined` for anything else.
 *
 * @example
 * decodeBase64('AQI=');  // Uint8Array [1, 2]
 * decodeBase64('AQJ=');  // undefined: non-zero padding bits
 * decodeBase64('AQI');   // undefined: padding missing
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (!CANONICAL_SHAPE.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  // Node ignores non-zero trailing bits; re-encoding reveals them.
  if (bytes.toString('base64') !== text) return undefined;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Encodes bytes as standard, padded base64.
 *
 * @example
 * encodeBase64(new Uint8Array([1, 2]));  // 'AQI='
 */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
