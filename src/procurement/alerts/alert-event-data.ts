import { basename } from 'node:path';
import { z } from 'zod';
import type { ContractTransaction } from '../contract-transaction.js';
import { PROCUREMENT_EVENTS, type ProcurementEvent } from '../events/classify-event.js';
import type { Alert } from './alert.js';

const text = z.string().max(20_000);

/** A screened transaction as the log carries it (public USAspending/FPDS data; the origin is a file name, never a server path). */
export const contractTransactionSchema = z.strictObject({
  transactionKey: text, awardKey: text, piid: text, modification: text, transactionNumber: text, parentPiid: text, parentAgencyId: text,
  agencyId: text, agencyName: text, subAgencyName: text, actionDate: text, amount: z.number(), actionTypeCode: text, actionType: text,
  description: text, fundingOfficeName: text,
  recipient: z.strictObject({ uei: text, duns: text, cage: text, parentUei: text, parentDuns: text, name: text, nameRaw: text, doingBusinessAs: text, parentName: text, parentNameRaw: text }),
  correctionDeleteInd: z.enum(['', 'C', 'D']), lastModified: text, permalink: text,
  origin: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('file'), file: text, line: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/).optional() }), z.strictObject({ kind: z.literal('url'), url: text })]),
});

const eventSchema = z.custom<ProcurementEvent>((v) => PROCUREMENT_EVENTS.some((e) => e === v), 'a procurement event');

/**
 * What an alert publishes, in its log entry: everything the public sees of it, so `log replay`
 * rebuilds the public alerts. (A review item's details are sealed until it is confirmed.)
 */
export const publicAlertFields = {
  // Entries written before the kernel carried fewer fields; what they lack is optional here.
  decision: z.enum(['alert', 'review']).optional(),
  transactionKey: text,
  awardKey: text.optional(),
  organizationId: text,
  organizationName: text.optional(),
  piid: text,
  modification: text.optional(),
  actionDate: text.optional(),
  amount: z.number().optional(),
  event: eventSchema,
  score: z.number().optional(),
  reasons: z.array(text).optional(),
  origin: text.optional(),
  watchlistVersion: text.optional(),
  transaction: contractTransactionSchema.optional(),
  createdAt: text.optional(),
};

/** The public fields of an alert, for its log entry. */
export function publicAlertData(alert: Alert): z.infer<z.ZodObject<typeof publicAlertFields>> {
  return {
    decision: alert.decision, transactionKey: alert.transactionKey, awardKey: alert.awardKey, organizationId: alert.organizationId, organizationName: alert.organizationName,
    piid: alert.piid, modification: alert.modification, actionDate: alert.actionDate, amount: alert.amount, event: alert.event, score: alert.score,
    reasons: [...alert.reasons], origin: alert.origin, watchlistVersion: alert.watchlistVersion, transaction: alert.transaction, createdAt: alert.createdAt,
  };
}

/** A transaction as an alert keeps it: the file it came from by name only. */
export function withoutServerPath(transaction: ContractTransaction): ContractTransaction {
  const origin = transaction.origin;
  return origin.kind === 'file' ? { ...transaction, origin: { ...origin, file: basename(origin.file.replace(/\\/g, '/')) } } : transaction;
}
