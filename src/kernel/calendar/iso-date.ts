import { z } from 'zod';
import { CalendarError } from './calendar-error.js';

declare const isoDateBrand: unique symbol;

/** A calendar date `YYYY-MM-DD` (ISO 8601 calendar date, proleptic Gregorian), checked to exist. */
export type IsoDate = string & { readonly [isoDateBrand]: true };

/**
 * Days of the week, Sunday first (the order of `Date.prototype.getUTCDay`).
 *
 * @example
 * WEEKDAYS.indexOf('monday'); // 1
 */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether `value` is a `YYYY-MM-DD` string naming a day that exists (no 2026-02-29).
 *
 * @example
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2026-02-29'); // false
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Checks a date string, throwing `INVALID_DATE` when it is not an existing `YYYY-MM-DD` day.
 *
 * @example
 * const received = parseIsoDate('2026-05-15');
 */
export function parseIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) {
    throw new CalendarError({ code: 'INVALID_DATE', message: `not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}` });
  }
  return value;
}

/**
 * The zod schema of an `IsoDate`, for validating input at the boundary with `parseInput`.
 *
 * @example
 * const input = parseInput(z.object({ received: isoDateSchema }), body, 'request');
 */
export const isoDateSchema = z.custom<IsoDate>(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' });

/**
 * Days since 1970-01-01, computed in UTC (never the machine's local time).
 *
 * @example
 * toDayNumber(parseIsoDate('1970-01-02')); // 1
 */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  return Math.round(utcMidnight(year, month, day) / DAY_MS);
}

/**
 * The date `dayNumber` days after 1970-01-01.
 *
 * @example
 * fromDayNumber(0); // '1970-01-01'
 */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isSafeInteger(dayNumber)) {
    throw new CalendarError({ code: 'INVALID_ARGUMENT', message: `day number must be an integer, got ${dayNumber}` });
  }
  const at = new Date(dayNumber * DAY_MS);
  return isoDateOf(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
}

/**
 * The year of the date `dayNumber` days after 1970-01-01.
 *
 * @example
 * yearOfDayNumber(-1); // 1969
 */
export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

/**
 * Builds a date from its year, month (1–12) and day, throwing `INVALID_DATE` if it does not exist.
 *
 * @example
 * isoDateOf(2026, 7, 4); // '2026-07-04'
 */
export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return parseIsoDate(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/**
 * The year, month (1–12) and day of a date.
 *
 * @example
 * dateParts(parseIsoDate('2026-07-04')); // { year: 2026, month: 7, day: 4 }
 */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/**
 * The day of the week of a date.
 *
 * @example
 * weekdayOf(parseIsoDate('2026-07-04')); // 'saturday'
 */
export function weekdayOf(date: IsoDate): Weekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

/**
 * The weekday of a day number (1970-01-01 was a Thursday).
 *
 * @example
 * weekdayOfDayNumber(0); // 'thursday'
 */
export function weekdayOfDayNumber(dayNumber: number): Weekday {
  const weekday = WEEKDAYS[(((dayNumber + 4) % 7) + 7) % 7];
  if (weekday === undefined) throw new Error(`weekday index out of range for day ${dayNumber}`);
  return weekday;
}

/**
 * Days in a month (1–12) of the proleptic Gregorian calendar.
 *
 * @example
 * daysInMonth(2024, 2); // 29
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(utcMidnight(year, month + 1, 0)).getUTCDate();
}

/** Milliseconds since the epoch of 00:00 UTC on a day; `setUTCFullYear` keeps years 1–99 literal. */
function utcMidnight(year: number, month: number, day: number): number {
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  return at.getTime();
}
