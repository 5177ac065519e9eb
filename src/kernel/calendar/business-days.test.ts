import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays } from './add-business-days.js';
import { addCalendarDays } from './add-calendar-days.js';
import { businessDaysBetween } from './business-days-between.js';
import { CalendarError } from './calendar-error.js';
import { holidaysIn } from './holidays-in.js';
import { isBusinessDay } from './is-business-day.js';
import { fromDayNumber, parseIsoDate, toDayNumber, weekdayOf } from './iso-date.js';
import type { JurisdictionCalendar } from './jurisdiction-calendar.js';
import { US_CA } from './presets/us-ca.js';
import { US_FEDERAL } from './presets/us-federal.js';
import { US_NY } from './presets/us-ny.js';

const date = parseIsoDate;

describe('addBusinessDays (FOIA: 20 days excepting Saturdays, Sundays and legal public holidays)', () => {
  it('skips Memorial Day: received 2026-05-15, due 2026-06-15', () => {
    expect(addBusinessDays(US_FEDERAL, date('2026-05-15'), 20)).toBe('2026-06-15');
  });

  it('skips Juneteenth: received 2026-05-29, due 2026-06-29', () => {
    expect(addBusinessDays(US_FEDERAL, date('2026-05-29'), 20)).toBe('2026-06-29');
  });

  it('counts day 1 as the first business day after the start, whatever the start is', () => {
    expect(addBusinessDays(US_FEDERAL, date('2026-05-16'), 1)).toBe('2026-05-18'); // Saturday → Monday
    expect(addBusinessDays(US_FEDERAL, date('2026-05-22'), 1)).toBe('2026-05-26'); // Friday → Tuesday after Memorial Day
    expect(addBusinessDays(US_FEDERAL, date('2026-05-25'), 0)).toBe('2026-05-25');
    expect(addBusinessDays(US_FEDERAL, date('2021-12-30'), 1)).toBe('2022-01-03'); // New Year's Day observed 2021-12-31
    expect(addBusinessDays(US_FEDERAL, date('2026-05-26'), -1)).toBe('2026-05-22');
  });

  it('depends on the jurisdiction', () => {
    // 12 February 2026 (Thursday) is Lincoln's birthday in New York, an ordinary day federally.
    expect(addBusinessDays(US_FEDERAL, date('2026-02-11'), 1)).toBe('2026-02-12');
    expect(addBusinessDays(US_NY, date('2026-02-11'), 1)).toBe('2026-02-13');
    expect(addBusinessDays(US_CA, date('2026-02-11'), 1)).toBe('2026-02-13');
  });

  it('refuses a fractional count and a calendar without working days', () => {
    expect(() => addBusinessDays(US_FEDERAL, date('2026-05-15'), 1.5)).toThrow(CalendarError);
    const noWorkdays: JurisdictionCalendar = {
      ...US_FEDERAL,
      weekend: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
    };
    expect(() => addBusinessDays(noWorkdays, date('2026-05-15'), 1)).toThrow(/no working weekday/);
  });
});

describe('businessDaysBetween', () => {
  it('counts the business days in (start, end]', () => {
    expect(businessDaysBetween(US_FEDERAL, date('2026-05-15'), date('2026-06-15'))).toBe(20);
    expect(businessDaysBetween(US_FEDERAL, date('2026-05-15'), date('2026-05-15'))).toBe(0);
    expect(businessDaysBetween(US_FEDERAL, date('2026-05-15'), date('2026-05-17'))).toBe(0);
    expect(businessDaysBetween(US_FEDERAL, date('2026-06-15'), date('2026-05-15'))).toBe(-20);
  });
});

describe('calendar arithmetic properties', () => {
  const calendars = fc.constantFrom(US_FEDERAL, US_CA, US_NY);
  // From mid-2024, so that 300 business days back stay inside us-ca's first covered year (2023).
  const startDay = fc.integer({ min: toDayNumber(date('2024-06-01')), max: toDayNumber(date('2035-12-31')) }).map(fromDayNumber);
  const count = fc.integer({ min: -300, max: 300 });

  it('addBusinessDays lands on a business day, never a weekend or holiday, and businessDaysBetween inverts it', () => {
    fc.assert(
      fc.property(calendars, startDay, count, (calendar, start, days) => {
        const end = addBusinessDays(calendar, start, days);
        if (days !== 0) {
          expect(isBusinessDay(calendar, end)).toBe(true);
          expect(calendar.weekend).not.toContain(weekdayOf(end));
          const holidays = holidaysIn(calendar, Number(end.slice(0, 4))).map((holiday) => holiday.observed);
          expect(holidays).not.toContain(end);
          expect(days > 0 ? end > start : end < start).toBe(true);
        }
        expect(businessDaysBetween(calendar, start, end)).toBe(days);
      }),
      { numRuns: 300 },
    );
  });

  it('addCalendarDays composes', () => {
    fc.assert(
      fc.property(startDay, fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -5000, max: 5000 }), (start, a, b) => {
        expect(addCalendarDays(addCalendarDays(start, a), b)).toBe(addCalendarDays(start, a + b));
      }),
    );
  });
});
