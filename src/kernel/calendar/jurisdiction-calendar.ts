import type { IsoDate, Weekday } from './iso-date.js';

/** When in a year a holiday falls, as the statutes state it. Months are 1–12. */
export type HolidayDate =
  /** A fixed day: "the twenty-fifth day of December". */
  | { readonly kind: 'fixed'; readonly month: number; readonly day: number }
  /** The nth weekday of a month: "the third Monday in January". */
  | { readonly kind: 'nth-weekday'; readonly month: number; readonly weekday: Weekday; readonly nth: 1 | 2 | 3 | 4 }
  /** The last weekday of a month: "the last Monday in May". */
  | { readonly kind: 'last-weekday'; readonly month: number; readonly weekday: Weekday };

/**
 * Which day is kept instead when a holiday falls on a weekend day, with the rule that says so.
 * A side left out means no other day is kept (New York moves only Sunday holidays).
 */
export interface ObservanceRule {
  readonly saturday?: 'friday-before';
  readonly sunday?: 'monday-after';
  readonly citation: string;
}

/** One holiday of a jurisdiction, with the years it applies (inclusive) and its source. */
export interface HolidayRule {
  /** Stable slug, unique within its calendar: `juneteenth`. */
  readonly id: string;
  /** The name readers see, as the statute gives it. */
  readonly name: string;
  readonly date: HolidayDate;
  /** First year the holiday applies (Juneteenth: 2021 federally). */
  readonly from?: number;
  /** Last year the holiday applies. */
  readonly until?: number;
  readonly observance?: ObservanceRule;
  readonly citation: string;
}

/** A one-off day without business (an executive order closing agencies), with its source. */
export interface Closure {
  readonly date: IsoDate;
  readonly name: string;
  readonly citation: string;
}

/**
 * A jurisdiction's working calendar as data: weekend days, holiday rules, one-off closures, the
 * time zone its local days are counted in, and the first year its rules were checked against the law
 * (earlier years are refused rather than answered wrongly).
 */
export interface JurisdictionCalendar {
  /** Stable slug: `us-federal`. */
  readonly id: string;
  /** What readers see: "United States federal government". */
  readonly label: string;
  /** IANA time zone of the jurisdiction's local days: `America/New_York`. */
  readonly timeZone: string;
  readonly weekend: readonly Weekday[];
  readonly coversFrom: number;
  readonly rules: readonly HolidayRule[];
  readonly closures: readonly Closure[];
  /** What the calendar knowingly leaves out, and why. */
  readonly omissions?: readonly string[];
}

/** A holiday or closure as it falls in a given year. */
export interface Holiday {
  /** The rule's id, or `closure-YYYY-MM-DD` for a closure. */
  readonly id: string;
  readonly name: string;
  readonly kind: 'holiday' | 'closure';
  /** The day the rule names (New Year's Day 2022: 2022-01-01). */
  readonly date: IsoDate;
  /** The day without business (New Year's Day 2022: Friday 2021-12-31). */
  readonly observed: IsoDate;
  /** The rule's source, and the observance rule's when the day moved. */
  readonly citation: string;
}
