import { BaseError } from '../../core/base-error.js';

/** Stable codes for what goes wrong between a log and a witness (c2sp.org/tlog-witness). */
export type WitnessErrorCode =
  /** An add-checkpoint body that does not follow the protocol (parsing, either side). */
  | 'MALFORMED_REQUEST'
  /** 400: the witness found the request malformed, or the old size above the checkpoint size. */
  | 'BAD_REQUEST'
  /** 403: no valid signature from a key the witness trusts for this origin. */
  | 'FORBIDDEN'
  /** 404: the witness does not know this log's origin. */
  | 'UNKNOWN_LOG'
  /** 409: the old size is not the witness's latest cosigned size; `knownSize` says which is. */
  | 'CONFLICT'
  /** 422: the consistency proof does not verify, or the checkpoint contradicts what the witness saw. */
  | 'INCONSISTENT'
  /** 413: the request is larger than the witness accepts. */
  | 'TOO_LARGE'
  /** Any other HTTP status; `status` holds it. */
  | 'HTTP_ERROR'
  /** The witness could not be reached (network error, timeout). */
  | 'UNREACHABLE'
  /** A 200 whose body is not cosignature lines, or not from the expected witness key. */
  | 'BAD_RESPONSE';

/**
 * A witness refused a checkpoint, or could not be asked. For `CONFLICT`, `knownSize` is the size
 * the witness last cosigned, from which the log must prove consistency.
 *
 * @example
 * throw new WitnessError({ code: 'CONFLICT', message: 'witness is at 1200', knownSize: 1200n, status: 409 });
 */
export class WitnessError extends BaseError<WitnessErrorCode> {
  readonly knownSize: bigint | undefined;
  readonly status: number | undefined;

  constructor(init: { code: WitnessErrorCode; message: string; cause?: unknown; knownSize?: bigint; status?: number }) {
    super(init);
    this.knownSize = init.knownSize;
    this.status = init.status;
  }
}
