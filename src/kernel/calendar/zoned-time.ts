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
      const message = `unknown time zone: ${JSON.stringify(timeZone)}`;
      throw new CalendarError({ code: 'INVALID_TIME_ZONE', message, cause });
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

// What the en-US formatter prints with the options above ("6/15/2026 AD, 23:59:59"). Reading it
// costs a third of formatToParts; any other shape (another ICU version) falls back to the parts.
const PRINTED = /^(\d+)\/(\d+)\/(\d+) (AD|BC), (\d+):(\d+):(\d+)$/;

/**
 * The wall clock in `timeZone` at `ms` (whole seconds: time zone offsets never carry milliseconds).
 *
 * @example
 * wallClockAt(Date.parse('2026-06-16T03:30:00Z'), 'America/New_York').day; // 15
 */
export function wallClockAt(ms: number, timeZone: string): WallClock {
  const formatter = formatterFor(timeZone);
  const printed = PRINTED.exec(formatter.format(ms));
  if (printed) return fromFields(timeZone, (name) => printed[PRINTED_GROUPS[name]]);
  const parts = new Map<string, string>();
  for (const part of formatter.formatToParts(ms)) parts.set(part.type, part.value);
  return fromFields(timeZone, (name) => parts.get(name));
}

const PRINTED_GROUPS = { month: 1, day: 2, year: 3, era: 4, hour: 5, minute: 6, second: 7 } as const;

function fromFields(timeZone: string, read: (name: keyof typeof PRINTED_GROUPS) => string | undefined): WallClock {
  const field = (name: keyof typeof PRINTED_GROUPS): number => {
    const value = read(name);
    if (value === undefined) throw new Error(`Intl.DateTimeFormat gave no ${name} for ${timeZone}`);
    return Number(value);
  };
  return {
    year: read('era') === 'BC' ? 1 - field('year') : field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

/**
 * The zone's offset from UTC at `ms`, in milliseconds.
 *
 * @example
 * offsetAt(Date.parse('2026-12-15T12:00:00Z'), 'America/New_York'); // -18_000_000 (EST, -5 h)
 */
export function offsetAt(ms: number, timeZone: string): number {
  return wallClockMs(wallClockAt(ms, timeZone)) - Math.floor(ms / 1000) * 1000;
}

/**
 * A wall-clock reading taken as if it were UTC, in milliseconds since the epoch: the instant plus
 * the offset. `Math.floor(wallClockMs(wall) / 86_400_000)` is its local day number.
 *
 * @example
 * wallClockMs({ year: 1970, month: 1, day: 2, hour: 0, minute: 0, second: 1 }); // 86_401_000
 */
export function wallClockMs(wall: WallClock): number {
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  asUtc.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return asUtc.getTime();
}
