import { addCalendarDays } from './add-calendar-days.js';
import { WEEKDAYS, daysInMonth, isoDateOf, weekdayOf, type IsoDate, type Weekday } from './iso-date.js';
import type { HolidayDate, HolidayRule, ObservanceRule } from './jurisdiction-calendar.js';

/**
 * The day a rule names in a year, or undefined when the rule does not apply that year
 * (`from`/`until`, both inclusive).
 *
 * @example
 * const memorialDay = { id: 'memorial-day', name: 'Memorial Day', citation: '5 U.S.C. 6103(a)',
 *   date: { kind: 'last-weekday', month: 5, weekday: 'monday' } } as const;
 * ruleDateIn(memorialDay, 2026); // '2026-05-25'
 */
export function ruleDateIn(rule: HolidayRule, year: number): IsoDate | undefined {
  if (rule.from !== undefined && year < rule.from) return undefined;
  if (rule.until !== undefined && year > rule.until) return undefined;
  return holidayDateIn(rule.date, year);
}

/**
 * The day a holiday date rule gives in a year.
 *
 * @example
 * holidayDateIn({ kind: 'nth-weekday', month: 1, weekday: 'monday', nth: 3 }, 2026); // '2026-01-19'
 */
export function holidayDateIn(date: HolidayDate, year: number): IsoDate {
  switch (date.kind) {
    case 'fixed':
      return isoDateOf(year, date.month, date.day);
    case 'nth-weekday': {
      const first = isoDateOf(year, date.month, 1);
      return addCalendarDays(first, daysUntil(first, date.weekday) + 7 * (date.nth - 1));
    }
    case 'last-weekday': {
      const last = isoDateOf(year, date.month, daysInMonth(year, date.month));
      return addCalendarDays(last, -daysUntil(last, date.weekday, 'back'));
    }
  }
}

/**
 * The day kept instead of a holiday that falls on a weekend day (5 U.S.C. 6103(b): Saturday → the
 * Friday before, Sunday → the Monday after), or the day itself.
 *
 * @example
 * observedDate(parseIsoDate('2022-01-01'), { saturday: 'friday-before', sunday: 'monday-after', citation: '5 U.S.C. 6103(b)' });
 * // '2021-12-31'
 */
export function observedDate(date: IsoDate, observance: ObservanceRule | undefined): IsoDate {
  if (observance === undefined) return date;
  const weekday = weekdayOf(date);
  if (weekday === 'saturday' && observance.saturday === 'friday-before') return addCalendarDays(date, -1);
  if (weekday === 'sunday' && observance.sunday === 'monday-after') return addCalendarDays(date, 1);
  return date;
}

/** Days from `date` forward (or back) to the nearest `weekday`, 0 when it is that weekday. */
function daysUntil(date: IsoDate, weekday: Weekday, direction: 'forward' | 'back' = 'forward'): number {
  const from = WEEKDAYS.indexOf(weekdayOf(date));
  const to = WEEKDAYS.indexOf(weekday);
  return direction === 'forward' ? (to - from + 7) % 7 : (from - to + 7) % 7;
}
