import { z } from 'zod';
import { dataCategoryListSchema } from './data-categories.js';
import { LEGAL_AUTHORITIES } from './authorization.js';

const isoDate = z.iso.date('an ISO date (YYYY-MM-DD)');
const id = z.string().trim().min(1).max(200);

/** What `POST /authorizations` takes (the agency is the review's). */
const requestShape = {
  review: id,
  offenceCategory: z.string({ error: 'required: an authorisation names a serious-crime category (GET /api/v1/offence-categories)' }).trim().min(1, 'required: an authorisation names a serious-crime category'),
  validFrom: isoDate,
  validTo: isoDate,
  legalAuthority: z.enum(LEGAL_AUTHORITIES),
  issuingCourt: z.string().trim().min(1).max(300),
  jurisdiction: z.string().trim().min(1).max(100).default('federal'),
  /** Sealed: the plaintext lives only in the seal store. */
  docketNumber: z.string().trim().min(1).max(200),
  /** Sealed; the public sees the keyed pseudonym. */
  target: z.string().trim().min(1).max(500),
  dataCategories: dataCategoryListSchema,
  retentionDays: z.number().int().min(0).max(3650),
  /** The delayed-notice date: when the target must be told (18 U.S.C. § 2518(8)(d) style). */
  noticeDate: isoDate,
};

function withDateOrder<T extends z.ZodType<{ validFrom: string; validTo: string; noticeDate: string }>>(schema: T): T {
  return schema
    .refine((a) => a.validTo >= a.validFrom, { path: ['validTo'], message: 'must be on or after validFrom' })
    .refine((a) => a.noticeDate >= a.validTo, { path: ['noticeDate'], message: 'must be on or after validTo: the target is told once the authorisation has ended' });
}

export const authorizationRequestSchema = withDateOrder(z.strictObject(requestShape));
export type AuthorizationRequest = z.infer<typeof authorizationRequestSchema>;

/** The opening step's input: the request, with the agency read from its review. */
export const authorizationOpeningSchema = withDateOrder(z.strictObject({ ...requestShape, agency: id }));
export type AuthorizationOpening = z.infer<typeof authorizationOpeningSchema>;

export const courtOrderSchema = z.string().trim().min(1, 'cite the court order').max(500);

export const extendWindowInput = z.strictObject({ validTo: isoDate, courtOrder: courtOrderSchema });
export const extendNoticeInput = z.strictObject({ noticeDate: isoDate, courtOrder: courtOrderSchema });
export const noticeGivenInput = z.strictObject({ note: z.string().trim().max(2000).optional() });
export const deletionInput = z.strictObject({ note: z.string().trim().max(2000).optional() });
export const sharingInput = z.strictObject({
  recipient: z.string().trim().min(1).max(300),
  /** The legal basis of the sharing; leaving it out is recorded — and is an audit finding. */
  legalBasis: z.string().trim().min(1).max(500).optional(),
});
export const unsealInput = z.strictObject({ field: z.enum(['docketNumber', 'target']), courtOrder: courtOrderSchema });
