import { BaseError } from '../core/base-error.js';

/** Stable codes for what can go wrong while reading or screening procurement inputs. */
export const PROCUREMENT_ERROR_CODES = [
  'MISSING_COLUMNS',
  'EMPTY_FILE',
  'UNSUPPORTED_INPUT',
  'BAD_API_RESPONSE',
  'HTTP_FAILED',
  'BAD_XML',
  'WORKER_FAILED',
  'BAD_WATCHLIST',
] as const;

export type ProcurementErrorCode = (typeof PROCUREMENT_ERROR_CODES)[number];

/** Narrows a code that crossed a thread boundary as a plain string. */
export function isProcurementErrorCode(code: string): code is ProcurementErrorCode {
  return (PROCUREMENT_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * An input Countersign cannot screen at all (as opposed to a malformed row, which is counted and
 * skipped).
 *
 * @example
 * throw new ProcurementError({ code: 'MISSING_COLUMNS', message: 'no recipient_uei', where: 'a.csv:1' });
 */
export class ProcurementError extends BaseError<ProcurementErrorCode> {}
