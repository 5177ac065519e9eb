import type { Hono } from 'hono';
import { z } from 'zod';
import { authorize, can } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import { reviewScreeningMatch } from '../../procurement/alerts/review-screening-match.js';
import { PROCUREMENT_EVENTS } from '../../procurement/events/classify-event.js';
import { runCommand } from '../../server/api/command-runner.js';
import type { AppEnv } from '../../server/app-env.js';
import { KyselyAlertStore } from '../../store/procurement/kysely-alert-store.js';
import { alertReviewPage } from '../pages/alert-review-page.js';
import { alertsPage } from '../pages/alerts-page.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { formFields, pageFrame, pageResponse } from './page-response.js';
import { PUBLIC_ALERT_STATUSES, readAlertList } from '../../store/procurement/read-alert-list.js';

const PAGE_SIZE = 20;

const uuid = z.uuid();
const offsetSchema = z.coerce.number().int().min(0).max(100_000).default(0);
const alertsQuerySchema = z.object({
  organization: z.string().trim().max(100).optional().transform((v) => (v === '' ? undefined : v)),
  event: z.union([z.literal('').transform(() => undefined), z.enum(PROCUREMENT_EVENTS)]).optional(),
  offset: offsetSchema,
});
const reviewQuerySchema = z.object({ done: z.enum(['confirmed', 'dismissed']).optional(), offset: offsetSchema });
const reviewFormSchema = z.object({
  decision: z.enum(['confirm', 'dismiss']),
  note: z.string().trim().max(2000).optional().transform((v) => (v === '' ? undefined : v)),
});

/**
 * Procurement alerts as pages: /alerts for everyone (raised and confirmed alerts, filtered by
 * organisation and event), and for analysts the review queue at /alerts/review, where each weak
 * match is confirmed or dismissed through a plain form (303 back to the queue). The command checks
 * the role again, so a forged form from anyone else is refused.
 *
 * @example
 * addAlertPageRoutes(app, { store, now });
 */
export function addAlertPageRoutes(app: Hono<AppEnv>, { store, now = () => new Date() }: PortalDependencies): void {
  const queueSize = async (): Promise<number> => (await new KyselyAlertStore(store.db).list({ status: 'pending' }, 0, 0)).total;

  app.get('/alerts', async (c) => {
    const request = parseInput(alertsQuerySchema, c.req.query(), 'alert filters');
    const list = await readAlertList(store.db, { statuses: PUBLIC_ALERT_STATUSES, organizationId: request.organization, event: request.event, limit: PAGE_SIZE, offset: request.offset });
    const analyst = can(c.get('auth').actor, 'alert.triage');
    return pageResponse(c, alertsPage(pageFrame(c), request, { list, limit: PAGE_SIZE, queueSize: analyst ? await queueSize() : null }));
  });

  app.get('/alerts/review', async (c) => {
    authorize(c.get('auth').actor, 'alert.triage');
    const { done, offset } = parseInput(reviewQuerySchema, c.req.query(), 'review queue');
    const list = await readAlertList(store.db, { statuses: ['pending'], limit: PAGE_SIZE, offset });
    return pageResponse(c, alertReviewPage(pageFrame(c), { pending: list.items, total: list.total, limit: PAGE_SIZE, offset, done }));
  });

  app.post('/alerts/:id/review', async (c) => {
    // Anyone but an analyst is refused before the form is read: 401 anonymous, 403 signed in.
    authorize(c.get('auth').actor, 'alert.triage');
    const alertId = c.req.param('id');
    if (!uuid.safeParse(alertId).success) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no alert with this id.' });
    const { decision, note } = parseInput(reviewFormSchema, await formFields(c), 'review');
    await runCommand(store, now, c, (ctx, tx) => reviewScreeningMatch({ ctx, alertId, decision, note }, tx));
    return c.redirect(`/alerts/review?done=${decision === 'confirm' ? 'confirmed' : 'dismissed'}`, 303);
  });
}
