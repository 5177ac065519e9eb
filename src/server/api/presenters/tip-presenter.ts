import { z } from 'zod';

/** A tip as analysts see it (a shredded field is null). */
export const tipPresenter = z.object({
  id: z.uuid(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  contact: z.string().nullable(),
  status: z.enum(['pending', 'accepted', 'dismissed']),
  submittedAt: z.string(),
  moderatedBy: z.string().nullable(),
  moderatedAt: z.string().nullable(),
  moderationNote: z.string().nullable(),
});

/** What the tipster gets back: the receipt token, shown once, and its page. */
export const tipReceiptPresenter = z.object({
  id: z.uuid(),
  status: z.literal('pending'),
  submittedAt: z.string(),
  receipt: z.string().describe('the only key to the receipt page; keep it'),
  receiptUrl: z.string(),
});
