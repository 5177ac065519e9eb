import { NoteError } from './note-error.js';
import { ED25519_SIGNATURE_SIZE, ed25519FromSeed, ed25519PublicKey, ed25519Sign, ed25519Verify } from './ed25519.js';
import { computeKeyId } from './key-id.js';
import { isValidKeyName } from './key-name.js';
import type { NoteSigner, NoteVerifier } from './note-keys.js';
import { SIGNATURE_TYPE } from './signature-types.js';

/** Largest timestamp a cosignature may carry (c2sp.org/tlog-cosignature: "MUST NOT exceed 2^63 - 1"). */
const MAX_TIMESTAMP = (1n << 63n) - 1n;
/** A `timestamped_signature`: u64 big-endian POSIX seconds, then the 64-byte Ed25519 signature. */
const COSIGNATURE_SIZE = 8 + ED25519_SIGNATURE_SIZE;

/**
 * The message an Ed25519 `cosignature/v1` signs (c2sp.org/tlog-cosignature, "Ed25519 signed
 * message"): the header line, the timestamp line, then the whole checkpoint note text.
 *
 * @example
 * cosignatureMessage(1679315147n, 'example.com/behind-the-sofa\n20852163\nCsUY...\n');
 * // 'cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUY...\n' as bytes
 */
export function cosignatureMessage(timestamp: bigint, checkpointText: Uint8Array): Uint8Array {
  const header = new TextEncoder().encode(`cosignature/v1\ntime ${timestamp}\n`);
  const message = new Uint8Array(header.length + checkpointText.length);
  message.set(header);
  message.set(checkpointText, header.length);
  return message;
}

/**
 * The timestamp of a `cosignature/v1` signature (the bytes after the key ID), or `undefined` if
 * the signature does not have that shape.
 *
 * @example
 * cosignatureTimestamp(signature.signature);  // 1679315147n
 */
export function cosignatureTimestamp(signature: Uint8Array): bigint | undefined {
  if (signature.length !== COSIGNATURE_SIZE) return undefined;
  const timestamp = new DataView(signature.buffer, signature.byteOffset, 8).getBigUint64(0);
  return timestamp <= MAX_TIMESTAMP ? timestamp : undefined;
}

/**
 * A verifier for a witness's `cosignature/v1` signatures (type 0x04, key ID over 0x04).
 *
 * @example
 * const witness = cosignatureVerifier('witness.example/w1', publicKey);
 * openSignedNote(cosignedCheckpoint, [logVerifier, witness]);
 */
export function cosignatureVerifier(name: string, publicKey: Uint8Array): NoteVerifier {
  if (!isValidKeyName(name)) throw new NoteError({ code: 'BAD_KEY', message: `invalid key name ${JSON.stringify(name)}` });
  const key = ed25519PublicKey(publicKey);
  if (key === undefined) throw new NoteError({ code: 'BAD_KEY', message: 'not an Ed25519 public key' });
  return {
    name,
    keyId: computeKeyId(name, SIGNATURE_TYPE.cosignatureV1, publicKey),
    type: SIGNATURE_TYPE.cosignatureV1,
    publicKey: publicKey.slice(),
    verify(text, signature) {
      const timestamp = cosignatureTimestamp(signature);
      if (timestamp === undefined) return false;
      return ed25519Verify(key, cosignatureMessage(timestamp, text), signature.subarray(8));
    },
  };
}

/**
 * A witness's `cosignature/v1` signer. `now` gives the time in POSIX seconds (injected for tests).
 *
 * @example
 * const cosigner = cosignatureSigner('witness.example/w1', seed);
 * const line = formatSignatureLine(cosigner, checkpointText);
 */
export function cosignatureSigner(name: string, seed: Uint8Array, now: () => bigint = unixSeconds): NoteSigner {
  if (!isValidKeyName(name)) throw new NoteError({ code: 'BAD_KEY', message: `invalid key name ${JSON.stringify(name)}` });
  if (seed.length !== 32) throw new NoteError({ code: 'BAD_KEY', message: 'an Ed25519 seed is 32 bytes' });
  const { privateKey, publicKey } = ed25519FromSeed(seed);
  return {
    name,
    keyId: computeKeyId(name, SIGNATURE_TYPE.cosignatureV1, publicKey),
    type: SIGNATURE_TYPE.cosignatureV1,
    publicKey,
    sign(text) {
      const timestamp = now();
      // The spec forbids omitting the timestamp (tlog-witness: "MUST NOT be zero").
      if (timestamp <= 0n || timestamp > MAX_TIMESTAMP) throw new RangeError(`cosignature timestamp ${timestamp} out of range`);
      const signature = new Uint8Array(COSIGNATURE_SIZE);
      new DataView(signature.buffer).setBigUint64(0, timestamp);
      signature.set(ed25519Sign(privateKey, cosignatureMessage(timestamp, text)), 8);
      return signature;
    },
  };
}

function unixSeconds(): bigint {
  return BigInt(Math.floor(Date.now() / 1000));
}
