import type { JurisdictionCalendar, ObservanceRule } from '../jurisdiction-calendar.js';

const STATE_HOLIDAY = 'Cal. Gov. Code § 6700(a)';

// § 6701: if 1 January, 12 February, 31 March, 4 July, 9 September, 11 November or 25 December
// falls on a Sunday, the Monday following is a holiday; if 11 November falls on a Saturday, the
// preceding Friday is. No other holiday moves.
const SUNDAY_TO_MONDAY: ObservanceRule = { sunday: 'monday-after', citation: 'Cal. Gov. Code § 6701' };
const VETERANS_DAY_OBSERVANCE: ObservanceRule = { saturday: 'friday-before', sunday: 'monday-after', citation: 'Cal. Gov. Code § 6701' };

/**
 * California's state holidays by rule (Cal. Gov. Code §§ 6700–6701), as the text stands after the
 * 2022 amendments (Juneteenth, Genocide Remembrance Day, Lunar New Year; effective 1 January 2023).
 * Holidays set by a lunar calendar are not computed: see `omissions`.
 *
 * @example
 * isBusinessDay(US_CA, parseIsoDate('2026-03-31')); // false: Cesar Chavez Day
 */
export const US_CA: JurisdictionCalendar = {
  id: 'us-ca',
  label: 'State of California',
  timeZone: 'America/Los_Angeles',
  weekend: ['saturday', 'sunday'],
  coversFrom: 2023,
  rules: [
    { id: 'january-1', name: 'January 1', date: { kind: 'fixed', month: 1, day: 1 }, observance: SUNDAY_TO_MONDAY, citation: STATE_HOLIDAY },
    { id: 'dr-martin-luther-king-jr-day', name: 'Dr. Martin Luther King, Jr. Day', date: { kind: 'nth-weekday', month: 1, weekday: 'monday', nth: 3 }, citation: STATE_HOLIDAY },
    { id: 'lincoln-day', name: 'Lincoln Day', date: { kind: 'fixed', month: 2, day: 12 }, observance: SUNDAY_TO_MONDAY, citation: STATE_HOLIDAY },
    // The statute gives this day no name.
    { id: 'third-monday-in-february', name: 'Third Monday in February', date: { kind: 'nth-weekday', month: 2, weekday: 'monday', nth: 3 }, citation: STATE_HOLIDAY },
    { id: 'cesar-chavez-day', name: 'Cesar Chavez Day', date: { kind: 'fixed', month: 3, day: 31 }, observance: SUNDAY_TO_MONDAY, citation: STATE_HOLIDAY },
    {
      id: 'genocide-remembrance-day',
      name: 'Genocide Remembrance Day',
      date: { kind: 'fixed', month: 4, day: 24 },
      from: 2023,
      citation: `${STATE_HOLIDAY}, as amended by AB 1801 (approved September 30, 2022)`,
    },
    // The statute gives this day no name.
    { id: 'last-monday-in-may', name: 'Last Monday in May', date: { kind: 'last-weekday', month: 5, weekday: 'monday' }, citation: STATE_HOLIDAY },
    {
      id: 'juneteenth',
      name: 'Juneteenth',
      date: { kind: 'fixed', month: 6, day: 19 },
      from: 2023,
      citation: `${STATE_HOLIDAY}, as amended by AB 1655 (Stats. 2022, ch. 753)`,
    },
    { id: 'july-4', name: 'July 4', date: { kind: 'fixed', month: 7, day: 4 }, observance: SUNDAY_TO_MONDAY, citation: STATE_HOLIDAY },
    { id: 'first-monday-in-september', name: 'First Monday in September', date: { kind: 'nth-weekday', month: 9, weekday: 'monday', nth: 1 }, citation: STATE_HOLIDAY },
    { id: 'admission-day', name: 'Admission Day', date: { kind: 'fixed', month: 9, day: 9 }, observance: SUNDAY_TO_MONDAY, citation: STATE_HOLIDAY },
    { id: 'native-american-day', name: 'Native American Day', date: { kind: 'nth-weekday', month: 9, weekday: 'friday', nth: 4 }, citation: STATE_HOLIDAY },
    { id: 'columbus-day', name: 'Columbus Day', date: { kind: 'nth-weekday', month: 10, weekday: 'monday', nth: 2 }, citation: STATE_HOLIDAY },
    { id: 'veterans-day', name: 'Veterans Day', date: { kind: 'fixed', month: 11, day: 11 }, observance: VETERANS_DAY_OBSERVANCE, citation: STATE_HOLIDAY },
    // § 6700(a) makes a holiday of "every day appointed by the President or Governor for a public
    // fast, thanksgiving, or holiday" and names "the Thursday in November appointed as Thanksgiving
    // Day"; federal law fixes that day as the fourth Thursday in November.
    {
      id: 'thanksgiving-day',
      name: 'Thanksgiving Day',
      date: { kind: 'nth-weekday', month: 11, weekday: 'thursday', nth: 4 },
      citation: `${STATE_HOLIDAY} (a day appointed by the President for a public thanksgiving); 5 U.S.C. 6103(a)`,
    },
    { id: 'december-25', name: 'December 25', date: { kind: 'fixed', month: 12, day: 25 }, observance: SUNDAY_TO_MONDAY, citation: STATE_HOLIDAY },
  ],
  closures: [],
  omissions: [
    'Lunar New Year (§ 6700(a), from 2023) falls on a new moon after the winter solstice and Diwali (AB 268, Stats. 2025, ch. 358) on a lunisolar date: neither is computed.',
    'Good Friday from noon until 3 p.m. (§ 6700(a)) is part of a day: not a whole non-business day here.',
    'Days the President or Governor appoints as holidays, other than Thanksgiving Day, are added as closures when appointed; none are listed.',
    'Not every § 6700 holiday closes state offices (state employees’ paid holidays are set by § 19853), and court holidays (Code Civ. Proc. § 135) differ: use the calendar the deadline’s statute names.',
    'The § 6701 list of Sunday holidays moved to Monday was read in its 2003 text (Stats. 2002, ch. 784); Juneteenth and Genocide Remembrance Day are not moved.',
  ],
};
