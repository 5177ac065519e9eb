import { addCalendarDays } from '../../kernel/calendar/add-calendar-days.js';
import { localDateInZone } from '../../kernel/calendar/end-of-day-in-zone.js';
import { dateParts, daysInMonth, isIsoDate, isoDateOf, type IsoDate } from '../../kernel/calendar/iso-date.js';
import { calendarPreset } from '../../kernel/calendar/presets/calendar-presets.js';
import type { JurisdictionCalendar } from '../../kernel/calendar/jurisdiction-calendar.js';
import { dueInCalendarDays } from '../../kernel/deadlines/due.js';
import type { DocketNotice } from './docket.js';
import type { JurisdictionPreset } from './jurisdiction-presets.js';

/** The kernel calendar a preset names (its time zone ends the jurisdiction's days). */
export function calendarOf(preset: JurisdictionPreset): JurisdictionCalendar {
  const calendar = calendarPreset(preset.calendar);
  if (!calendar) throw new Error(`jurisdiction ${preset.id} names calendar "${preset.calendar}", which the kernel does not have`);
  return calendar;
}

/** The local date of a date or an instant in the jurisdiction. */
export function localDay(preset: JurisdictionPreset, when: string): IsoDate {
  return isIsoDate(when) ? when : localDateInZone(when, calendarOf(preset).timeZone);
}

/** `months` later, on the same day of the month or the month's last day (an annual report due 29 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return isoDateOf(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * What a notice published at `publishedAt` sets in motion under the preset: the comment period
 * (counted in calendar days from the day after publication), the earliest hearing and, where the
 * ordinance requires posting before use (NYC: 90 days), the earliest day of use.
 */
export function noticeDates(preset: JurisdictionPreset, publishedAt: string): DocketNotice {
  const calendar = calendarOf(preset);
  const day = localDay(preset, publishedAt);
  const close = dueInCalendarDays(calendar, day, preset.commentPeriodDays.value);
  const beforeUse = preset.postBeforeUseDays.value;
  return {
    publishedAt,
    commentsCloseAt: close.dueAt,
    commentsCloseOn: close.dueDate ?? day,
    earliestUseOn: beforeUse === null ? null : addCalendarDays(day, beforeUse),
    hearingFromOn: addCalendarDays(day, preset.noticeLeadDays.value),
  };
}
