/**
 * One position of a holdings file, as the file states it: the issuer's name and whatever
 * identifiers and amounts it gives. Empty where the file gives nothing.
 */
export interface Holding {
  /** Where it is in the file: the line its entry starts on. */
  readonly line: number;
  readonly name: string;
  readonly titleOfClass?: string;
  readonly cusip?: string;
  readonly isin?: string;
  readonly lei?: string;
  readonly ticker?: string;
  /** Market value as filed (13F: whole dollars in filings from 3 January 2023 on, thousands before). */
  readonly value?: number;
  readonly shares?: number;
  /** `SH` shares or `PRN` principal amount (13F `sshPrnamtType`). */
  readonly sharesType?: string;
  readonly putCall?: string;
}
