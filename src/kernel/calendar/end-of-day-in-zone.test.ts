import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './add-calendar-days.js';
import { CalendarError } from './calendar-error.js';
import { endOfDayInZone, localDateInZone, startOfDayInZone } from './end-of-day-in-zone.js';
import { fromDayNumber, parseIsoDate, toDayNumber } from './iso-date.js';

const date = parseIsoDate;
const hoursBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 3_600_000;

describe('endOfDayInZone', () => {
  it('gives the first instant of the next local day, in UTC', () => {
    expect(endOfDayInZone(date('2026-06-15'), 'America/New_York')).toBe('2026-06-16T04:00:00.000Z'); // EDT
    expect(endOfDayInZone(date('2026-12-15'), 'America/New_York')).toBe('2026-12-16T05:00:00.000Z'); // EST
    expect(endOfDayInZone(date('2026-06-15'), 'America/Los_Angeles')).toBe('2026-06-16T07:00:00.000Z');
    expect(endOfDayInZone(date('2026-12-31'), 'UTC')).toBe('2027-01-01T00:00:00.000Z');
    expect(endOfDayInZone(date('2026-06-15'), 'Asia/Kathmandu')).toBe('2026-06-15T18:15:00.000Z'); // +05:45
  });

  it('handles the days daylight saving time makes 23 and 25 hours long', () => {
    // New York: clocks forward on 2026-03-08 at 02:00, back on 2026-11-01 at 02:00.
    const springStart = startOfDayInZone(date('2026-03-08'), 'America/New_York');
    expect(springStart).toBe('2026-03-08T05:00:00.000Z');
    expect(hoursBetween(springStart, endOfDayInZone(date('2026-03-08'), 'America/New_York'))).toBe(23);
    const fallStart = startOfDayInZone(date('2026-11-01'), 'America/New_York');
    expect(fallStart).toBe('2026-11-01T04:00:00.000Z');
    expect(hoursBetween(fallStart, endOfDayInZone(date('2026-11-01'), 'America/New_York'))).toBe(25);
  });

  it('finds where a day begins when the zone skips midnight or a whole day', () => {
    // Santiago moved 2026-09-06 00:00 to 01:00 (-04:00 → -03:00): the day begins at 01:00 -03:00.
    expect(startOfDayInZone(date('2026-09-06'), 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    // Havana goes back from 01:00 to 00:00 on 2026-11-01: the day began at the first midnight (-04:00).
    expect(startOfDayInZone(date('2026-11-01'), 'America/Havana')).toBe('2026-11-01T04:00:00.000Z');
    // Samoa skipped 30 December 2011 (from 29 December 23:59:59 -10:00 to 31 December +14:00).
    expect(endOfDayInZone(date('2011-12-29'), 'Pacific/Apia')).toBe('2011-12-30T10:00:00.000Z');
    expect(endOfDayInZone(date('2011-12-30'), 'Pacific/Apia')).toBe('2011-12-30T10:00:00.000Z');
  });

  it('refuses an unknown time zone', () => {
    expect(() => endOfDayInZone(date('2026-06-15'), 'America/Gotham')).toThrow(CalendarError);
  });

  it('is where the local date changes, for any day in zones with odd offsets and changes', () => {
    const zones = ['America/New_York', 'America/Los_Angeles', 'America/Santiago', 'America/Havana', 'Asia/Beirut',
      'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Apia', 'Pacific/Chatham', 'Europe/Dublin', 'UTC'];
    const day = fc.integer({ min: toDayNumber(date('2000-01-01')), max: toDayNumber(date('2040-12-31')) }).map(fromDayNumber);
    fc.assert(
      fc.property(fc.constantFrom(...zones), day, (zone, local) => {
        const start = startOfDayInZone(local, zone);
        expect(localDateInZone(start, zone) >= local).toBe(true);
        expect(localDateInZone(new Date(Date.parse(start) - 1).toISOString(), zone) < local).toBe(true);
        expect(endOfDayInZone(local, zone)).toBe(startOfDayInZone(addCalendarDays(local, 1), zone));
      }),
      { numRuns: 400 },
    );
  });
});

describe('localDateInZone', () => {
  it('reads the local date of an instant', () => {
    expect(localDateInZone('2026-06-16T03:59:59Z', 'America/New_York')).toBe('2026-06-15');
    expect(localDateInZone('2026-06-16T04:00:00Z', 'America/New_York')).toBe('2026-06-16');
    expect(localDateInZone('2026-06-16T00:00:00+02:00', 'America/Los_Angeles')).toBe('2026-06-15');
  });
});
