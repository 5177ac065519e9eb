import type { RecipientFields } from './matching/types.js';

/** Where a transaction was read: a file and line (CSV, XML) or a URL (API). */
export type TransactionOrigin =
  | { readonly kind: 'file'; readonly file: string; readonly line: number; readonly sha256?: string }
  | { readonly kind: 'url'; readonly url: string };

/** `C` corrected, `D` deleted, `` added or a full file (USAspending monthly delta files). */
export type CorrectionDeleteIndicator = '' | 'C' | 'D';

/**
 * One federal contract action, normalised from any input (USAspending CSV or API JSON, FPDS
 * ATOM). Text fields are empty strings where the input leaves them blank.
 *
 * `actionTypeCode` is USAspending's contract `action_type_code`, which is FPDS's
 * `reasonForModification` letter (dataset/fpds/reason-for-modification.csv).
 */
export interface ContractTransaction {
  readonly transactionKey: string;
  readonly awardKey: string;
  readonly piid: string;
  readonly modification: string;
  readonly transactionNumber: string;
  readonly parentPiid: string;
  /** The agency that issued the referenced IDV (`parent_award_agency_id`). */
  readonly parentAgencyId: string;
  /** The awarding sub-tier agency code (`awarding_sub_agency_code`, FPDS `agencyID`). */
  readonly agencyId: string;
  readonly agencyName: string;
  readonly subAgencyName: string;
  /** ISO date, YYYY-MM-DD. */
  readonly actionDate: string;
  /** `federal_action_obligation` in US dollars; 0 when blank. */
  readonly amount: number;
  readonly actionTypeCode: string;
  readonly actionType: string;
  readonly description: string;
  readonly fundingOfficeName: string;
  readonly recipient: RecipientFields;
  readonly correctionDeleteInd: CorrectionDeleteIndicator;
  readonly lastModified: string;
  readonly permalink: string;
  readonly origin: TransactionOrigin;
}

/** Empty recipient fields, for inputs that carry none (a delta file's delete rows). */
export const EMPTY_RECIPIENT: RecipientFields = {
  uei: '',
  duns: '',
  cage: '',
  parentUei: '',
  parentDuns: '',
  name: '',
  nameRaw: '',
  doingBusinessAs: '',
  parentName: '',
  parentNameRaw: '',
};
