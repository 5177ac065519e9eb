import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-error.js';
import { fromDayNumber, isIsoDate, isoDateOf, isoDateSchema, parseIsoDate, toDayNumber, weekdayOf } from './iso-date.js';

describe('IsoDate', () => {
  it('accepts existing days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('2026-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
    expect(() => parseIsoDate('2026-02-30')).toThrow(CalendarError);
    expect(isoDateSchema.safeParse('2026-02-30').success).toBe(false);
    expect(isoDateSchema.safeParse('2026-02-28').success).toBe(true);
  });

  it('counts days in UTC whatever the machine time zone', () => {
    expect(toDayNumber(parseIsoDate('1970-01-01'))).toBe(0);
    expect(toDayNumber(parseIsoDate('2000-03-01'))).toBe(11017);
    expect(fromDayNumber(11017)).toBe('2000-03-01');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    // Years below 100 stay literal (Date.UTC would read 0099 as 1999).
    expect(fromDayNumber(toDayNumber(parseIsoDate('0099-12-31')) + 1)).toBe('0100-01-01');
    for (let day = 19_000; day < 19_000 + 800; day++) expect(toDayNumber(fromDayNumber(day))).toBe(day);
  });

  it('names weekdays', () => {
    expect(weekdayOf(parseIsoDate('1970-01-01'))).toBe('thursday');
    expect(weekdayOf(parseIsoDate('2026-07-04'))).toBe('saturday');
    expect(weekdayOf(parseIsoDate('1969-12-28'))).toBe('sunday');
    expect(isoDateOf(2026, 7, 4)).toBe('2026-07-04');
    expect(() => isoDateOf(2026, 2, 29)).toThrow(/not a calendar date/);
  });
});
