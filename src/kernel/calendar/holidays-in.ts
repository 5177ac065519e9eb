import { CalendarError } from './calendar-error.js';
import { observedDate, ruleDateIn } from './holiday-dates.js';
import { dateParts, toDayNumber, yearOfDayNumber, type IsoDate } from './iso-date.js';
import type { Holiday, JurisdictionCalendar } from './jurisdiction-calendar.js';

interface YearOfHolidays {
  readonly holidays: readonly Holiday[];
  /** Day numbers of every observed holiday and closure, for O(1) business-day checks. */
  readonly days: ReadonlySet<number>;
}

// Calendars are immutable data, so a year's holidays are computed once per calendar object.
const computed = new WeakMap<JurisdictionCalendar, Map<number, YearOfHolidays>>();

/**
 * Every holiday and closure whose observed day falls in `year`, sorted by observed day. A holiday
 * moved across the year boundary belongs to the year it is observed in: New Year's Day 2022 fell on
 * a Saturday and was observed on Friday 2021-12-31, so it is listed for 2021 (`date` 2022-01-01).
 * Throws `YEAR_NOT_COVERED` before `calendar.coversFrom`.
 *
 * @example
 * holidaysIn(US_FEDERAL, 2026).map((h) => `${h.observed} ${h.name}`);
 * // ['2026-01-01 New Year's Day', '2026-01-19 Birthday of Martin Luther King, Jr.', …]
 */
export function holidaysIn(calendar: JurisdictionCalendar, year: number): readonly Holiday[] {
  return yearOfHolidays(calendar, year).holidays;
}

/**
 * Whether `date` is an observed holiday or a closure of the calendar (weekends aside).
 *
 * @example
 * isHoliday(US_FEDERAL, parseIsoDate('2021-12-31')); // true: New Year's Day 2022, observed
 */
export function isHoliday(calendar: JurisdictionCalendar, date: IsoDate): boolean {
  return isHolidayDayNumber(calendar, toDayNumber(date));
}

/**
 * `isHoliday` for a day number (days since 1970-01-01), for loops that count days.
 *
 * @example
 * isHolidayDayNumber(US_FEDERAL, toDayNumber(parseIsoDate('2026-12-25'))); // true
 */
export function isHolidayDayNumber(calendar: JurisdictionCalendar, dayNumber: number): boolean {
  return yearOfHolidays(calendar, yearOfDayNumber(dayNumber)).days.has(dayNumber);
}

function yearOfHolidays(calendar: JurisdictionCalendar, year: number): YearOfHolidays {
  if (!Number.isSafeInteger(year) || year < calendar.coversFrom || year > 9999) {
    throw new CalendarError({
      code: 'YEAR_NOT_COVERED',
      message: `the ${calendar.label} calendar covers the years ${calendar.coversFrom}–9999, not ${year}`,
    });
  }
  let years = computed.get(calendar);
  if (years === undefined) {
    years = new Map();
    computed.set(calendar, years);
  }
  let result = years.get(year);
  if (result === undefined) {
    result = computeYear(calendar, year);
    years.set(year, result);
  }
  return result;
}

function computeYear(calendar: JurisdictionCalendar, year: number): YearOfHolidays {
  const holidays: Holiday[] = [];
  // A rule of the next year can be observed in this one (1 January on a Saturday), and one of the
  // previous year could be observed in this one under a Sunday → Monday rule (31 December).
  for (const ruleYear of [year - 1, year, year + 1]) {
    if (ruleYear < 1 || ruleYear > 9999) continue;
    for (const rule of calendar.rules) {
      const date = ruleDateIn(rule, ruleYear);
      if (date === undefined) continue;
      const observed = observedDate(date, rule.observance);
      if (dateParts(observed).year !== year) continue;
      const moved = observed !== date && rule.observance !== undefined;
      const citation = moved ? `${rule.citation}; observed per ${rule.observance?.citation}` : rule.citation;
      holidays.push({ id: rule.id, name: rule.name, kind: 'holiday', date, observed, citation });
    }
  }
  for (const closure of calendar.closures) {
    if (dateParts(closure.date).year !== year) continue;
    const { date, name, citation } = closure;
    holidays.push({ id: `closure-${date}`, name, kind: 'closure', date, observed: date, citation });
  }
  holidays.sort((a, b) => (a.observed < b.observed ? -1 : a.observed > b.observed ? 1 : a.name.localeCompare(b.name)));
  return Object.freeze({
    holidays: Object.freeze(holidays.map((holiday) => Object.freeze(holiday))),
    days: new Set(holidays.map((holiday) => toDayNumber(holiday.observed))),
  });
}
