import { BaseError } from '../../core/base-error.js';

/** Stable codes for a remote log that fails verification, or cannot be checked. */
export type RemoteLogErrorCode =
  /** The network request failed or timed out. */
  | 'FETCH_FAILED'
  /** A resource answered with a non-200 status. */
  | 'HTTP_STATUS'
  /** A resource larger than it can legitimately be. */
  | 'TOO_LARGE'
  /** The configured verifier key does not parse or is not an Ed25519 log key. */
  | 'BAD_KEY'
  /** The checkpoint is not a signed note with a valid signature by the key, or not a checkpoint. */
  | 'BAD_CHECKPOINT'
  /** The checkpoint's origin is not the expected one. */
  | 'ORIGIN_MISMATCH'
  /** The log is smaller than when last seen. */
  | 'ROLLBACK'
  /** The log's tree does not contain the tree last seen (a fork, or rewritten history). */
  | 'INCONSISTENT'
  /** An entry bundle that is malformed or has the wrong number of entries. */
  | 'BAD_BUNDLE'
  /** A tile that is malformed, or whose hashes differ from those recomputed from the entries. */
  | 'TILE_MISMATCH'
  /** The root recomputed from the entries is not the checkpoint's root. */
  | 'ROOT_MISMATCH';

/**
 * A remote log failed a check. `where` names the resource (a URL path) when one is to blame.
 *
 * @example
 * throw new RemoteLogError({ code: 'TILE_MISMATCH', message: 'hash 17 differs', where: 'tile/0/005' });
 */
export class RemoteLogError extends BaseError<RemoteLogErrorCode> {}
