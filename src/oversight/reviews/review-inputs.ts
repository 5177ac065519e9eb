import { z } from 'zod';
import { recordIdSchema } from '../../registry/schemas/common.js';
import { DECISIONS, EXEMPTION_PURPOSES, FACTOR_KINDS, FACTOR_PRESENCE, evidenceRefSchema } from './acquisition-review.js';

const partialDate = z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be an ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD');
const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'must be an ISO 8601 date (YYYY-MM-DD) or timestamp' });
const note = z.string().trim().min(1).max(5000);
const evidence = z.array(evidenceRefSchema).max(200);

/** `POST /acquisition-reviews`: who reviews what, for which purpose, from when. */
export const openReviewInput = z.strictObject({
  agency: recordIdSchema,
  product: recordIdSchema,
  vendor: recordIdSchema,
  /** A contract's PIID. */
  contract: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{2,49}$/, 'must be a PIID (capital letters, digits, hyphens)').optional(),
  purpose: z.string().trim().min(3).max(5000),
  /** The uses the review will authorise, in the agency's words. */
  uses: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  requestedStart: partialDate,
  /** When the review was opened, if earlier than recorded (a review documented from the public record). */
  openedOn: partialDate.optional(),
  /** For a review documented from the public record: the registry sources that document it. */
  sources: z.array(recordIdSchema).max(50).optional(),
  /** A stable id (the bundled dataset's cases); a random one otherwise. */
  id: recordIdSchema.optional(),
});
export type OpenReviewInput = z.infer<typeof openReviewInput>;

export const answerFactorInput = z.strictObject({
  factor: z.enum(FACTOR_KINDS),
  presence: z.enum(FACTOR_PRESENCE),
  answer: note,
  /** Replaces the factor's evidence when given. */
  evidence: evidence.optional(),
});

/** A procurement step: when, a note, evidence. */
export const procurementStepInput = z.strictObject({ on: partialDate.optional(), note: note.optional(), evidence: evidence.optional() });

export const determinationInput = z.strictObject({
  decision: z.enum(DECISIONS),
  justification: z.string().trim().min(1).max(10_000).optional(),
  conditions: z.string().trim().min(1).max(10_000).optional(),
  /** A part of the justification that may not be published (classified): sealed — committed in the log, its text only in the seal store. */
  sealedJustification: z.string().trim().min(1).max(10_000).optional(),
});

export const noticeInput = z.strictObject({ notifiedAt: dateOrInstant, note: note.optional(), evidence: evidence.optional() });
export const consentInput = z.strictObject({ consentedAt: dateOrInstant, note: note.optional(), evidence: evidence.optional() });
export const stopWorkInput = z.strictObject({ reason: note, orderedOn: partialDate.optional(), evidence: evidence.optional() });
export const resumeInput = z.strictObject({ reason: note, liftedOn: partialDate.optional(), evidence: evidence.optional() });
export const exemptionInput = z.strictObject({ purpose: z.enum(EXEMPTION_PURPOSES), purchasedOn: z.iso.date(), description: note });
export const exemptionNoticeInput = z.strictObject({ exemption: z.string().min(1).max(100), notifiedOn: z.iso.date() });
export const waiverInput = z.strictObject({ grantedAt: dateOrInstant.optional(), expiresOn: z.iso.date(), reason: note });
export const waiverNoticeInput = z.strictObject({ waiver: z.string().min(1).max(100), notifiedAt: dateOrInstant });
export const reEvaluateInput = z.strictObject({ trigger: evidenceRefSchema, title: z.string().max(1000) });
export const expireWaiverInput = z.strictObject({});
