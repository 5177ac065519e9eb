import { addCalendarDays } from '../calendar/add-calendar-days.js';
import { instantToMs } from '../calendar/instant.js';
import { assertValidFeed, type CalendarEvent, type CalendarFeed } from './calendar-event.js';
import { escapeText } from './escape-text.js';
import { foldLine } from './fold-line.js';

const CRLF = '\r\n';

/**
 * Renders an iCalendar object (RFC 5545) for a feed of deadlines: CRLF line endings, lines folded
 * at 75 octets without splitting a UTF-8 character, TEXT values escaped. Date deadlines are all-day
 * events (DTSTART;VALUE=DATE and DTEND the next day, §3.6.1); hour deadlines are UTC date-times.
 * Deadlines are TRANSPARENT (they take no time on anyone's schedule). The output depends only on
 * its input (no clock), so an unchanged feed renders to the same bytes.
 *
 * @example
 * renderCalendar({
 *   prodId: '-//Countersign//Deadlines//EN',
 *   name: 'FOIA request 2026-0042',
 *   events: [{
 *     uid: 'deadline-17@countersign', stamp: '2026-05-15T14:00:00Z', summary: 'Response due',
 *     time: { kind: 'all-day', date: parseIsoDate('2026-06-15') },
 *   }],
 * });
 */
export function renderCalendar(feed: CalendarFeed): string {
  assertValidFeed(feed);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(feed.prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(feed.name)}`,
    `X-WR-CALNAME:${escapeText(feed.name)}`,
    ...feed.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function eventLines(event: CalendarEvent): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(event.uid)}`, `DTSTAMP:${utcDateTime(event.stamp)}`];
  if (event.time.kind === 'all-day') {
    lines.push(
      `DTSTART;VALUE=DATE:${basicDate(event.time.date)}`,
      `DTEND;VALUE=DATE:${basicDate(addCalendarDays(event.time.date, 1))}`,
    );
  } else {
    lines.push(`DTSTART:${utcDateTime(event.time.at)}`);
    if (event.time.durationMinutes !== undefined) lines.push(`DURATION:${duration(event.time.durationMinutes)}`);
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  // URI values (§3.3.13) are not TEXT and take no escaping; the schema admitted only a plain URI.
  if (event.url !== undefined) lines.push(`URL:${event.url}`);
  if (event.status !== undefined) lines.push(`STATUS:${event.status}`);
  if (event.categories !== undefined && event.categories.length > 0) {
    lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  }
  lines.push('TRANSP:TRANSPARENT');
  if (event.alarm !== undefined) {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(event.alarm.description ?? event.summary)}`,
      `TRIGGER:-${duration(event.alarm.minutesBefore)}`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/** DATE value (§3.3.4): 2026-06-15 → 20260615. */
function basicDate(date: string): string {
  return date.replaceAll('-', '');
}

/** UTC DATE-TIME value (§3.3.5, form #2): whole seconds, `Z`. */
function utcDateTime(instant: string): string {
  // 2026-05-15T14:03:07.250Z → 20260515T140307Z
  return `${new Date(instantToMs(instant)).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

/** DURATION value (§3.3.6) of whole minutes: 4320 → P3D, 90 → PT1H30M, 0 → PT0M. */
function duration(totalMinutes: number): string {
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  let time = '';
  if (hours > 0) time += `${hours}H`;
  if (minutes > 0 || (days === 0 && hours === 0)) time += `${minutes}M`;
  return `P${days > 0 ? `${days}D` : ''}${time === '' ? '' : `T${time}`}`;
}
