import { z } from 'zod';
import { DRAFT_SUBJECT_KINDS } from './draft-subject.js';
import { JURISDICTION_IDS } from './jurisdictions.js';
import { MESSAGE_KINDS, OUTCOMES, REQUEST_STATUSES, type DisclosureRequest, type RequestDocument, type RequestMessage, type TrackingNumber } from './disclosure-request.js';
import type { DisclosureRequestsTransaction } from './requests-transaction.js';

const text = z.string().max(200_000);
const date = z.string().max(40);

/** A filed request as the public sees it (and as its log entries carry it, so `log replay` rebuilds it). */
export const publicRequestSchema = z.strictObject({
  id: z.uuid(), status: z.enum(REQUEST_STATUSES), requesterUserId: text, requesterName: text, jurisdiction: z.enum(JURISDICTION_IDS),
  agencyId: text, agencyName: text, addressee: text, subjectKind: z.enum(DRAFT_SUBJECT_KINDS), subjectId: text, piid: text.nullable(), awardKey: text.nullable(),
  title: text, letter: text, expedited: z.boolean(), createdAt: date, receivedAt: date.nullable(), dueDate: date.nullable(), daysAllowed: z.number().int().nullable(),
  daysUsed: z.number().int(), clockRunningSince: date.nullable(), extended: z.boolean(), overdue: z.boolean(),
  determination: z.strictObject({ outcome: z.enum(OUTCOMES), date, note: text.nullable() }).nullable(),
  feeAmount: z.number().nullable(), feePaidAt: date.nullable(), closedAt: date.nullable(),
});

export const trackingSchema = z.strictObject({ requestId: z.uuid(), number: text, label: text.nullable(), addedAt: date });
export const messageSchema = z.strictObject({ id: z.uuid(), requestId: z.uuid(), direction: z.enum(['sent', 'received', 'draft']), kind: z.enum(MESSAGE_KINDS), subject: text, body: text, date, createdAt: date });
/** A document's public metadata: its hash is in the log from the moment it is received; its bytes are not. */
export const documentMetaSchema = z.strictObject({
  id: z.uuid(), requestId: z.uuid(), messageId: z.uuid().nullable(), fileName: text, mediaType: text, size: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pages: z.number().int().nullable(), embargoUntil: date, embargoExtended: z.boolean(), noticeSentAt: date.nullable(), publishedAt: date.nullable(), uploadedAt: date,
});

/** What every step of a filed request adds to its entry: the request, its tracking numbers and documents, and a new message if any. */
export const publicStepFields = {
  snapshot: publicRequestSchema.optional(),
  tracking: z.array(trackingSchema).optional(),
  documents: z.array(documentMetaSchema).optional(),
  message: messageSchema.optional(),
  /** A document step names its document (and, on receipt, its SHA-256; on extension, the new end). */
  document: z.uuid().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  until: z.string().max(40).optional(),
};

/** The public fields of a request and its parts after a step: nothing while it is a draft (drafts are the requester's own). */
export async function publicStepData(tx: DisclosureRequestsTransaction, id: string, message?: RequestMessage): Promise<Record<string, unknown>> {
  const request = await tx.requests.get(id);
  if (!request) throw new Error(`request ${id} vanished inside its own transaction`);
  if (request.receivedAt === null) return {};
  const snapshot: DisclosureRequest = { ...request };
  const tracking: TrackingNumber[] = await tx.requests.trackingNumbers(id);
  const documents: RequestDocument[] = await tx.requests.documents(id);
  return { snapshot, tracking, documents, ...(message && message.direction !== 'draft' ? { message } : {}) };
}
