import { z } from 'zod';
import { countrySchema, nameSchema, partialDateSchema, recordIdSchema, recordStatusSchema, sourceIdsSchema, textSchema } from './common.js';
import { isValidCusip, isValidIsin, isValidLei } from './security-identifiers.js';

export const ORGANIZATION_KINDS = ['vendor', 'subsidiary', 'investor', 'government-agency', 'company', 'other'] as const;

/**
 * SAM.gov Unique Entity ID: 12 characters, letters and digits without I or O, not starting with 0.
 * The check digit's algorithm is unpublished, so it is not checked.
 */
export const ueiSchema = z.string().regex(/^[A-HJ-NP-Z1-9][A-HJ-NP-Z0-9]{11}$/, 'must be a 12-character SAM.gov UEI');

export const identifiersSchema = z.strictObject({
  uei: ueiSchema.optional(),
  /** Legacy 9-digit DUNS number (rows before April 2022 often carry only this). */
  duns: z.string().regex(/^\d{9}$/, 'must be a 9-digit DUNS number').optional(),
  /** Commercial and Government Entity code: 5 characters. */
  cage: z.string().regex(/^[A-Z0-9]{5}$/, 'must be a 5-character CAGE code').optional(),
  /** Legal Entity Identifier (ISO 17442), check digits verified. */
  lei: z.string().regex(/^[A-Z0-9]{20}$/, 'must be a 20-character LEI').refine(isValidLei, 'is not a valid LEI: its check digits (ISO 7064 MOD 97-10) do not match').optional(),
  /** CUSIP of the issuer's listed security (ANSI X9.6); its first six characters name the issuer. */
  cusip: z.string().regex(/^[0-9A-Z*@#]{8}[0-9]$/, 'must be a 9-character CUSIP').refine(isValidCusip, 'is not a valid CUSIP: its check digit does not match').optional(),
  /** ISIN of the issuer's listed security (ISO 6166). */
  isin: z.string().regex(/^[A-Z]{2}[0-9A-Z]{9}[0-9]$/, 'must be a 12-character ISIN').refine(isValidIsin, 'is not a valid ISIN: its check digit does not match').optional(),
  /** Exchange ticker symbol, as the source gives it (`AXON`, `BRK.B`); tickers carry no check digit. */
  ticker: z.string().regex(/^[A-Z0-9][A-Z0-9.\-]{0,11}$/, 'must be a ticker symbol: upper-case letters, digits, "." or "-"').optional(),
  /**
   * FBI Originating Agency Identifier of a law-enforcement agency (9 characters: the state's
   * two letters and seven more), as the EFF Atlas of Surveillance publishes it.
   */
  ori: z.string().regex(/^[A-Z]{2}[A-Z0-9]{7}$/, 'must be a 9-character ORI such as CA0194200').optional(),
});
export type Identifiers = z.infer<typeof identifiersSchema>;

export const formerNameSchema = z.strictObject({ name: nameSchema, until: partialDateSchema.optional() });

export const organizationSchema = z.strictObject({
  id: recordIdSchema,
  name: nameSchema,
  kind: z.enum(ORGANIZATION_KINDS),
  country: countrySchema.optional(),
  locality: nameSchema.optional(),
  aliases: z.array(nameSchema).optional(),
  formerNames: z.array(formerNameSchema).optional(),
  identifiers: identifiersSchema.optional(),
  /** Shorthand for a part-of relationship to a parent organisation (a government agency's department). */
  parent: recordIdSchema.optional(),
  notes: textSchema.optional(),
  sources: sourceIdsSchema,
  status: recordStatusSchema.default('reported'),
});
export type Organization = z.infer<typeof organizationSchema>;
