import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../calendar/iso-date.js';
import type { CalendarEvent, CalendarFeed } from './calendar-event.js';
import { ICalendarError } from './icalendar-error.js';
import { renderCalendar } from './render-calendar.js';

// 200 characters of 2-, 3- and 4-octet UTF-8, with the characters TEXT must escape among them.
// Cut by code points, so no surrogate pair is split.
const DESCRIPTION = [...`Réponse attendue — 期限; 🛰️ "été", ${'日本語のテキスト—ü🛰'.repeat(20)}`].slice(0, 200).join('');
const SUMMARY = 'FOIA 2026-0042: response due; agency, DHS\nsecond line \\ with a backslash';

const allDay: CalendarEvent = {
  uid: 'deadline-17@countersign.example',
  stamp: '2026-05-15T14:03:07.250Z',
  time: { kind: 'all-day', date: parseIsoDate('2026-06-15') },
  summary: SUMMARY,
  description: DESCRIPTION,
  url: 'https://countersign.example/requests/2026-0042?tab=deadlines&x=1',
  status: 'CONFIRMED',
  categories: ['FOIA', 'Deadline, statutory'],
  alarm: { minutesBefore: 3 * 24 * 60 },
};
const timed: CalendarEvent = {
  uid: 'deadline-18@countersign.example',
  stamp: '2026-05-15T10:00:00-04:00',
  time: { kind: 'instant', at: '2026-05-18T09:30:00-04:00', durationMinutes: 60 },
  summary: 'Waiver notice due (72 hours)',
  alarm: { minutesBefore: 90, description: 'Notice due in 90 minutes' },
};
const feed: CalendarFeed = { prodId: '-//Countersign//Deadlines//EN', name: 'Request 2026-0042, deadlines', events: [allDay, timed] };

// ical.js knows neither NAME (RFC 7986 §5.1) nor X-WR-CALNAME and would hand back their raw,
// still escaped values; both are TEXT (a non-standard property is TEXT by default, RFC 5545 §3.8.8.2).
for (const name of ['name', 'x-wr-calname']) Reflect.set(ICAL.design.icalendar.property, name, { defaultType: 'text' });

function parse(text: string): ICAL.Component {
  return ICAL.Component.fromString(text);
}

function text(component: ICAL.Component, name: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : undefined;
}

