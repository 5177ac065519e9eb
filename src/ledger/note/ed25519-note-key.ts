import { NoteError } from './note-error.js';
import { ed25519FromSeed, ed25519PublicKey, ed25519Sign, ed25519Verify } from './ed25519.js';
import { computeKeyId } from './key-id.js';
import { isValidKeyName } from './key-name.js';
import type { NoteSigner, NoteVerifier } from './note-keys.js';
import { SIGNATURE_TYPE } from './signature-types.js';

/**
 * A verifier for plain Ed25519 note signatures (signature type 0x01, c2sp.org/signed-note
 * "Ed25519 signatures"), as a log signs its checkpoints.
 *
 * @example
 * const verifier = ed25519NoteVerifier('countersign.example/log', publicKey);
 */
export function ed25519NoteVerifier(name: string, publicKey: Uint8Array): NoteVerifier {
  if (!isValidKeyName(name)) throw new NoteError({ code: 'BAD_KEY', message: `invalid key name ${JSON.stringify(name)}` });
  const key = ed25519PublicKey(publicKey);
  if (key === undefined) throw new NoteError({ code: 'BAD_KEY', message: 'not an Ed25519 public key' });
  return {
    name,
    keyId: computeKeyId(name, SIGNATURE_TYPE.ed25519, publicKey),
    type: SIGNATURE_TYPE.ed25519,
    publicKey: publicKey.slice(),
    verify: (text, signature) => ed25519Verify(key, text, signature),
  };
}

/**
 * A signer for plain Ed25519 note signatures, from the key's 32-byte seed.
 *
 * @example
 * const signer = ed25519NoteSigner('countersign.example/log', seed);
 */
export function ed25519NoteSigner(name: string, seed: Uint8Array): NoteSigner {
  if (!isValidKeyName(name)) throw new NoteError({ code: 'BAD_KEY', message: `invalid key name ${JSON.stringify(name)}` });
  if (seed.length !== 32) throw new NoteError({ code: 'BAD_KEY', message: 'an Ed25519 seed is 32 bytes' });
  const { privateKey, publicKey } = ed25519FromSeed(seed);
  return {
    name,
    keyId: computeKeyId(name, SIGNATURE_TYPE.ed25519, publicKey),
    type: SIGNATURE_TYPE.ed25519,
    publicKey,
    sign: (text) => ed25519Sign(privateKey, text),
  };
}
