import { z } from 'zod';
import { atLeast } from '../../../accounts/policy.js';
import { can } from '../../../accounts/policies.js';
import { CommandError } from '../../../core/command-error.js';
import { PERMALINK_ALERT_STATUSES } from '../../../procurement/alerts/alert.js';
import { annotateAlert, retractAlert } from '../../../procurement/alerts/annotate-alert.js';
import { annotationInput, retractionInput } from '../../../procurement/alerts/alert-workflow.js';
import { KyselyAlertStore } from '../../../store/procurement/kysely-alert-store.js';
import type { Store } from '../../../store/store.js';
import type { ApiRouter } from '../api-router.js';
import { runCommand } from '../command-runner.js';
import { uuidParamsSchema } from '../common-schemas.js';
import { alertPresenter, presentAlert } from '../presenters/alert-presenter.js';

/** An annotation as the API shows it. */
export const alertAnnotationPresenter = z.object({
  id: z.uuid(),
  alertId: z.uuid(),
  note: z.string(),
  source: z.string().nullable().describe('the registry source the annotation rests on'),
  sourceUrl: z.string().nullable().describe('its page in the portal'),
  createdBy: z.string().describe('the annotating analyst, pseudonymous as in the log'),
  createdAt: z.string(),
});

/**
 * Annotating and retracting published alerts (issue #13): analysts annotate a raised or confirmed
 * alert (a note, and the registry source it rests on); editors retract one, saying why. Both are
 * kernel transitions of the alert workflow, logged; annotations are public with the alert.
 *
 * @example
 * addAlertAnnotationRoutes(router, store, () => new Date());
 */
export function addAlertAnnotationRoutes(router: ApiRouter, store: Store, now: () => Date): void {
  const alerts = new KyselyAlertStore(store.db);
  const present = (a: { id: string; alertId: string; note: string; source: string | null; createdBy: string; createdAt: string }) => ({ ...a, sourceUrl: a.source ? `/sources/${encodeURIComponent(a.source)}` : null });
  router.add(
    {
      method: 'get', path: '/alerts/{id}/annotations', operationId: 'listAlertAnnotations', summary: 'An alert’s annotations, oldest first', tag: 'procurement', params: uuidParamsSchema,
      responses: { 200: { description: 'The annotations', schema: z.object({ items: z.array(alertAnnotationPresenter) }) } },
    },
    async (c, { params, reply }) => {
      const alert = await alerts.get(params.id);
      if (!alert || (!PERMALINK_ALERT_STATUSES.includes(alert.status) && !can(c.get('auth').actor, 'alert.triage'))) throw new CommandError({ code: 'NOT_FOUND', message: `no alert "${params.id}"` });
      return reply({ items: (await alerts.annotations(alert.id)).map(present) });
    },
  );
  router.add(
    {
      method: 'post', path: '/alerts/{id}/annotations', operationId: 'annotateAlert', summary: 'Annotate a published alert, citing a registry source (analysts; logged)', tag: 'procurement',
      params: uuidParamsSchema, body: annotationInput, permission: 'alert.triage', responses: { 201: { description: 'The annotation', schema: alertAnnotationPresenter } },
    },
    async (c, { params, body, reply }) => {
      await runCommand(store, now, c, (ctx, tx) => annotateAlert({ ctx, alertId: params.id, annotation: body }, tx));
      const created = (await alerts.annotations(params.id)).at(-1);
      if (!created) throw new Error(`alert ${params.id} was annotated but has no annotation`);
      return reply(present(created), 201);
    },
  );
  router.add(
    {
      method: 'post', path: '/alerts/{id}/retract', operationId: 'retractAlert', summary: 'Retract a published alert, saying why (editors; logged): it leaves lists and feeds, its page says so', tag: 'procurement',
      params: uuidParamsSchema, body: retractionInput, permission: atLeast('editor'), responses: { 200: { description: 'The retracted alert', schema: alertPresenter } },
    },
    async (c, { params, body, reply }) => reply(presentAlert(await runCommand(store, now, c, (ctx, tx) => retractAlert({ ctx, alertId: params.id, retraction: body }, tx)))),
  );
}
