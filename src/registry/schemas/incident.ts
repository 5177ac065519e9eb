import { z } from 'zod';
import { countrySchema, nameSchema, partialDateSchema, recordIdSchema, recordStatusSchema, sourceIdsSchema, textSchema } from './common.js';

/** Documented abuse: who was targeted, where, with which product, and who confirmed it forensically. */
export const incidentSchema = z.strictObject({
  id: recordIdSchema,
  title: nameSchema.max(1000),
  summary: textSchema.optional(),
  date: partialDateSchema.optional(),
  countries: z.array(countrySchema).default([]),
  targetCategories: z.array(z.string().regex(/^[a-z][a-z-]{1,60}$/, 'must be a lower-case category such as journalist')).default([]),
  forensicConfirmation: textSchema.optional(),
  /** The product used; `products` for several. */
  product: recordIdSchema.optional(),
  products: z.array(recordIdSchema).optional(),
  /** The vendor of the product; `vendors` for several. */
  vendor: recordIdSchema.optional(),
  vendors: z.array(recordIdSchema).optional(),
  notes: textSchema.optional(),
  sources: sourceIdsSchema,
  status: recordStatusSchema.default('documented'),
});
export type Incident = z.infer<typeof incidentSchema>;

/** Products and vendors of an incident, whichever form the record used. */
export function incidentSubjects(incident: Incident): { products: string[]; vendors: string[] } {
  const products = [...(incident.product ? [incident.product] : []), ...(incident.products ?? [])];
  const vendors = [...(incident.vendor ? [incident.vendor] : []), ...(incident.vendors ?? [])];
  return { products: [...new Set(products)], vendors: [...new Set(vendors)] };
}
