import { CalendarError } from './calendar-error.js';
import { isHolidayDayNumber } from './holidays-in.js';
import { toDayNumber, weekdayOfDayNumber, type IsoDate } from './iso-date.js';
import type { JurisdictionCalendar } from './jurisdiction-calendar.js';

/**
 * Whether `date` is a business day of the calendar: not a weekend day, not an observed holiday,
 * not a closure. FOIA's "excepting Saturdays, Sundays, and legal public holidays"
 * (5 U.S.C. 552(a)(6)(A)(i)) is this with the `us-federal` calendar.
 *
 * @example
 * isBusinessDay(US_FEDERAL, parseIsoDate('2026-05-25')); // false: Memorial Day
 */
export function isBusinessDay(calendar: JurisdictionCalendar, date: IsoDate): boolean {
  return isBusinessDayNumber(calendar, toDayNumber(date));
}

/**
 * `isBusinessDay` for a day number (days since 1970-01-01), for loops that count days.
 *
 * @example
 * isBusinessDayNumber(US_FEDERAL, toDayNumber(parseIsoDate('2026-05-26'))); // true
 */
export function isBusinessDayNumber(calendar: JurisdictionCalendar, dayNumber: number): boolean {
  return !calendar.weekend.includes(weekdayOfDayNumber(dayNumber)) && !isHolidayDayNumber(calendar, dayNumber);
}

/**
 * Refuses a calendar on which no day is a business day (every counting loop would never end).
 *
 * @example
 * assertHasBusinessDays(US_FEDERAL);
 */
export function assertHasBusinessDays(calendar: JurisdictionCalendar): void {
  if (new Set(calendar.weekend).size >= 7) {
    throw new CalendarError({ code: 'INVALID_CALENDAR', message: `the ${calendar.label} calendar has no working weekday` });
  }
}
