import { isBusinessDayNumber } from './is-business-day.js';
import { toDayNumber, type IsoDate } from './iso-date.js';
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
  const from = toDayNumber(start);
  const to = toDayNumber(end);
  return to >= from ? countBusinessDays(calendar, from + 1, to + 1) : -countBusinessDays(calendar, to, from);
}

/** Business days among the day numbers [from, to). */
function countBusinessDays(calendar: JurisdictionCalendar, from: number, to: number): number {
  let count = 0;
  for (let day = from; day < to; day++) {
    if (isBusinessDayNumber(calendar, day)) count++;
  }
  return count;
}
