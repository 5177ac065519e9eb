import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** Ed25519 public keys and seeds are 32 bytes (RFC 8032 §5.1.5). */
export const ED25519_KEY_SIZE = 32;
/** Ed25519 signatures are 64 bytes (RFC 8032 §5.1.6). */
export const ED25519_SIGNATURE_SIZE = 64;

// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410 §7): node:crypto imports private keys this way.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * An Ed25519 key pair from its 32-byte seed (the private key of RFC 8032).
 *
 * @example
 * const { privateKey, publicKey } = ed25519FromSeed(randomBytes(32));
 */
export function ed25519FromSeed(seed: Uint8Array): { privateKey: KeyObject; publicKey: Uint8Array } {
  if (seed.length !== ED25519_KEY_SIZE) throw new RangeError(`Ed25519 seed must be ${ED25519_KEY_SIZE} bytes`);
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { privateKey, publicKey: new Uint8Array(spki.subarray(spki.length - ED25519_KEY_SIZE)) };
}

/**
 * A node:crypto public key from its raw 32 bytes, or `undefined` if it is not a valid point.
 *
 * @example
 * const key = ed25519PublicKey(raw);
 */
export function ed25519PublicKey(raw: Uint8Array): KeyObject | undefined {
  if (raw.length !== ED25519_KEY_SIZE) return undefined;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

/**
 * Signs `message` with Ed25519 (pure, no prehash).
 *
 * @example
 * const signature = ed25519Sign(privateKey, text);
 */
export function ed25519Sign(privateKey: KeyObject, message: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, message, privateKey));
}

/**
 * Whether `signature` is a valid Ed25519 signature of `message`. Never throws: a malformed
 * signature from the network is simply invalid.
 *
 * @example
 * if (!ed25519Verify(publicKey, text, signature)) reject();
 */
export function ed25519Verify(publicKey: KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== ED25519_SIGNATURE_SIZE) return false;
  try {
    return verify(null, message, publicKey, signature);
  } catch {
    return false;
  }
}
