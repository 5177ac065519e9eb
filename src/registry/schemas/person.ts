import { z } from 'zod';
import { countrySchema, nameSchema, recordIdSchema, recordStatusSchema, sourceIdsSchema, textSchema } from './common.js';

export const personSchema = z.strictObject({
  id: recordIdSchema,
  name: nameSchema,
  aliases: z.array(nameSchema).optional(),
  role: nameSchema.max(1000).optional(),
  nationality: countrySchema.optional(),
  notes: textSchema.optional(),
  sources: sourceIdsSchema,
  status: recordStatusSchema.default('documented'),
});
export type Person = z.infer<typeof personSchema>;
