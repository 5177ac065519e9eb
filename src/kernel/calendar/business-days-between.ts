import { addCalendarDays } from './add-calendar-days.js';
import { isBusinessDay } from './is-business-day.js';
import type { IsoDate } from './iso-date.js';
import type { JurisdictionCalendar } from './jurisdiction-calendar.js';

/**
 * How many business days `end` lies after `start`: the business days in (start, end], negative
 * (the business days in [end, start)) when `end` is earlier. It inverts `addBusinessDays`:
 * `businessDaysBetween(c, s, addBusinessDays(c, s, n)) === n` for every integer n.
 *
 * @example
 * businessDaysBetween(US_FEDERAL, parseIsoDate('2026-05-15'), parseIsoDate('2026-06-15')); // 20
 */
export function businessDaysBetween(calendar: JurisdictionCalendar, start: IsoDate, end: IsoDate): number {
  if (end === start) return 0;
  if (end < start) return -countBusinessDays(calendar, end, start);
  return countBusinessDays(calendar, addCalendarDays(start, 1), addCalendarDays(end, 1));
}

/** Business days in [from, to), with from < to (`YYYY-MM-DD` strings order as dates do). */
function countBusinessDays(calendar: JurisdictionCalendar, from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let date = from; date < to; date = addCalendarDays(date, 1)) {
    if (isBusinessDay(calendar, date)) count++;
  }
  return count;
}
