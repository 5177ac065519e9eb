import { z } from 'zod';
import { recordTypeSchema } from '../../../registry/schemas/common.js';

/**
 * A change as the API shows it: its record, action and content (an applied change's content is
 * public; a pending one is shown to analysts only, by the route), who proposed and reviewed it.
 * Seal-store references stay inside.
 */
export const changePresenter = z.object({
  id: z.uuid(),
  recordType: recordTypeSchema,
  recordId: z.string().nullable().describe('null when a sealed proposal was shredded'),
  action: z.enum(['upsert', 'status', 'delist']),
  data: z.unknown().describe('the record or action input'),
  status: z.enum(['pending', 'applied', 'rejected']),
  proposedBy: z.string().describe('pseudonymous actor id'),
  proposedAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
});
