import type { JurisdictionCalendar } from '../../kernel/calendar/jurisdiction-calendar.js';
import { US_CA } from '../../kernel/calendar/presets/us-ca.js';
import { US_FEDERAL } from '../../kernel/calendar/presets/us-federal.js';
import { US_NY } from '../../kernel/calendar/presets/us-ny.js';

/** How long a period runs: business days on the jurisdiction's calendar, or calendar days. */
export interface Period {
  readonly days: number;
  readonly unit: 'business' | 'calendar';
  /** The statute that sets it. */
  readonly citation: string;
  /** The rule that moves a last day falling on a weekend or holiday to the next business day, if any. */
  readonly rollsForward?: string;
}

/** A records law as data: its clocks, and the words its letters use. */
export interface Jurisdiction {
  readonly id: JurisdictionId;
  readonly label: string;
  /** The law's short name in letters: "the Freedom of Information Act". */
  readonly law: string;
  readonly lawCitation: string;
  readonly calendar: JurisdictionCalendar;
  /** Until the agency must respond (or, under FOIL, at least acknowledge). */
  readonly response: Period;
  readonly responseLabel: string;
  /** A new period that starts when the agency acknowledges (FOIL: the approximate date, at most 20 business days). */
  readonly afterAcknowledgement: Period | null;
  /** The one extension a law allows for unusual circumstances, added to the response period. */
  readonly extension: Period | null;
  /** How long the requester has to appeal an adverse determination; null: no administrative appeal. */
  readonly appeal: Period | null;
  /** How long the appeal body has to decide. */
  readonly appealDecision: Period | null;
  /** Expedited processing: the period to decide whether to expedite, if the law has one. */
  readonly expedite: Period | null;
  /** Whether the clock stops while the agency waits for the requester (clarification, fees). */
  readonly pausesForRequester: string | null;
  /** The sentence that asks for a fee waiver or a fee limit. */
  readonly feeSentence: string;
}

export const JURISDICTION_IDS = ['us-federal', 'us-ca', 'us-ny'] as const;
export type JurisdictionId = (typeof JURISDICTION_IDS)[number];

/**
 * Federal FOIA, the California Public Records Act and New York's Freedom of Information Law.
 * Each period cites its statute; other laws are added here as data.
 */
export const JURISDICTIONS: Readonly<Record<JurisdictionId, Jurisdiction>> = {
  'us-federal': {
    id: 'us-federal', label: 'Federal (FOIA)', law: 'the Freedom of Information Act', lawCitation: '5 U.S.C. 552', calendar: US_FEDERAL,
    // "within 20 days (excepting Saturdays, Sundays, and legal public holidays) after the receipt"
    response: { days: 20, unit: 'business', citation: '5 U.S.C. 552(a)(6)(A)(i)' },
    responseLabel: 'Response due (20 business days, 5 U.S.C. 552(a)(6)(A)(i))',
    afterAcknowledgement: null,
    extension: { days: 10, unit: 'business', citation: '5 U.S.C. 552(a)(6)(B)(i)' },
    // "not less than 90 days after the date of such adverse determination"
    appeal: { days: 90, unit: 'calendar', citation: '5 U.S.C. 552(a)(6)(A)(i)(III)(aa)' },
    appealDecision: { days: 20, unit: 'business', citation: '5 U.S.C. 552(a)(6)(A)(ii)' },
    expedite: { days: 10, unit: 'calendar', citation: '5 U.S.C. 552(a)(6)(E)(ii)(I)' },
    pausesForRequester: '5 U.S.C. 552(a)(6)(A)(ii)(I)–(II): the 20 days are tolled while the agency waits for information it asked for or for clarification of fees',
    feeSentence: 'I ask for a waiver of all fees under 5 U.S.C. 552(a)(4)(A)(iii): disclosure is in the public interest because it is likely to contribute significantly to public understanding of the operations or activities of the government, and is not primarily in my commercial interest.',
  },
  'us-ca': {
    id: 'us-ca', label: 'California (CPRA)', law: 'the California Public Records Act', lawCitation: 'Cal. Gov. Code 7920.000 et seq.', calendar: US_CA,
    response: { days: 10, unit: 'calendar', citation: 'Cal. Gov. Code 7922.535(a)', rollsForward: 'Cal. Code Civ. Proc. 12a' },
    responseLabel: 'Determination due (10 days, Cal. Gov. Code 7922.535(a))',
    afterAcknowledgement: null,
    extension: { days: 14, unit: 'calendar', citation: 'Cal. Gov. Code 7922.535(b)', rollsForward: 'Cal. Code Civ. Proc. 12a' },
    appeal: null,
    appealDecision: null,
    expedite: null,
    pausesForRequester: null,
    feeSentence: 'Please provide electronic copies; any charge is limited to the direct cost of duplication (Cal. Gov. Code 7922.530(a)).',
  },
  'us-ny': {
    id: 'us-ny', label: 'New York (FOIL)', law: 'the Freedom of Information Law', lawCitation: 'N.Y. Public Officers Law 84–90', calendar: US_NY,
    // "within five business days of the receipt of a written request … make such record available …, deny such request in writing or furnish a written acknowledgement"
    response: { days: 5, unit: 'business', citation: 'N.Y. Public Officers Law 89(3)(a)' },
    responseLabel: 'Acknowledgement or response due (5 business days, N.Y. Public Officers Law 89(3)(a))',
    // The acknowledgement states an approximate date "which shall be reasonable under the circumstances … but in no event shall [it] exceed twenty business days from the date of the acknowledgment" (save a written explanation).
    afterAcknowledgement: { days: 20, unit: 'business', citation: 'N.Y. Public Officers Law 89(3)(a)' },
    extension: null,
    appeal: { days: 30, unit: 'calendar', citation: 'N.Y. Public Officers Law 89(4)(a)' },
    appealDecision: { days: 10, unit: 'business', citation: 'N.Y. Public Officers Law 89(4)(a)' },
    expedite: null,
    pausesForRequester: null,
    feeSentence: 'Please provide electronic copies; N.Y. Public Officers Law 87(1)(b)(iii) limits any fee to the cost of reproduction.',
  },
};

/** The jurisdiction with this id; throws on an id no preset has (a programming error). */
export function jurisdictionOf(id: string): Jurisdiction {
  const found = JURISDICTION_IDS.find((known) => known === id);
  if (!found) throw new Error(`no jurisdiction "${id}"`);
  return JURISDICTIONS[found];
}
