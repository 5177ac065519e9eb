import { z } from 'zod';
import { nameSchema, partialDateSchema, recordIdSchema, recordStatusSchema, textSchema } from './common.js';

/** A document a fact rests on: a press release, a letter, a court filing, a report. */
export const sourceSchema = z.strictObject({
  id: recordIdSchema,
  title: nameSchema.max(1000),
  publisher: nameSchema.max(1000).optional(),
  date: partialDateSchema.optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** A file the source is kept in, relative to the dataset (e.g. a letter's text). */
  file: z.string().regex(/^[\w./-]+$/).max(300).optional(),
  notes: textSchema.optional(),
  status: recordStatusSchema.default('documented'),
});
export type Source = z.infer<typeof sourceSchema>;
