import { parseIsoDate } from '../calendar/iso-date.js';
import type { CalendarEvent } from '../icalendar/calendar-event.js';
import { renderCalendar } from '../icalendar/render-calendar.js';
import type { Deadline } from './deadline.js';

const STATE_WORDS: Readonly<Record<Deadline['state'], string>> = { open: 'open', fired: 'passed without the step it waited for', stopped: 'met or no longer running' };

/**
 * A case's deadlines as an iCalendar feed (RFC 5545): a date deadline is an all-day event on its
 * local due date, an hour deadline a timed one; each carries a reminder three days (or an hour)
 * before, a stable UID so calendar apps update rather than duplicate, and a link to the case.
 *
 * @example
 * const ics = deadlineFeed({ name: 'FOIA request to ICE', url: 'https://…/requests/42', deadlines, host: 'countersign.example' });
 */
export function deadlineFeed({ name, url, deadlines, host }: { name: string; url: string; deadlines: readonly Deadline[]; host: string }): string {
  const events: CalendarEvent[] = deadlines.map((d) => ({
    uid: `deadline-${d.id}@${host}`,
    stamp: d.stoppedAt ?? d.firedAt ?? d.startedAt,
    time: d.dueDate !== null ? { kind: 'all-day', date: parseIsoDate(d.dueDate) } : { kind: 'instant', at: d.dueAt },
    summary: d.label,
    description: `${d.label}: ${STATE_WORDS[d.state]}.${d.calendar ? ` Counted on the ${d.calendar} calendar.` : ''}`,
    url,
    status: d.state === 'stopped' ? 'CANCELLED' : 'CONFIRMED',
    categories: [d.caseType, d.kind],
    ...(d.state === 'open' ? { alarm: { minutesBefore: d.dueDate !== null ? 3 * 24 * 60 : 60, description: `${d.label} — ${name}` } } : {}),
  }));
  return renderCalendar({ prodId: '-//Countersign//Deadlines//EN', name, events });
}
