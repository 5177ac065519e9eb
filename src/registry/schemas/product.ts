import { z } from 'zod';
import { nameSchema, recordIdSchema, recordStatusSchema, sourceIdsSchema, textSchema } from './common.js';

export const productSchema = z.strictObject({
  id: recordIdSchema,
  name: nameSchema,
  vendor: recordIdSchema,
  aliases: z.array(nameSchema).optional(),
  capabilities: z.array(textSchema).default([]),
  notes: textSchema.optional(),
  sources: sourceIdsSchema,
  status: recordStatusSchema.default('reported'),
});
export type Product = z.infer<typeof productSchema>;
