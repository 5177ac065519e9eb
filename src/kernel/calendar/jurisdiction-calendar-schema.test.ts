import { describe, expect, it } from 'vitest';
import { CommandError } from '../../core/command-error.js';
import { holidaysIn } from './holidays-in.js';
import { parseJurisdictionCalendar } from './jurisdiction-calendar-schema.js';
import { CALENDAR_PRESETS, calendarPreset } from './presets/calendar-presets.js';

const minimal = {
  id: 'example',
  label: 'Example county',
  timeZone: 'America/Chicago',
  weekend: ['saturday', 'sunday'],
  coversFrom: 2024,
  rules: [{ id: 'founding-day', name: 'Founding Day', date: { kind: 'fixed', month: 3, day: 2 }, citation: 'Example Code § 1' }],
  closures: [{ date: '2026-01-02', name: 'Storm closure', citation: 'Order 2026-1' }],
};

describe('parseJurisdictionCalendar', () => {
  it('accepts every bundled preset, each with a time zone and a citation on every rule', () => {
    expect([...CALENDAR_PRESETS.keys()]).toEqual(['us-federal', 'us-ca', 'us-ny']);
    for (const preset of CALENDAR_PRESETS.values()) {
      expect(parseJurisdictionCalendar(preset)).toEqual(preset);
    }
    expect(calendarPreset('us-ny')?.timeZone).toBe('America/New_York');
    expect(calendarPreset('us-ca')?.timeZone).toBe('America/Los_Angeles');
    expect(calendarPreset('us-tx')).toBeUndefined();
  });

  it('makes a working calendar from data', () => {
    const calendar = parseJurisdictionCalendar(minimal);
    expect(holidaysIn(calendar, 2026).map((holiday) => `${holiday.observed} ${holiday.name}`)).toEqual([
      '2026-01-02 Storm closure',
      '2026-03-02 Founding Day',
    ]);
  });

  it('names the field of each problem', () => {
    const cases: Array<[unknown, string]> = [
      [{ ...minimal, rules: [{ ...minimal.rules[0], date: { kind: 'fixed', month: 2, day: 30 } }] }, 'rules[0].date.day'],
      [{ ...minimal, rules: [{ ...minimal.rules[0], date: { kind: 'fixed', month: 2, day: 29 } }] }, 'rules[0].date.day'],
      [{ ...minimal, rules: [{ ...minimal.rules[0], date: { kind: 'nth-weekday', month: 1, weekday: 'monday', nth: 5 } }] }, 'rules[0].date.nth'],
      [{ ...minimal, closures: [{ date: '2026-02-30', name: 'x', citation: 'y' }] }, 'closures[0].date'],
      [{ ...minimal, timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ ...minimal, weekend: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] }, 'weekend'],
      [{ ...minimal, rules: [minimal.rules[0], minimal.rules[0]] }, 'rules'],
      [{ ...minimal, rules: [{ ...minimal.rules[0], citation: ' ' }] }, 'rules[0].citation'],
    ];
    for (const [input, path] of cases) {
      try {
        parseJurisdictionCalendar(input);
        expect.unreachable(`accepted a calendar with a bad ${path}`);
      } catch (error) {
        expect(error).toBeInstanceOf(CommandError);
        if (error instanceof CommandError) expect(error.issues.map((issue) => issue.path)).toContain(path);
      }
    }
  });
});
