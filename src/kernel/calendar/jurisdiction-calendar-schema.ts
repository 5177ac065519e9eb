import { z } from 'zod';
import { parseInput } from '../../core/parse-input.js';
import { daysInMonth, isoDateSchema, WEEKDAYS } from './iso-date.js';
import type { JurisdictionCalendar } from './jurisdiction-calendar.js';
import { assertTimeZone } from './zoned-time.js';

const weekday = z.enum(WEEKDAYS);
const month = z.number().int().min(1).max(12);
const year = z.number().int().min(1).max(9999);
const text = z.string().trim().min(1);

const holidayDate = z.discriminatedUnion('kind', [
  // A fixed holiday must exist every year, so the month's length is taken from a common year
  // (29 February is refused).
  z.object({ kind: z.literal('fixed'), month, day: z.number().int().min(1).max(31) })
    .refine((date) => date.day <= daysInMonth(2001, date.month), { message: 'no such day in that month every year', path: ['day'] }),
  z.object({ kind: z.literal('nth-weekday'), month, weekday, nth: z.literal([1, 2, 3, 4]) }),
  z.object({ kind: z.literal('last-weekday'), month, weekday }),
]);

const observance = z.object({
  saturday: z.literal('friday-before').optional(),
  sunday: z.literal('monday-after').optional(),
  citation: text,
});

const rule = z
  .object({
    id: text,
    name: text,
    date: holidayDate,
    from: year.optional(),
    until: year.optional(),
    observance: observance.optional(),
    citation: text,
  })
  .refine((r) => r.from === undefined || r.until === undefined || r.from <= r.until, { message: 'from is after until', path: ['until'] });

const calendarSchema = z.object({
  id: text,
  label: text,
  timeZone: text.refine(isKnownTimeZone, { message: 'unknown IANA time zone' }),
  weekend: z.array(weekday).refine((days) => new Set(days).size < 7, { message: 'a calendar needs a working weekday' }),
  coversFrom: year,
  rules: z.array(rule).refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, { message: 'rule ids must be unique' }),
  closures: z.array(z.object({ date: isoDateSchema, name: text, citation: text })),
  omissions: z.array(text).optional(),
});

/**
 * Validates a calendar given as data (a jurisdiction's rules from configuration), naming the field
 * of every problem (`rules[3].date.day`); throws `CommandError` `INVALID_INPUT`.
 *
 * @example
 * const calendar = parseJurisdictionCalendar(JSON.parse(text));
 */
export function parseJurisdictionCalendar(input: unknown): JurisdictionCalendar {
  return parseInput(calendarSchema, input, 'calendar');
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    assertTimeZone(timeZone);
    return true;
  } catch {
    return false;
  }
}
