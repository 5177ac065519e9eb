import { addCalendarDays } from './add-calendar-days.js';
import { CalendarError } from './calendar-error.js';
import { instantToMs, msToInstant } from './instant.js';
import { fromDayNumber, isoDateOf, toDayNumber, type IsoDate } from './iso-date.js';
import { offsetAt, wallClockAt, wallClockMs } from './zoned-time.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const STEP_MS = 15 * 60_000;

/**
 * The UTC instant at which the local day `date` ends in `timeZone`: the first instant of the next
 * local day, so a deadline "by the end of 2026-06-15" in New York is due once the clock reaches
 * the returned instant (`2026-06-16T04:00:00.000Z`, EDT). Offsets come from the runtime's time zone
 * database through `Intl.DateTimeFormat`, so daylight saving days (23 or 25 hours) come out right.
 *
 * @example
 * endOfDayInZone(parseIsoDate('2026-06-15'), 'America/New_York'); // '2026-06-16T04:00:00.000Z'
 * endOfDayInZone(parseIsoDate('2026-12-15'), 'America/New_York'); // '2026-12-16T05:00:00.000Z'
 */
export function endOfDayInZone(date: IsoDate, timeZone: string): string {
  return startOfDayInZone(addCalendarDays(date, 1), timeZone);
}

/**
 * The UTC instant at which the local day `date` begins in `timeZone`: from then on the zone's clock
 * reads `date` or later. Where a zone skips midnight (a daylight saving change at 00:00) that is
 * the first instant reading `date` (01:00); where it repeats the hour after midnight, the first
 * midnight.
 *
 * @example
 * startOfDayInZone(parseIsoDate('2026-03-08'), 'America/New_York'); // '2026-03-08T05:00:00.000Z'
 */
export function startOfDayInZone(date: IsoDate, timeZone: string): string {
  const target = toDayNumber(date);
  const midnight = target * DAY_MS;
  // Fast path: local midnight is UTC midnight minus the offset in force then (a second round
  // settles a guess that crossed an offset change). Accept it only if the clock reads exactly
  // 00:00:00 there and the offset is the same six hours either side, so no change nearby can
  // move where the day begins.
  const firstOffset = offsetAt(midnight, timeZone);
  let guess = midnight - firstOffset;
  let reading = wallClockMs(wallClockAt(guess, timeZone));
  if (reading - guess !== firstOffset) {
    guess = midnight - (reading - guess);
    reading = wallClockMs(wallClockAt(guess, timeZone));
  }
  const offset = reading - guess;
  if (reading === midnight && offsetAt(guess - 6 * HOUR_MS, timeZone) === offset && offsetAt(guess + 6 * HOUR_MS, timeZone) === offset) {
    return msToInstant(guess);
  }
  return msToInstant(searchStartOfDay(midnight, target, timeZone));
}

/**
 * The local calendar date in `timeZone` at an instant (an RFC 3339 timestamp): the day a request
 * received at that instant was received, where the receiving office is.
 *
 * @example
 * localDateInZone('2026-06-16T03:30:00Z', 'America/New_York'); // '2026-06-15'
 */
export function localDateInZone(instant: string, timeZone: string): IsoDate {
  const wall = wallClockAt(instantToMs(instant), timeZone);
  return isoDateOf(wall.year, wall.month, wall.day);
}

/**
 * Scans the 30 hours around UTC midnight (offsets lie within -12 h … +14 h) in 15-minute steps for
 * the last step still before the day, then bisects to the millisecond. No zone changes its offset
 * twice within 15 minutes, so each step holds at most one change of date.
 */
function searchStartOfDay(midnight: number, target: number, timeZone: string): number {
  const first = midnight - 15 * HOUR_MS;
  const last = midnight + 15 * HOUR_MS;
  let before: number | undefined;
  for (let at = first; at <= last; at += STEP_MS) {
    if (!reachedDay(at, target, timeZone)) before = at;
  }
  if (before === undefined || before === last) {
    const message = `cannot find where ${fromDayNumber(target)} begins in ${timeZone}`;
    throw new CalendarError({ code: 'INVALID_TIME_ZONE', message });
  }
  let low = before;
  let high = before + STEP_MS;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (reachedDay(middle, target, timeZone)) high = middle;
    else low = middle;
  }
  return high;
}

/** Whether the local date in `timeZone` at `ms` is day `target` or later. */
function reachedDay(ms: number, target: number, timeZone: string): boolean {
  return Math.floor(wallClockMs(wallClockAt(ms, timeZone)) / DAY_MS) >= target;
}
