import { z } from 'zod';
import { nameSchema, partialDateSchema, recordIdSchema, recordStatusSchema, sourceIdsSchema, textSchema } from './common.js';

/**
 * A listing by an authority (US-BIS Entity List, US-OFAC SDN, EU sanctions …). Delistings happen:
 * a designation keeps its listing date and gains a delisting date; it is never deleted.
 */
export const designationSchema = z.strictObject({
  id: recordIdSchema.optional(),
  subject: recordIdSchema,
  authority: z.string().regex(/^[A-Z]{2,3}(?:-[A-Z0-9]{2,12})?$/, 'must be an authority code such as US-BIS or US-OFAC'),
  list: nameSchema.max(200),
  listed: partialDateSchema,
  delisted: partialDateSchema.optional(),
  reason: textSchema.optional(),
  delistingReason: textSchema.optional(),
  sources: sourceIdsSchema,
  status: recordStatusSchema.default('documented'),
});
export type Designation = z.infer<typeof designationSchema>;

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** A designation's id when none is given: subject, authority, list and listing date. */
export function designationId(d: Pick<Designation, 'id' | 'subject' | 'authority' | 'list' | 'listed'>): string {
  return d.id ?? `${d.subject}--${slug(d.authority)}--${slug(d.list)}--${d.listed}`.slice(0, 100);
}
