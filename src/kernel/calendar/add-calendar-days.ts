import { fromDayNumber, toDayNumber, type IsoDate } from './iso-date.js';
import { CalendarError } from './calendar-error.js';

/**
 * The date `days` calendar days after `date` (before it when negative), in UTC day arithmetic.
 * Statutes that count calendar days (a 10-day response period) start from the day after the
 * event: `addCalendarDays(received, 10)`.
 *
 * @example
 * addCalendarDays(parseIsoDate('2026-02-27'), 2); // '2026-03-01'
 */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) {
    throw new CalendarError({ code: 'INVALID_ARGUMENT', message: `days must be an integer, got ${days}` });
  }
  return fromDayNumber(toDayNumber(date) + days);
}
