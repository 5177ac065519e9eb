import { z } from 'zod';
import { formatPath } from '../../core/command-error.js';
import { isInstant } from '../calendar/instant.js';
import { isoDateSchema, type IsoDate } from '../calendar/iso-date.js';
import { ICalendarError } from './icalendar-error.js';

/** When an event happens: a whole local day (a date deadline) or a UTC instant (an hour deadline). */
export type EventTime =
  | { readonly kind: 'all-day'; readonly date: IsoDate }
  | { readonly kind: 'instant'; readonly at: string; readonly durationMinutes?: number };

/** One VEVENT of a feed. Text fields are plain text: `renderCalendar` escapes them. */
export interface CalendarEvent {
  /** Stable across renderings (`deadline-42@countersign`), so clients update instead of duplicating. */
  readonly uid: string;
  /** DTSTAMP: when the event's data last changed (an RFC 3339 timestamp), not the render time. */
  readonly stamp: string;
  readonly time: EventTime;
  readonly summary: string;
  readonly description?: string;
  /** An absolute http(s) URL of the case. */
  readonly url?: string;
  readonly status?: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
  readonly categories?: readonly string[];
  /** A DISPLAY alarm this many minutes before the start. */
  readonly alarm?: { readonly minutesBefore: number; readonly description?: string };
}

/** What `renderCalendar` renders: the feed's product id, its name, and its events. */
export interface CalendarFeed {
  /** PRODID (RFC 5545 §3.7.3): `-//Countersign//Deadlines//EN`. */
  readonly prodId: string;
  /** The calendar's name as clients show it (NAME, RFC 7986 §5.1, and X-WR-CALNAME). */
  readonly name: string;
  readonly events: readonly CalendarEvent[];
}

// Control characters other than line breaks have no escape in TEXT (RFC 5545 §3.3.11 excludes them).
const NO_CONTROLS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const text = z.string().regex(NO_CONTROLS, 'control characters cannot be written in iCalendar text');
const line = z.string().min(1).regex(/^[^\u0000-\u001f\u007f]*$/, 'must be one line without control characters');
const instant = z.string().refine(isInstant, 'expected an RFC 3339 timestamp with an offset');
const url = z.string().refine(isHttpUrl, 'expected an absolute http(s) URL without spaces');

const eventSchema = z.object({
  uid: line,
  stamp: instant,
  time: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all-day'), date: isoDateSchema }),
    z.object({ kind: z.literal('instant'), at: instant, durationMinutes: z.number().int().min(0).optional() }),
  ]),
  summary: text.min(1),
  description: text.optional(),
  url: url.optional(),
  status: z.enum(['TENTATIVE', 'CONFIRMED', 'CANCELLED']).optional(),
  categories: z.array(line).optional(),
  alarm: z.object({ minutesBefore: z.number().int().min(0), description: text.min(1).optional() }).optional(),
});

const feedSchema = z.object({ prodId: line, name: line, events: z.array(eventSchema) });

/**
 * Throws `INVALID_EVENT` naming the field (`events[2].url`) of the first problem of a feed.
 *
 * @example
 * assertValidFeed({ prodId: '-//Countersign//Deadlines//EN', name: 'Deadlines', events: [] });
 */
export function assertValidFeed(feed: CalendarFeed): void {
  const result = feedSchema.safeParse(feed);
  if (result.success) return;
  const issue = result.error.issues[0];
  const where = issue === undefined ? '(root)' : formatPath(issue.path) || '(root)';
  const message = `invalid calendar feed: ${where}: ${issue?.message ?? 'invalid'}`;
  throw new ICalendarError({ code: 'INVALID_EVENT', message, where });
}

/** An absolute http(s) URI: printable ASCII without the characters RFC 3986 §2 never allows. */
function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[\x21-\x7e]+$/.test(value) || /["<>\\^`{|}]/.test(value)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
