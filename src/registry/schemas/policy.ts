import { z } from 'zod';
import { countrySchema, fullDateSchema, nameSchema, partialDateSchema, recordIdSchema, recordStatusSchema, sourceIdsSchema, textSchema } from './common.js';

/** A law, executive order or joint statement that governs commercial spyware. */
export const policySchema = z.strictObject({
  id: recordIdSchema,
  title: nameSchema.max(1000),
  jurisdiction: z.string().regex(/^[A-Z]{2,3}$/).optional(),
  date: partialDateSchema.optional(),
  summary: textSchema.optional(),
  /** Signatory countries by the date they joined. */
  signatories: z.record(fullDateSchema, z.array(countrySchema)).optional(),
  notes: textSchema.optional(),
  sources: sourceIdsSchema,
  status: recordStatusSchema.default('documented'),
});
export type Policy = z.infer<typeof policySchema>;
