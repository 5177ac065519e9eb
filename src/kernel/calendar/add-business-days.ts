import { CalendarError } from './calendar-error.js';
import { assertHasBusinessDays, isBusinessDayNumber } from './is-business-day.js';
import { fromDayNumber, toDayNumber, type IsoDate } from './iso-date.js';
import type { JurisdictionCalendar } from './jurisdiction-calendar.js';

/**
 * The `days`-th business day after `start`: day 1 is the first business day AFTER `start`, whatever
 * `start` is. FOIA gives an agency "20 days (excepting Saturdays, Sundays, and legal public
 * holidays) after the receipt" (5 U.S.C. 552(a)(6)(A)(i)), so the due date of a request received on
 * `received` is `addBusinessDays(US_FEDERAL, received, 20)`. `days` 0 returns `start`; a negative
 * count goes back (day -1 is the last business day before `start`).
 *
 * @example
 * addBusinessDays(US_FEDERAL, parseIsoDate('2026-05-15'), 20); // '2026-06-15' (Memorial Day skipped)
 */
export function addBusinessDays(calendar: JurisdictionCalendar, start: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) {
    throw new CalendarError({ code: 'INVALID_ARGUMENT', message: `business days must be an integer, got ${days}` });
  }
  assertHasBusinessDays(calendar);
  const step = days < 0 ? -1 : 1;
  let day = toDayNumber(start);
  for (let counted = 0; counted < Math.abs(days); ) {
    day += step;
    if (isBusinessDayNumber(calendar, day)) counted++;
  }
  return fromDayNumber(day);
}
