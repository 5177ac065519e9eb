import { z } from 'zod';
import { countrySchema, nameSchema, partialDateSchema, recordIdSchema, recordStatusSchema, sourceIdsSchema, textSchema } from './common.js';

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
  lei: z.string().regex(/^[A-Z0-9]{20}$/, 'must be a 20-character LEI').optional(),
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
