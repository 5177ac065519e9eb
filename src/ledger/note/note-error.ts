import { BaseError } from '../../core/base-error.js';

/** Stable codes for signed notes, keys, checkpoints and cosignatures that cannot be accepted. */
export type NoteErrorCode =
  /** Not a signed note per c2sp.org/signed-note (encoding, blank line, signature lines). */
  | 'MALFORMED_NOTE'
  /** More bytes or signatures than a verifier accepts (signed-note: "SHOULD apply a maximum"). */
  | 'NOTE_TOO_LARGE'
  /** A verifier or signer key string that does not parse, or whose key ID does not match. */
  | 'BAD_KEY'
  /** A signature from a known key that does not verify: the whole note is rejected. */
  | 'BAD_SIGNATURE'
  /** No signature from any trusted key. */
  | 'NO_TRUSTED_SIGNATURE'
  /** Note text that does not follow c2sp.org/tlog-checkpoint (or text that cannot be signed). */
  | 'MALFORMED_CHECKPOINT'
  /** Text that a note may not carry (empty, no final newline, control characters). */
  | 'BAD_TEXT';

/**
 * A signed note, key or checkpoint that is refused.
 *
 * @example
 * throw new NoteError({ code: 'NO_TRUSTED_SIGNATURE', message: 'no signature by example.com/log' });
 */
export class NoteError extends BaseError<NoteErrorCode> {}
