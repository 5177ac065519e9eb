import type { SignatureType } from './signature-types.js';

/**
 * A key that can check note signatures. Which signatures it is asked about is decided by the
 * (name, key ID) pair on each signature line (c2sp.org/signed-note "Signatures").
 */
export interface NoteVerifier {
  readonly name: string;
  /** uint32 key ID. */
  readonly keyId: number;
  readonly type: SignatureType;
  readonly publicKey: Uint8Array;
  /** Whether `signature` (the bytes after the key ID) signs `text` (the note text, final newline included). */
  verify(text: Uint8Array, signature: Uint8Array): boolean;
}

/** A key that can sign note text, producing the bytes that follow the key ID on a signature line. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  readonly type: SignatureType;
  readonly publicKey: Uint8Array;
  sign(text: Uint8Array): Uint8Array;
}
