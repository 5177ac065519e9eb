import { z } from 'zod';
import { COMPLAINT_OUTCOMES } from '../../../disclosure/complaints/complaint-store.js';
import { NOTICE_METHODS } from '../../../disclosure/target-notices/target-notice-store.js';
import { AGENCY_TYPES } from '../../../disclosure/vendor-reports/vendor-report-store.js';

const complaintStatus = z.enum(['received', 'under-review', 'closed']);

/** A complaint as its oversight body's handlers see it: the complainant's fields (null once erased) and evidence without keys. */
export const complaintPresenter = z.object({
  id: z.uuid(),
  body: z.string().nullable(),
  status: complaintStatus,
  receivedAt: z.string(),
  routedAt: z.string().nullable(),
  consentAt: z.string().nullable(),
  incidentId: z.string().nullable(),
  outcome: z.enum(COMPLAINT_OUTCOMES).nullable(),
  closedAt: z.string().nullable(),
  erasedAt: z.string().nullable(),
  name: z.string().nullable(),
  contact: z.string().nullable(),
  account: z.string().nullable(),
  message: z.string().nullable(),
  evidence: z.array(z.object({ fileName: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string() })),
});

/** What the complainant sees through the private link: the state, never anything that identifies them beyond the body's message. */
export const complaintStatusPresenter = z.object({
  id: z.uuid(),
  body: z.string().nullable(),
  status: complaintStatus,
  receivedAt: z.string(),
  consentAt: z.string().nullable(),
  incidentId: z.string().nullable(),
  outcome: z.enum(COMPLAINT_OUTCOMES).nullable(),
  closedAt: z.string().nullable(),
  erasedAt: z.string().nullable(),
  message: z.string().nullable(),
});

/** What the complainant gets back on filing: the status token, shown once, and its page. */
export const complaintReceiptPresenter = z.object({
  id: z.uuid(),
  status: z.literal('received'),
  receivedAt: z.string(),
  statusToken: z.string().describe('the only key to the private status page; keep it'),
  statusUrl: z.string(),
});

export const targetNoticePresenter = z.object({
  id: z.uuid(),
  authorizationId: z.string(),
  agency: z.string().nullable(),
  status: z.enum(['due', 'prepared', 'sent']),
  dueAt: z.string(),
  openedAt: z.string(),
  preparedAt: z.string().nullable(),
  sentOn: z.string().nullable(),
  method: z.enum(NOTICE_METHODS).nullable(),
});

const place = { country: z.string(), agencyType: z.enum(AGENCY_TYPES) };

export const vendorReportPresenter = z.object({
  id: z.uuid(),
  vendor: z.string(),
  year: z.number().int(),
  status: z.literal('published'),
  selfIdentification: z.string(),
  products: z.array(z.string()),
  dueDiligence: z.string(),
  risksAddressed: z.string(),
  sales: z.array(z.object({ ...place, description: z.string().optional() })),
  rejectedClients: z.array(z.object({ ...place, reason: z.string() })),
  filedBy: z.string(),
  filedAt: z.string(),
  annotations: z.array(z.object({ id: z.uuid(), note: z.string(), sourceId: z.string().nullable(), incidentId: z.string().nullable(), createdBy: z.string(), createdAt: z.string() })),
});
