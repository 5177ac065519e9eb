import { addBusinessDays } from '../calendar/add-business-days.js';
import { addCalendarDays } from '../calendar/add-calendar-days.js';
import { addHours } from '../calendar/add-hours.js';
import { endOfDayInZone, localDateInZone } from '../calendar/end-of-day-in-zone.js';
import { isIsoDate, type IsoDate } from '../calendar/iso-date.js';
import type { JurisdictionCalendar } from '../calendar/jurisdiction-calendar.js';
import type { Due } from '../workflow/workflow.js';

/** The local date a step happened on: a date as given, an instant read in the calendar's zone. */
function localDate(calendar: JurisdictionCalendar, from: string): IsoDate {
  return isIsoDate(from) ? from : localDateInZone(from, calendar.timeZone);
}

/** A date deadline: due at the end of that local day. */
function onDate(calendar: JurisdictionCalendar, date: IsoDate): Due {
  return { dueDate: date, dueAt: endOfDayInZone(date, calendar.timeZone), calendar: calendar.id };
}

/**
 * Due `days` business days after `from` (day 1 is the first business day after it: FOIA,
 * 5 U.S.C. 552(a)(6)(A)(i)), at the end of that day in the jurisdiction's time zone.
 *
 * @example
 * dueInBusinessDays(US_FEDERAL, '2026-05-15', 20); // { dueDate: '2026-06-15', … }
 */
export function dueInBusinessDays(calendar: JurisdictionCalendar, from: string, days: number): Due {
  return onDate(calendar, addBusinessDays(calendar, localDate(calendar, from), days));
}

/** Due `days` calendar days after `from`, at the end of that local day (a 7-day wait, a 45-day notice). */
export function dueInCalendarDays(calendar: JurisdictionCalendar, from: string, days: number): Due {
  return onDate(calendar, addCalendarDays(localDate(calendar, from), days));
}

/** Due `hours` after an instant (72 hours to notify): a timed deadline. */
export function dueInHours(from: string, hours: number): Due {
  return { dueAt: addHours(isIsoDate(from) ? `${from}T00:00:00Z` : from, hours) };
}
