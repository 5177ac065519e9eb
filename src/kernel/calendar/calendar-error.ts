import { BaseError } from '../../core/base-error.js';

export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_INSTANT'
  | 'INVALID_TIME_ZONE'
  | 'INVALID_ARGUMENT'
  | 'INVALID_CALENDAR'
  | 'YEAR_NOT_COVERED';

/**
 * A date, instant, time zone or calendar the calendar functions refuse. Callers validate input at
 * the boundary (`isoDateSchema`), so reaching one of these inside a command is a programming error.
 *
 * @example
 * throw new CalendarError({ code: 'INVALID_DATE', message: 'not a calendar date: "2026-02-30"' });
 */
export class CalendarError extends BaseError<CalendarErrorCode> {}
