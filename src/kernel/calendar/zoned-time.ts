import { CalendarError } from './calendar-error.js';

/** The wall-clock reading of an instant in a time zone. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The formatter that reads wall-clock time in `timeZone`; throws `INVALID_TIME_ZONE` for a name
 * the runtime's time zone database does not know.
 */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (cause) {
      throw new CalendarError({ code: 'INVALID_TIME_ZONE', message: `unknown time zone: ${JSON.stringify(timeZone)}`, cause });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Throws `INVALID_TIME_ZONE` unless the runtime knows `timeZone` (an IANA name such as
 * `America/New_York`).
 *
 * @example
 * assertTimeZone('America/Los_Angeles');
 */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/**
 * The wall clock in `timeZone` at `ms` (whole seconds: time zone offsets never carry milliseconds).
 *
 * @example
 * wallClockAt(Date.parse('2026-06-16T03:30:00Z'), 'America/New_York').day; // 15
 */
export function wallClockAt(ms: number, timeZone: string): WallClock {
  const fields = new Map<string, string>();
  for (const part of formatterFor(timeZone).formatToParts(ms)) fields.set(part.type, part.value);
  const field = (name: string): number => {
    const value = fields.get(name);
    if (value === undefined) throw new Error(`Intl.DateTimeFormat gave no ${name} for ${timeZone}`);
    return Number(value);
  };
  const year = fields.get('era') === 'BC' ? 1 - field('year') : field('year');
  return { year, month: field('month'), day: field('day'), hour: field('hour'), minute: field('minute'), second: field('second') };
}

/**
 * The zone's offset from UTC at `ms`, in milliseconds.
 *
 * @example
 * offsetAt(Date.parse('2026-12-15T12:00:00Z'), 'America/New_York'); // -18_000_000 (EST, -5 h)
 */
export function offsetAt(ms: number, timeZone: string): number {
  const wall = wallClockAt(ms, timeZone);
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  asUtc.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return asUtc.getTime() - Math.floor(ms / 1000) * 1000;
}
