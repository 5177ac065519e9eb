import { z } from 'zod';
import { ueiSchema } from './organization.js';
import { screenedObservationSchema } from './screened-observation.js';
import { nameSchema, partialDateSchema, recordIdSchema, recordStatusSchema, sourceIdsSchema, textSchema } from './common.js';

/** What happened to a contract in one transaction (FPDS has no stop-work code; see procurement/). */
export const CONTRACT_EVENTS = ['award', 'modification', 'stop-work', 'stop-work-lifted', 'termination', 'funding', 'deletion'] as const;
export type ContractEvent = (typeof CONTRACT_EVENTS)[number];

/** Federal Procurement Instrument Identifier: agency-assigned, letters and digits. */
export const piidSchema = z.string().regex(/^[A-Z0-9-]{4,50}$/, 'must be a PIID (upper-case letters, digits, hyphens)');

export const contractTransactionSchema = z.strictObject({
  id: recordIdSchema.optional(),
  event: z.enum(CONTRACT_EVENTS),
  date: partialDateSchema.optional(),
  modification: z.string().regex(/^[A-Z0-9-]{1,30}$/).optional(),
  /** USAspending's contract_transaction_unique_key, when the transaction came from procurement data. */
  transactionKey: z.string().min(5).max(200).optional(),
  amount: z.number().finite().optional(),
  description: textSchema.optional(),
  note: textSchema.optional(),
  sources: sourceIdsSchema,
  status: recordStatusSchema.default('documented'),
  /** What screened procurement rows say of it, beside (never over) the documented values. */
  screened: z.array(screenedObservationSchema).optional(),
});
export type ContractTransactionRecord = z.infer<typeof contractTransactionSchema>;

export const contractSchema = z.strictObject({
  piid: piidSchema,
  /** USAspending's contract_award_unique_key. */
  awardKey: z.string().regex(/^CONT_AWD_[A-Z0-9_-]+$/, 'must be a USAspending award key CONT_AWD_…').optional(),
  awardKeyNote: textSchema.optional(),
  buyer: recordIdSchema.optional(),
  fundingOffice: recordIdSchema.optional(),
  recipient: recordIdSchema.optional(),
  recipientUei: ueiSchema.optional(),
  value: z.number().finite().nonnegative().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).default('USD'),
  competition: nameSchema.optional(),
  term: nameSchema.optional(),
  description: textSchema.optional(),
  notes: textSchema.optional(),
  sources: sourceIdsSchema,
  status: recordStatusSchema.default('documented'),
  /** What screened procurement rows say of it, beside (never over) the documented values. */
  screened: z.array(screenedObservationSchema).optional(),
  transactions: z.array(contractTransactionSchema).default([]),
});
export type Contract = z.infer<typeof contractSchema>;

/**
 * A transaction's id when none is given: its USAspending key if it has one, else contract, event
 * and date — stable across imports.
 */
export function transactionId(piid: string, t: Pick<ContractTransactionRecord, 'id' | 'event' | 'date' | 'transactionKey' | 'modification'>): string {
  if (t.id) return t.id;
  const tail = t.modification ? `mod-${t.modification}` : `${t.event}-${t.date ?? 'undated'}`;
  return `${piid}--${tail}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 100);
}
