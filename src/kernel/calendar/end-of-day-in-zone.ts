import { addCalendarDays } from './add-calendar-days.js';
import { CalendarError } from './calendar-error.js';
import { instantToMs, msToInstant } from './instant.js';
import { isoDateOf, toDayNumber, type IsoDate } from './iso-date.js';
import { offsetAt, wallClockAt } from './zoned-time.js';

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
 * The UTC instant at which the local day `date` begins in `timeZone`. Where a zone skips midnight
 * (a daylight saving change at 00:00), the day begins at the first instant that reads `date`; where
 * a zone repeats the hour before midnight, at the last time the clock enters `date`.
 *
 * @example
 * startOfDayInZone(parseIsoDate('2026-03-08'), 'America/New_York'); // '2026-03-08T05:00:00.000Z'
 */
export function startOfDayInZone(date: IsoDate, timeZone: string): string {
  const target = toDayNumber(date);
  const midnightUtc = target * DAY_MS;
  // Fast path: local midnight is UTC midnight minus the offset then in force (two rounds settle a
  // change of offset between the guesses). Accept it only if it is where the date begins and no
  // offset change follows within six hours, which could send the clock back into the day before.
  const guess = midnightUtc - offsetAt(midnightUtc - offsetAt(midnightUtc, timeZone), timeZone);
  if (reachedDay(guess, target, timeZone) && !reachedDay(guess - 1, target, timeZone)
    && offsetAt(guess + 6 * HOUR_MS, timeZone) === offsetAt(guess, timeZone)) {
    return msToInstant(guess);
  }
  return msToInstant(searchStartOfDay(midnightUtc, target, timeZone));
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
 * Scans the 30 hours around local midnight (offsets lie within -12 h … +14 h) in 15-minute steps
 * for the last step still before the day, then bisects to the millisecond. No zone changes its
 * offset twice within 15 minutes, so each step holds at most one change of date.
 */
function searchStartOfDay(midnightUtc: number, target: number, timeZone: string): number {
  const first = midnightUtc - 15 * HOUR_MS;
  const last = midnightUtc + 15 * HOUR_MS;
  let before: number | undefined;
  for (let at = first; at <= last; at += STEP_MS) {
    if (!reachedDay(at, target, timeZone)) before = at;
  }
  if (before === undefined || before === last) {
    throw new CalendarError({ code: 'INVALID_TIME_ZONE', message: `cannot find where day ${target} begins in ${timeZone}` });
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
  const wall = wallClockAt(ms, timeZone);
  return toDayNumber(isoDateOf(wall.year, wall.month, wall.day)) >= target;
}
