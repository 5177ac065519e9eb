import { BaseError } from '../../core/base-error.js';

/** Stable codes for values that have no RFC 8785 canonical form. */
export type CanonicalJsonErrorCode =
  /** NaN or ±Infinity: not JSON at all. */
  | 'NON_FINITE_NUMBER'
  /** A string with an unpaired UTF-16 surrogate, which I-JSON (RFC 7493 §2.1) forbids. */
  | 'LONE_SURROGATE'
  /** bigint, undefined in an array, a function, a symbol, a Date, a Map or another non-plain object. */
  | 'UNSUPPORTED_VALUE'
  /** An object that contains itself. */
  | 'CYCLE';

/**
 * A value that cannot be written as canonical JSON.
 *
 * @example
 * throw new CanonicalJsonError({ code: 'NON_FINITE_NUMBER', message: 'NaN', where: '$.amount' });
 */
export class CanonicalJsonError extends BaseError<CanonicalJsonErrorCode> {}
