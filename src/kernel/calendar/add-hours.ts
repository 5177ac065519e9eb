import { CalendarError } from './calendar-error.js';
import { instantToMs, msToInstant } from './instant.js';

const HOUR_MS = 3_600_000;

/**
 * The instant `hours` elapsed hours after `instant` (an RFC 3339 timestamp with an offset), as UTC
 * text. Hours are elapsed time, so a notice due within 72 hours is due 72 hours later even across
 * a daylight saving change.
 *
 * @example
 * addHours('2026-03-07T12:00:00-05:00', 72); // '2026-03-10T17:00:00.000Z' (DST began on 8 March)
 */
export function addHours(instant: string, hours: number): string {
  if (!Number.isFinite(hours)) {
    throw new CalendarError({ code: 'INVALID_ARGUMENT', message: `hours must be a finite number, got ${hours}` });
  }
  return msToInstant(instantToMs(instant) + Math.round(hours * HOUR_MS));
}
