import { z } from 'zod';
import { CalendarError } from './calendar-error.js';
import { daysInMonth } from './iso-date.js';

// RFC 3339 §5.6 date-time: the offset is required, so a timestamp never means "the server's local time".
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Whether `value` is an RFC 3339 timestamp with an offset (`2026-06-15T04:00:00Z`,
 * `2026-06-15T00:00:00-04:00`) that names a real instant.
 *
 * @example
 * isInstant('2026-06-15T04:00:00Z'); // true
 * isInstant('2026-06-15 04:00');     // false: no offset
 */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = RFC3339.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = [match[1], match[2], match[3], match[4], match[5], match[6]].map(Number);
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined || second === undefined) return false;
  // Date.parse rolls 2026-02-30 over to 2 March, so the day is checked against its month here.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
  return Number.isFinite(Date.parse(value));
}

/**
 * Milliseconds since the epoch of an RFC 3339 timestamp; throws `INVALID_INSTANT` otherwise.
 *
 * @example
 * instantToMs('1970-01-01T00:00:01Z'); // 1000
 */
export function instantToMs(value: string): number {
  if (!isInstant(value)) {
    throw new CalendarError({ code: 'INVALID_INSTANT', message: `not an RFC 3339 timestamp with an offset: ${JSON.stringify(value)}` });
  }
  return Date.parse(value);
}

/**
 * The canonical text of an instant: UTC, milliseconds, `Z` (`Date.prototype.toISOString`).
 *
 * @example
 * msToInstant(0); // '1970-01-01T00:00:00.000Z'
 */
export function msToInstant(ms: number): string {
  const at = new Date(ms);
  if (!Number.isFinite(at.getTime())) {
    throw new CalendarError({ code: 'INVALID_INSTANT', message: `instant out of range: ${ms} ms` });
  }
  return at.toISOString();
}

/**
 * The zod schema of an RFC 3339 timestamp with an offset, for `parseInput` at the boundary.
 *
 * @example
 * parseInput(z.object({ noticeSent: instantSchema }), body, 'notice');
 */
export const instantSchema = z.string().refine(isInstant, { message: 'expected an RFC 3339 timestamp with an offset' });
