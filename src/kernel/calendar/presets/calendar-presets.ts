import type { JurisdictionCalendar } from '../jurisdiction-calendar.js';
import { US_CA } from './us-ca.js';
import { US_FEDERAL } from './us-federal.js';
import { US_NY } from './us-ny.js';

/**
 * The bundled calendars by id.
 *
 * @example
 * [...CALENDAR_PRESETS.keys()]; // ['us-federal', 'us-ca', 'us-ny']
 */
export const CALENDAR_PRESETS: ReadonlyMap<string, JurisdictionCalendar> = new Map(
  [US_FEDERAL, US_CA, US_NY].map((calendar) => [calendar.id, calendar]),
);

/**
 * The bundled calendar with this id (`us-federal`, `us-ca`, `us-ny`), or undefined.
 *
 * @example
 * const calendar = calendarPreset('us-federal');
 */
export function calendarPreset(id: string): JurisdictionCalendar | undefined {
  return CALENDAR_PRESETS.get(id);
}
