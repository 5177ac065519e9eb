import { z } from 'zod';
import type { Alert } from '../../../procurement/alerts/alert.js';
import { PROCUREMENT_EVENTS } from '../../../procurement/events/classify-event.js';

/** An alert as the API shows it: the match and its reasons, without the internal transaction record. */
export const alertPresenter = z.object({
  id: z.uuid(),
  transactionKey: z.string(),
  awardKey: z.string(),
  piid: z.string(),
  modification: z.string(),
  actionDate: z.string(),
  amount: z.number(),
  organizationId: z.string(),
  organizationName: z.string(),
  event: z.enum(PROCUREMENT_EVENTS),
  decision: z.enum(['alert', 'review']),
  score: z.number(),
  reasons: z.array(z.string()),
  status: z.enum(['raised', 'pending', 'confirmed', 'dismissed', 'retracted']),
  retraction: z.object({ retractedBy: z.string(), retractedAt: z.string(), reason: z.string() }).nullable().describe('set once an editor retracted the alert: who, when and why'),
  origin: z.string().describe('the file name and line, or the API URL, it was found in'),
  watchlistVersion: z.string(),
  createdAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  description: z.string(),
  agency: z.string(),
  contractUrl: z.string(),
  usaspendingUrl: z.string(),
});

/** An alert as the API shows it (the stored transaction is internal; a few of its fields are shown). */
export function presentAlert(alert: Alert): z.input<typeof alertPresenter> {
  const { transaction, ...rest } = alert;
  return {
    ...rest,
    retraction: alert.retraction ?? null,
    reasons: [...rest.reasons],
    description: transaction.description,
    agency: transaction.subAgencyName || transaction.agencyName,
    contractUrl: `/contracts/${encodeURIComponent(alert.piid)}`,
    usaspendingUrl: transaction.permalink || `https://www.usaspending.gov/award/${encodeURIComponent(alert.awardKey)}/`,
  };
}
