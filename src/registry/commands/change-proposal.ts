import { z } from 'zod';
import { partialDateSchema, recordIdSchema, recordTypeSchema, sourceIdsSchema, textSchema } from '../schemas/common.js';

/**
 * What an analyst may propose: a whole record (new or changed), or the delisting of a
 * designation. The record itself is validated against its type's schema separately, so errors
 * name its fields (`record.country`).
 */
export const changeProposalSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('upsert'),
    recordType: recordTypeSchema,
    record: z.record(z.string(), z.unknown()).describe('the record, in the shape GET /api/v1/record-schemas/{recordType} gives (validated against it, errors naming its fields: record.country)'),
    note: textSchema.optional(),
  }),
  z.strictObject({
    action: z.literal('delist'),
    designationId: recordIdSchema,
    delisted: partialDateSchema,
    reason: textSchema.optional(),
    sources: sourceIdsSchema,
    note: textSchema.optional(),
  }),
]);
export type ChangeProposal = z.infer<typeof changeProposalSchema>;

export const delistingSchema = z.strictObject({
  delisted: partialDateSchema,
  reason: textSchema.optional(),
  sources: sourceIdsSchema,
});
export type Delisting = z.infer<typeof delistingSchema>;
