import { describe, expect, it } from 'vitest';
import { addHours } from './add-hours.js';
import { CalendarError } from './calendar-error.js';
import { isInstant } from './instant.js';

describe('addHours', () => {
  it('adds elapsed hours, across a daylight saving change', () => {
    // New York moved from EST (-05:00) to EDT (-04:00) at 2026-03-08 02:00.
    expect(addHours('2026-03-07T12:00:00-05:00', 72)).toBe('2026-03-10T17:00:00.000Z');
    expect(addHours('2026-06-15T04:00:00Z', -1.5)).toBe('2026-06-15T02:30:00.000Z');
  });

  it('refuses timestamps without an offset: they would mean the machine’s local time', () => {
    expect(isInstant('2026-06-15T04:00:00')).toBe(false);
    expect(isInstant('2026-06-15')).toBe(false);
    expect(isInstant('2026-02-30T00:00:00Z')).toBe(false);
    expect(isInstant('2026-06-15T04:00:00.123456+05:30')).toBe(true);
    expect(() => addHours('2026-06-15T04:00:00', 72)).toThrow(CalendarError);
    expect(() => addHours('2026-06-15T04:00:00Z', Number.NaN)).toThrow(CalendarError);
  });
});