function time(component: ICAL.Component, name: string): ICAL.Time {
  const value = component.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date or date-time`);
  return value;
}

describe('renderCalendar', () => {
  const output = renderCalendar(feed);

  it('writes CRLF lines of at most 75 octets, each valid UTF-8 on its own', () => {
    expect(output.endsWith('\r\n')).toBe(true);
    expect(output.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const bytes = Buffer.from(output, 'utf8');
    let start = 0;
    let lines = 0;
    for (let index = 0; index < bytes.length - 1; index++) {
      if (bytes[index] !== 0x0d || bytes[index + 1] !== 0x0a) continue;
      const line = bytes.subarray(start, index);
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(line)).not.toThrow();
      start = index + 2;
      lines++;
    }
    expect(start).toBe(bytes.length);
    // The description alone needs several folded lines.
    expect(lines).toBeGreaterThan(30);
    expect(output).toMatch(/\r\n [^\r\n]/);
  });

  it('round-trips every field through ical.js', () => {
    const calendar = parse(output);
    expect(text(calendar, 'version')).toBe('2.0');
    expect(text(calendar, 'prodid')).toBe('-//Countersign//Deadlines//EN');
    expect(text(calendar, 'x-wr-calname')).toBe('Request 2026-0042, deadlines');
    expect(text(calendar, 'name')).toBe('Request 2026-0042, deadlines');

    const [first, second] = calendar.getAllSubcomponents('vevent');
    if (first === undefined || second === undefined) throw new Error('expected two VEVENTs');

    expect(text(first, 'uid')).toBe(allDay.uid);
    expect(text(first, 'summary')).toBe(SUMMARY);
    expect(text(first, 'description')).toBe(DESCRIPTION);
    expect([...DESCRIPTION].length).toBe(200);
    expect(Buffer.byteLength(DESCRIPTION, 'utf8')).toBeGreaterThan(500);
    expect(text(first, 'url')).toBe(allDay.url);
    expect(text(first, 'status')).toBe('CONFIRMED');
    expect(first.getFirstProperty('categories')?.getValues()).toEqual(['FOIA', 'Deadline, statutory']);
    expect(time(first, 'dtstamp').toString()).toBe('2026-05-15T14:03:07Z');
    const start = time(first, 'dtstart');
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe('2026-06-15');
    expect(time(first, 'dtend').toString()).toBe('2026-06-16');
    expect(text(first, 'transp')).toBe('TRANSPARENT');
    const alarm = first.getFirstSubcomponent('valarm');
    expect(alarm && text(alarm, 'action')).toBe('DISPLAY');
    expect(alarm && text(alarm, 'description')).toBe(SUMMARY);
    const trigger = alarm?.getFirstPropertyValue('trigger');
    expect(trigger instanceof ICAL.Duration && trigger.toSeconds()).toBe(-3 * 24 * 3600);

    expect(text(second, 'uid')).toBe(timed.uid);
    expect(time(second, 'dtstamp').toString()).toBe('2026-05-15T14:00:00Z');
    const at = time(second, 'dtstart');
    expect(at.isDate).toBe(false);
    expect(at.toString()).toBe('2026-05-18T13:30:00Z');
    expect(at.toJSDate().toISOString()).toBe('2026-05-18T13:30:00.000Z');
    const length = second.getFirstPropertyValue('duration');
    expect(length instanceof ICAL.Duration && length.toSeconds()).toBe(3600);
    expect(text(second, 'description')).toBeUndefined();
    expect(text(second, 'url')).toBeUndefined();
    const secondAlarm = second.getFirstSubcomponent('valarm');
    expect(secondAlarm && text(secondAlarm, 'description')).toBe('Notice due in 90 minutes');
    const secondTrigger = secondAlarm?.getFirstPropertyValue('trigger');
    expect(secondTrigger instanceof ICAL.Duration && secondTrigger.toString()).toBe('-PT1H30M');
  });

  it('renders the same bytes for the same feed, and an empty feed', () => {
    expect(renderCalendar(feed)).toBe(output);
    const empty = renderCalendar({ ...feed, events: [] });
    expect(parse(empty).getAllSubcomponents('vevent')).toEqual([]);
  });

  it('refuses what it cannot write, naming the field', () => {
    const cases: Array<[CalendarFeed, string]> = [
      [{ ...feed, events: [{ ...allDay, url: 'https://example.org/a b' }] }, 'events[0].url'],
      [{ ...feed, events: [{ ...allDay, url: 'javascript:alert(1)' }] }, 'events[0].url'],
      [{ ...feed, events: [allDay, { ...timed, stamp: '2026-05-15T10:00:00' }] }, 'events[1].stamp'],
      [{ ...feed, events: [{ ...allDay, summary: 'bell \u0007' }] }, 'events[0].summary'],
      [{ ...feed, events: [{ ...allDay, uid: '' }] }, 'events[0].uid'],
      [{ ...feed, events: [{ ...allDay, uid: 'two\r\nlines' }] }, 'events[0].uid'],
      [{ ...feed, name: 'X\r\nBEGIN:VEVENT' }, 'name'],
      [{ ...feed, events: [{ ...allDay, alarm: { minutesBefore: -5 } }] }, 'events[0].alarm.minutesBefore'],
    ];
    for (const [bad, where] of cases) {
      try {
        renderCalendar(bad);
        expect.unreachable(`rendered a feed with a bad ${where}`);
      } catch (error) {
        expect(error).toBeInstanceOf(ICalendarError);
        if (error instanceof ICalendarError) expect(error.where).toBe(where);
      }
    }
  });
});
