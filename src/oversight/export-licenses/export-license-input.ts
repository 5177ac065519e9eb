import { z } from 'zod';
import { countryName } from '../../registry/labels.js';
import { countrySchema, recordIdSchema } from '../../registry/schemas/common.js';
import { eccnSchema } from './eccn.js';
import { PROVISO_KINDS } from './export-license.js';

/** An ISO 3166-1 alpha-2 code of a country that exists (not merely two capitals). */
export const destinationSchema = countrySchema.refine((code) => countryName(code) !== code, 'is not an ISO 3166-1 alpha-2 country code');

/** `POST /api/v1/export-licenses`: registry ids for the organisations, an ISO code for the destination. */
export const applicationSchema = z.strictObject({
  exporter: recordIdSchema,
  item: z.string().trim().min(3, 'must be at least 3 characters').max(500),
  eccn: eccnSchema,
  endUser: recordIdSchema,
  endUse: z.string().trim().min(3, 'must be at least 3 characters').max(2000),
  destination: destinationSchema,
  /** The licensing agency (a registry organisation); BIS unless given. */
  licensingAgency: recordIdSchema.optional(),
});
export type ApplicationInput = z.input<typeof applicationSchema>;

export const reviewInput = z.strictObject({ note: z.string().trim().min(1).max(4000).optional() });
export const reasonsInput = z.strictObject({ reasons: z.string().trim().min(3, 'give the reasons (at least 3 characters)').max(8000) });

export const provisoInput = z.strictObject({
  kind: z.enum(PROVISO_KINDS),
  text: z.string().trim().min(3, 'must be at least 3 characters').max(4000),
  /** When evidence is due; none for a standing duty such as notifying misuse. */
  dueDate: z.iso.date('must be a date (YYYY-MM-DD)').optional(),
});
export const approvalInput = z.strictObject({
  note: z.string().trim().min(3, 'give the reasons for the approval (at least 3 characters)').max(8000),
  provisos: z.array(provisoInput).min(1, 'an approved licence carries at least one proviso').max(20),
});
export const evidenceInput = z.strictObject({
  proviso: z.uuid('must be the id of one of the licence\'s provisos'),
  summary: z.string().trim().min(3, 'must be at least 3 characters').max(8000),
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
});
export const revocationReviewInput = z.strictObject({
  reasons: z.string().trim().min(3, 'give the reasons (at least 3 characters)').max(8000),
  incident: recordIdSchema.optional(),
  /** The registry designation that is the new evidence, if any. */
  designation: z.string().trim().min(1).max(100).optional(),
});

export const linkIncidentInput = z.strictObject({
  reasons: z.string().trim().min(3, 'give the reasons (at least 3 characters)').max(8000),
  incident: recordIdSchema,
});

/** `POST /api/v1/export-licenses/risk-list`: a destination and what the cited registry sources state. */
export const riskEntryInput = z.strictObject({
  country: destinationSchema,
  reason: z.string().trim().min(10, 'must be at least 10 characters').max(4000),
  sources: z.array(recordIdSchema).min(1, 'an entry cites at least one registry source').max(20),
  incidents: z.array(recordIdSchema).max(50).default([]),
});

export const PROVISO_KIND_LABELS: Readonly<Record<(typeof PROVISO_KINDS)[number], string>> = {
  'due-diligence-report': 'Human-rights due-diligence report',
  'legitimate-use-limit': 'Limit to legitimate use',
  clawback: 'Clawback terms',
  'notify-misuse': 'Duty to notify misuse',
  other: 'Other condition',
};
