import { addCalendarDays } from '../../kernel/calendar/add-calendar-days.js';
import { isBusinessDay } from '../../kernel/calendar/is-business-day.js';
import { businessDaysBetween } from '../../kernel/calendar/business-days-between.js';
import { localDateInZone } from '../../kernel/calendar/end-of-day-in-zone.js';
import { isIsoDate, parseIsoDate, toDayNumber, type IsoDate } from '../../kernel/calendar/iso-date.js';
import { dueInBusinessDays, dueInCalendarDays } from '../../kernel/deadlines/due.js';
import type { Due } from '../../kernel/workflow/workflow.js';
import type { Jurisdiction, Period } from './jurisdictions.js';

/** The local date of a step in the jurisdiction's zone (a date stays as given). */
export function localDateOf(jurisdiction: Jurisdiction, at: string): IsoDate {
  return isIsoDate(at) ? at : localDateInZone(at, jurisdiction.calendar.timeZone);
}

/**
 * When `days` of a period fall due counted from `from`: business days on the jurisdiction's
 * calendar (day 1 is the first business day after `from`, 5 U.S.C. 552(a)(6)(A)(i)), or calendar days.
 *
 * @example
 * dueAfter(JURISDICTIONS['us-federal'], JURISDICTIONS['us-federal'].response, '2026-05-15', 20).dueDate; // '2026-06-15'
 */
export function dueAfter(jurisdiction: Jurisdiction, period: Pick<Period, 'unit' | 'rollsForward'>, from: string, days: number): Due {
  if (period.unit === 'business') return dueInBusinessDays(jurisdiction.calendar, from, days);
  const due = dueInCalendarDays(jurisdiction.calendar, from, days);
  const last = due.dueDate === undefined ? null : parseIsoDate(due.dueDate);
  // A last day on a weekend or holiday moves to the next business day where the law says so.
  if (!period.rollsForward || last === null || isBusinessDay(jurisdiction.calendar, last)) return due;
  return dueInBusinessDays(jurisdiction.calendar, last, 1);
}

/** Days of a period that ran between two local dates (business days for a business-day period). */
export function daysElapsed(jurisdiction: Jurisdiction, period: Pick<Period, 'unit'>, fromDate: string, toDate: string): number {
  const [from, to] = [parseIsoDate(fromDate), parseIsoDate(toDate)];
  if (to <= from) return 0;
  return period.unit === 'business' ? businessDaysBetween(jurisdiction.calendar, from, to) : toDayNumber(to) - toDayNumber(from);
}

/** The clock of a request, as its row keeps it. */
export interface ClockState {
  readonly daysAllowed: number;
  readonly daysUsed: number;
  /** Since when the clock runs (the receipt, or the day it resumed); null while paused. */
  readonly clockRunningSince: string | null;
}

/**
 * The clock paused (tolled) on `on`: the days that ran are banked. FOIA tolls the 20 days while
 * the agency waits for information or fee clarification it asked for (5 U.S.C. 552(a)(6)(A)(ii)).
 */
export function pauseClock(jurisdiction: Jurisdiction, clock: ClockState, on: string): ClockState {
  if (clock.clockRunningSince === null) return clock;
  return { daysAllowed: clock.daysAllowed, daysUsed: clock.daysUsed + daysElapsed(jurisdiction, jurisdiction.response, clock.clockRunningSince, on), clockRunningSince: null };
}

/** The due date of a running clock: the days left, counted from when it (re)started. */
export function dueOfClock(jurisdiction: Jurisdiction, clock: ClockState): Due {
  if (clock.clockRunningSince === null) throw new Error('a paused clock has no due date');
  return dueAfter(jurisdiction, jurisdiction.response, clock.clockRunningSince, Math.max(0, clock.daysAllowed - clock.daysUsed));
}

/** A date `days` calendar days after `from` (for embargoes and notices). */
export function datePlus(from: string, days: number): IsoDate {
  return addCalendarDays(parseIsoDate(from), days);
}
