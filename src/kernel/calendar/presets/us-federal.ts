import { parseIsoDate } from '../iso-date.js';
import type { JurisdictionCalendar, ObservanceRule } from '../jurisdiction-calendar.js';

const LEGAL_PUBLIC_HOLIDAY = '5 U.S.C. 6103(a)';

// OPM: for employees whose basic workweek is Monday to Friday, a holiday on a Saturday is observed
// the Friday before and one on a Sunday the Monday after — including New Year's Day on a Saturday,
// observed on 31 December of the previous year.
const FEDERAL_OBSERVANCE: ObservanceRule = {
  saturday: 'friday-before',
  sunday: 'monday-after',
  citation: '5 U.S.C. 6103(b); Executive Order 11582 of February 11, 1971',
};

const closingOrder = (order: string): string => `${order} (closing executive departments and agencies)`;

/**
 * The legal public holidays of the United States federal government (5 U.S.C. 6103(a)), observed
 * per 5 U.S.C. 6103(b) and EO 11582, with the whole-day closures of executive departments ordered
 * by the President that we could cite. Business days here are FOIA's "excepting Saturdays, Sundays,
 * and legal public holidays" (5 U.S.C. 552(a)(6)(A)(i)).
 *
 * @example
 * addBusinessDays(US_FEDERAL, parseIsoDate('2026-05-29'), 20); // '2026-06-29'
 */
export const US_FEDERAL: JurisdictionCalendar = {
  id: 'us-federal',
  label: 'United States federal government',
  timeZone: 'America/New_York',
  weekend: ['saturday', 'sunday'],
  // The list of 6103(a) as written here holds from 1986, the first year of the Birthday of Martin
  // Luther King, Jr. (Pub. L. 98-144); Juneteenth carries its own first year.
  coversFrom: 1986,
  rules: [
    { id: 'new-years-day', name: "New Year's Day", date: { kind: 'fixed', month: 1, day: 1 }, observance: FEDERAL_OBSERVANCE, citation: LEGAL_PUBLIC_HOLIDAY },
    { id: 'birthday-of-martin-luther-king-jr', name: 'Birthday of Martin Luther King, Jr.', date: { kind: 'nth-weekday', month: 1, weekday: 'monday', nth: 3 }, citation: LEGAL_PUBLIC_HOLIDAY },
    { id: 'washingtons-birthday', name: "Washington's Birthday", date: { kind: 'nth-weekday', month: 2, weekday: 'monday', nth: 3 }, citation: LEGAL_PUBLIC_HOLIDAY },
    { id: 'memorial-day', name: 'Memorial Day', date: { kind: 'last-weekday', month: 5, weekday: 'monday' }, citation: LEGAL_PUBLIC_HOLIDAY },
    {
      id: 'juneteenth-national-independence-day',
      name: 'Juneteenth National Independence Day',
      date: { kind: 'fixed', month: 6, day: 19 },
      from: 2021,
      observance: FEDERAL_OBSERVANCE,
      citation: `${LEGAL_PUBLIC_HOLIDAY}, as amended by the Juneteenth National Independence Day Act, Pub. L. 117-17 (June 17, 2021)`,
    },
    { id: 'independence-day', name: 'Independence Day', date: { kind: 'fixed', month: 7, day: 4 }, observance: FEDERAL_OBSERVANCE, citation: LEGAL_PUBLIC_HOLIDAY },
    { id: 'labor-day', name: 'Labor Day', date: { kind: 'nth-weekday', month: 9, weekday: 'monday', nth: 1 }, citation: LEGAL_PUBLIC_HOLIDAY },
    { id: 'columbus-day', name: 'Columbus Day', date: { kind: 'nth-weekday', month: 10, weekday: 'monday', nth: 2 }, citation: LEGAL_PUBLIC_HOLIDAY },
    { id: 'veterans-day', name: 'Veterans Day', date: { kind: 'fixed', month: 11, day: 11 }, observance: FEDERAL_OBSERVANCE, citation: LEGAL_PUBLIC_HOLIDAY },
    { id: 'thanksgiving-day', name: 'Thanksgiving Day', date: { kind: 'nth-weekday', month: 11, weekday: 'thursday', nth: 4 }, citation: LEGAL_PUBLIC_HOLIDAY },
    { id: 'christmas-day', name: 'Christmas Day', date: { kind: 'fixed', month: 12, day: 25 }, observance: FEDERAL_OBSERVANCE, citation: LEGAL_PUBLIC_HOLIDAY },
  ],
  // Whole-day closures by executive order, each read in the order's text (Federal Register where we
  // have the page). Orders closing only part of a day (EO 13281, the afternoon of 24 December 2002)
  // are not whole days and are not listed. The list is not claimed complete before 2018.
  closures: [
    { date: parseIsoDate('2014-12-26'), name: 'Day after Christmas Day (executive order)', citation: closingOrder('Executive Order 13682 of December 5, 2014, 79 FR 73459') },
    { date: parseIsoDate('2018-12-05'), name: 'Closed as a mark of respect for President George Herbert Walker Bush (executive order)', citation: closingOrder('Executive Order 13852 of December 1, 2018, 83 FR 62687') },
    { date: parseIsoDate('2018-12-24'), name: 'Day before Christmas Day (executive order)', citation: closingOrder('Executive Order 13854 of December 18, 2018, 83 FR 65481') },
    { date: parseIsoDate('2019-12-24'), name: 'Day before Christmas Day (executive order)', citation: closingOrder('Executive Order 13900 of December 17, 2019, 84 FR 69983') },
    { date: parseIsoDate('2020-12-24'), name: 'Day before Christmas Day (executive order)', citation: closingOrder('Executive Order 13965 of December 11, 2020') },
    { date: parseIsoDate('2024-12-24'), name: 'Day before Christmas Day (executive order)', citation: closingOrder('Executive Order 14129, 89 FR 104857') },
    { date: parseIsoDate('2025-01-09'), name: 'Closed as a mark of respect for President James Earl Carter, Jr. (executive order)', citation: closingOrder('Executive Order 14133 of December 30, 2024, 90 FR 187') },
    { date: parseIsoDate('2025-12-24'), name: 'Day before Christmas Day (executive order)', citation: closingOrder('Executive Order 14371 of December 18, 2025') },
    { date: parseIsoDate('2025-12-26'), name: 'Day after Christmas Day (executive order)', citation: closingOrder('Executive Order 14371 of December 18, 2025') },
  ],
  omissions: [
    'Inauguration Day (5 U.S.C. 6103(c)) is a holiday only for employees in and around the District of Columbia; it is not in this calendar.',
    'Closures ordered for part of a day, and closures before 2018 other than 26 December 2014, are not listed.',
  ],
};
