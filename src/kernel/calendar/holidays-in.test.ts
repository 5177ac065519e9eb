import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-error.js';
import { holidaysIn, isHoliday } from './holidays-in.js';
import { isBusinessDay } from './is-business-day.js';
import { parseIsoDate } from './iso-date.js';
import { US_CA } from './presets/us-ca.js';
import { US_FEDERAL } from './presets/us-federal.js';
import { US_NY } from './presets/us-ny.js';

// Observed dates of the legal public holidays of 5 U.S.C. 6103(a), worked out by hand from the
// rules (Saturday → Friday before, Sunday → Monday after), in the order of the statute.
const FEDERAL_IDS = [
  'new-years-day', 'birthday-of-martin-luther-king-jr', 'washingtons-birthday', 'memorial-day',
  'juneteenth-national-independence-day', 'independence-day', 'labor-day', 'columbus-day',
  'veterans-day', 'thanksgiving-day', 'christmas-day',
] as const;
const FEDERAL_OBSERVED: ReadonlyArray<readonly [number, readonly (string | null)[]]> = [
  [2020, ['2020-01-01', '2020-01-20', '2020-02-17', '2020-05-25', null, '2020-07-03', '2020-09-07', '2020-10-12', '2020-11-11', '2020-11-26', '2020-12-25']],
  [2021, ['2021-01-01', '2021-01-18', '2021-02-15', '2021-05-31', '2021-06-18', '2021-07-05', '2021-09-06', '2021-10-11', '2021-11-11', '2021-11-25', '2021-12-24']],
  [2022, ['2021-12-31', '2022-01-17', '2022-02-21', '2022-05-30', '2022-06-20', '2022-07-04', '2022-09-05', '2022-10-10', '2022-11-11', '2022-11-24', '2022-12-26']],
  [2023, ['2023-01-02', '2023-01-16', '2023-02-20', '2023-05-29', '2023-06-19', '2023-07-04', '2023-09-04', '2023-10-09', '2023-11-10', '2023-11-23', '2023-12-25']],
  [2024, ['2024-01-01', '2024-01-15', '2024-02-19', '2024-05-27', '2024-06-19', '2024-07-04', '2024-09-02', '2024-10-14', '2024-11-11', '2024-11-28', '2024-12-25']],
  [2025, ['2025-01-01', '2025-01-20', '2025-02-17', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-10-13', '2025-11-11', '2025-11-27', '2025-12-25']],
  [2026, ['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25']],
  [2027, ['2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24']],
  [2028, ['2027-12-31', '2028-01-17', '2028-02-21', '2028-05-29', '2028-06-19', '2028-07-04', '2028-09-04', '2028-10-09', '2028-11-10', '2028-11-23', '2028-12-25']],
  [2029, ['2029-01-01', '2029-01-15', '2029-02-19', '2029-05-28', '2029-06-19', '2029-07-04', '2029-09-03', '2029-10-08', '2029-11-12', '2029-11-22', '2029-12-25']],
  [2030, ['2030-01-01', '2030-01-21', '2030-02-18', '2030-05-27', '2030-06-19', '2030-07-04', '2030-09-02', '2030-10-14', '2030-11-11', '2030-11-28', '2030-12-25']],
];

/** Table rows as { id, year of the holiday, observed }. */
const federalRows = FEDERAL_OBSERVED.flatMap(([year, observed]) =>
  observed.flatMap((date, index) => (date === null ? [] : [{ id: FEDERAL_IDS[index], year, observed: date }])),
);

describe('holidaysIn us-federal', () => {
  it('gives every legal public holiday of 2020–2030 on the observed day of the table', () => {
    for (let year = 2020; year <= 2030; year++) {
      const computed = holidaysIn(US_FEDERAL, year)
        .filter((holiday) => holiday.kind === 'holiday')
        .map((holiday) => ({ id: holiday.id, year: Number(holiday.date.slice(0, 4)), observed: holiday.observed }));
      const expected = federalRows.filter((row) => row.observed.startsWith(`${year}-`));
      expect(computed, String(year)).toEqual(expected);
    }
  });

  it('moves New Year’s Day on a Saturday to 31 December of the year before', () => {
    const newYear2022 = holidaysIn(US_FEDERAL, 2021).find((holiday) => holiday.observed === '2021-12-31');
    expect(newYear2022).toMatchObject({ id: 'new-years-day', name: "New Year's Day", date: '2022-01-01' });
    expect(newYear2022?.citation).toContain('5 U.S.C. 6103(b)');
    expect(holidaysIn(US_FEDERAL, 2022).some((holiday) => holiday.id === 'new-years-day')).toBe(false);
    expect(isBusinessDay(US_FEDERAL, parseIsoDate('2021-12-31'))).toBe(false);
    expect(isBusinessDay(US_FEDERAL, parseIsoDate('2022-01-03'))).toBe(true);
  });

  it('keeps the tricky observed days', () => {
    for (const [date, id] of [
      ['2022-06-20', 'juneteenth-national-independence-day'],
      ['2023-01-02', 'new-years-day'],
      ['2027-07-05', 'independence-day'],
      ['2026-07-03', 'independence-day'],
      ['2021-06-18', 'juneteenth-national-independence-day'],
    ] as const) {
      const observed = holidaysIn(US_FEDERAL, Number(date.slice(0, 4))).filter((holiday) => holiday.observed === date);
      expect(observed.map((holiday) => holiday.id), date).toEqual([id]);
      expect(isBusinessDay(US_FEDERAL, parseIsoDate(date)), date).toBe(false);
    }
    // Juneteenth begins in 2021: 19 June 2020 was an ordinary Friday.
    expect(isBusinessDay(US_FEDERAL, parseIsoDate('2020-06-19'))).toBe(true);
  });

  it('lists closures ordered by the President, with their order', () => {
    const christmasEve2024 = holidaysIn(US_FEDERAL, 2024).find((holiday) => holiday.observed === '2024-12-24');
    expect(christmasEve2024).toMatchObject({ kind: 'closure', id: 'closure-2024-12-24' });
    expect(christmasEve2024?.citation).toContain('Executive Order 14129');
    expect(isHoliday(US_FEDERAL, parseIsoDate('2025-01-09'))).toBe(true);
    expect(isBusinessDay(US_FEDERAL, parseIsoDate('2025-12-26'))).toBe(false);
    expect(isBusinessDay(US_FEDERAL, parseIsoDate('2023-12-26'))).toBe(true);
  });

  it('refuses years its rules were not checked for', () => {
    expect(() => holidaysIn(US_FEDERAL, 1985)).toThrow(CalendarError);
    expect(() => isBusinessDay(US_CA, parseIsoDate('2022-06-20'))).toThrow(/covers the years 2023/);
    expect(() => holidaysIn(US_FEDERAL, 2026.5)).toThrow(CalendarError);
  });
});

describe('holidaysIn us-ca', () => {
  const observed = (year: number): string[] => holidaysIn(US_CA, year).map((holiday) => `${holiday.observed} ${holiday.id}`);

  it('moves only the § 6701 days, and 11 November on a Saturday to the Friday before', () => {
    expect(observed(2023)).toContain('2023-01-02 january-1'); // Sunday
    expect(observed(2023)).toContain('2023-11-10 veterans-day'); // Saturday
    expect(observed(2023)).toContain('2023-06-19 juneteenth');
    // Juneteenth is not in § 6701: on a Saturday (2027) it stays there, on a Sunday (2033) too.
    expect(observed(2027)).toContain('2027-06-19 juneteenth');
    expect(isBusinessDay(US_CA, parseIsoDate('2027-06-18'))).toBe(true);
    expect(isBusinessDay(US_CA, parseIsoDate('2033-06-20'))).toBe(true);
    // Admission Day 2024 (Monday), Cesar Chavez Day 2024 (Sunday → Monday 1 April).
    expect(observed(2024)).toContain('2024-09-09 admission-day');
    expect(observed(2024)).toContain('2024-04-01 cesar-chavez-day');
  });

  it('has the days no federal rule gives', () => {
    expect(observed(2026)).toEqual(expect.arrayContaining([
      '2026-02-12 lincoln-day', '2026-03-31 cesar-chavez-day', '2026-04-24 genocide-remembrance-day',
      '2026-09-09 admission-day', '2026-09-25 native-american-day', '2026-11-26 thanksgiving-day',
    ]));
  });
});

describe('holidaysIn us-ny', () => {
  it('moves a Sunday holiday to Monday but never a Saturday one, nor Flag day', () => {
    const days = (year: number): string[] => holidaysIn(US_NY, year).map((holiday) => `${holiday.observed} ${holiday.id}`);
    expect(days(2022)).toContain('2022-06-20 juneteenth'); // Sunday
    expect(days(2022)).toContain('2022-01-01 new-years-day'); // Saturday: stays
    expect(isBusinessDay(US_NY, parseIsoDate('2021-12-31'))).toBe(true);
    expect(days(2026)).toContain('2026-06-14 flag-day');
    expect(days(2026)).not.toContain('2026-06-15 flag-day');
    expect(days(2026)).toContain('2026-02-12 lincolns-birthday');
    expect(days(2020)).not.toContain('2020-06-19 juneteenth');
  });
});
