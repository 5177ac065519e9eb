import type { JurisdictionCalendar, ObservanceRule } from '../jurisdiction-calendar.js';

const PUBLIC_HOLIDAY = 'N.Y. Gen. Constr. Law § 24';

// § 24: "if any of such days except Flag day is Sunday, the next day thereafter". A Saturday
// holiday does not move (Saturday afternoon is a half-holiday in any case).
const SUNDAY_TO_MONDAY: ObservanceRule = { sunday: 'monday-after', citation: PUBLIC_HOLIDAY };

/**
 * New York State's public holidays (N.Y. Gen. Constr. Law § 24, as amended by chapter 249 of the
 * laws of 2020, which added Juneteenth). General election day is not computed: see `omissions`.
 *
 * @example
 * isBusinessDay(US_NY, parseIsoDate('2026-02-12')); // false: Lincoln's birthday
 */
export const US_NY: JurisdictionCalendar = {
  id: 'us-ny',
  label: 'State of New York',
  timeZone: 'America/New_York',
  weekend: ['saturday', 'sunday'],
  // § 24 was last amended before 2020 by chapter 347 of the laws of 1984.
  coversFrom: 1985,
  rules: [
    { id: 'new-years-day', name: "New Year's day", date: { kind: 'fixed', month: 1, day: 1 }, observance: SUNDAY_TO_MONDAY, citation: PUBLIC_HOLIDAY },
    { id: 'dr-martin-luther-king-jr-day', name: 'Dr. Martin Luther King, Jr. day', date: { kind: 'nth-weekday', month: 1, weekday: 'monday', nth: 3 }, citation: PUBLIC_HOLIDAY },
    { id: 'lincolns-birthday', name: "Lincoln's birthday", date: { kind: 'fixed', month: 2, day: 12 }, observance: SUNDAY_TO_MONDAY, citation: PUBLIC_HOLIDAY },
    { id: 'washingtons-birthday', name: "Washington's birthday", date: { kind: 'nth-weekday', month: 2, weekday: 'monday', nth: 3 }, citation: PUBLIC_HOLIDAY },
    { id: 'memorial-day', name: 'Memorial day', date: { kind: 'last-weekday', month: 5, weekday: 'monday' }, citation: PUBLIC_HOLIDAY },
    // Always a Sunday, and the one day § 24 does not move to Monday.
    { id: 'flag-day', name: 'Flag day', date: { kind: 'nth-weekday', month: 6, weekday: 'sunday', nth: 2 }, citation: PUBLIC_HOLIDAY },
    {
      id: 'juneteenth',
      name: 'Juneteenth',
      date: { kind: 'fixed', month: 6, day: 19 },
      // Chapter 249 of the laws of 2020 was signed on October 14, 2020: its first June 19 is in 2021.
      from: 2021,
      observance: SUNDAY_TO_MONDAY,
      citation: `${PUBLIC_HOLIDAY}, as amended by chapter 249 of the laws of 2020`,
    },
    { id: 'independence-day', name: 'Independence day', date: { kind: 'fixed', month: 7, day: 4 }, observance: SUNDAY_TO_MONDAY, citation: PUBLIC_HOLIDAY },
    { id: 'labor-day', name: 'Labor day', date: { kind: 'nth-weekday', month: 9, weekday: 'monday', nth: 1 }, citation: PUBLIC_HOLIDAY },
    { id: 'columbus-day', name: 'Columbus day', date: { kind: 'nth-weekday', month: 10, weekday: 'monday', nth: 2 }, citation: PUBLIC_HOLIDAY },
    { id: 'veterans-day', name: "Veterans' day", date: { kind: 'fixed', month: 11, day: 11 }, observance: SUNDAY_TO_MONDAY, citation: PUBLIC_HOLIDAY },
    { id: 'thanksgiving-day', name: 'Thanksgiving day', date: { kind: 'nth-weekday', month: 11, weekday: 'thursday', nth: 4 }, citation: PUBLIC_HOLIDAY },
    { id: 'christmas-day', name: 'Christmas day', date: { kind: 'fixed', month: 12, day: 25 }, observance: SUNDAY_TO_MONDAY, citation: PUBLIC_HOLIDAY },
  ],
  closures: [],
  omissions: [
    '§ 24 makes "each general election day" a public holiday; its date comes from the Election Law, whose current text we could not confirm, so it is not computed (add it as a closure each year).',
    'Days the President or Governor appoints for general thanksgiving, fasting and prayer or other religious observances are added as closures when appointed; none are listed.',
  ],
};
