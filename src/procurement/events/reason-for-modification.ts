/**
 * FPDS-NG `reasonForModification` codes (= USAspending's contract `action_type_code`), as in
 * dataset/fpds/reason-for-modification.csv. Kept here as a constant so event classification stays
 * pure; a test checks it against the dataset file so the two cannot drift.
 */
export const REASON_FOR_MODIFICATION: Readonly<Record<string, string>> = {
  A: 'Additional Work (new agreement)',
  B: 'Supplemental Agreement for work within scope',
  C: 'Funding Only Action',
  D: 'Change Order',
  E: 'Terminate for Default',
  F: 'Terminate for Convenience',
  G: 'Exercise an Option',
  H: 'Definitize Letter Contract',
  J: 'Novation Agreement',
  K: 'Close Out',
  L: 'Definitize Change Order',
  M: 'Other Administrative Action',
  N: 'Legal Contract Cancellation',
  P: 'Rerepresentation of Non-Novated Merger/Acquisition',
  R: 'Rerepresentation',
  S: 'Change PIID',
  T: 'Transfer Action',
  V: 'Unique Entity ID or Legal Business Name Change - Non-Novated',
  W: 'Entity Address Change',
  X: 'Terminate for Cause',
  Y: 'Add Subcontracting Plan',
};

/** Codes that end the contract (default, convenience, cause, legal cancellation). */
export const TERMINATION_CODES: ReadonlySet<string> = new Set(['E', 'F', 'N', 'X']);

/** The code for a modification that only adds or removes funds. */
export const FUNDING_ONLY_CODE = 'C';
