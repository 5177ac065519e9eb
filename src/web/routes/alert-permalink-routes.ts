import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { atLeast } from '../../accounts/policy.js';
import { authorize, authorizePolicy, can } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import { PERMALINK_ALERT_STATUSES, type Alert } from '../../procurement/alerts/alert.js';
import { annotateAlert, retractAlert } from '../../procurement/alerts/annotate-alert.js';
import { runCommand } from '../../server/api/command-runner.js';
import type { AppEnv } from '../../server/app-env.js';
import { KyselyAlertStore } from '../../store/procurement/kysely-alert-store.js';
import { sourceSummaries } from '../../store/registry/queries/lookups.js';
import type { Store } from '../../store/store.js';
import { alertPage, type AlertPageView } from '../pages/alert-page.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { formFields, pageFrame, pageResponse } from './page-response.js';

const ID = '/alerts/:id{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}';
const doneSchema = z.object({ done: z.enum(['annotated', 'retracted']).optional() });
const EDITOR = atLeast('editor');

async function view(store: Store, c: Context<AppEnv>, id: string, extra: Partial<AlertPageView> = {}): Promise<AlertPageView> {
  const alerts = new KyselyAlertStore(store.db);
  const actor = c.get('auth').actor;
  const alert: Alert | null = await alerts.get(id);
  // Public statuses are public; a review item exists only for analysts (404 for everyone else).
  if (!alert || (!PERMALINK_ALERT_STATUSES.includes(alert.status) && !can(actor, 'alert.triage'))) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no alert with this id.' });
  const annotations = await alerts.annotations(id);
  const contract = await store.db.selectFrom('contracts').select('piid').where('piid', '=', alert.piid).executeTakeFirst();
  return {
    alert, annotations, contractRecorded: contract !== undefined, sources: await sourceSummaries(store.db, annotations.flatMap((a) => (a.source ? [a.source] : []))),
    canAnnotate: can(actor, 'alert.triage'), canRetract: EDITOR.allows(actor, undefined), ...extra,
  };
}

/**
 * Alerts' permalinks, `/alerts/{id}`: public for raised, confirmed and retracted alerts (review
 * items for analysts only), with their annotations; analysts annotate and editors retract through
 * plain forms (303 back to the page; a refused form comes back with its errors, 400).
 *
 * @example
 * addAlertPermalinkRoutes(app, { store, now });
 */
export function addAlertPermalinkRoutes(app: Hono<AppEnv>, { store, now = () => new Date() }: PortalDependencies): void {
  app.get(ID, async (c) => {
    const { done } = parseInput(doneSchema, c.req.query(), 'alert page');
    return pageResponse(c, alertPage(pageFrame(c), await view(store, c, c.req.param('id'), { done })));
  });

  const step = (form: 'annotate' | 'retract') => async (c: Context<AppEnv>): Promise<Response> => {
    const actor = c.get('auth').actor;
    if (form === 'annotate') authorize(actor, 'alert.triage');
    else authorizePolicy(actor, 'retract this alert', EDITOR, undefined);
    const id = c.req.param('id') ?? '';
    const fields = await formFields(c);
    const values: Record<string, string> = form === 'annotate' ? { note: fields['note'] ?? '', source: fields['source'] ?? '' } : { reason: fields['reason'] ?? '' };
    const source = (values['source'] ?? '').trim();
    try {
      await runCommand(store, now, c, (ctx, tx) =>
        form === 'annotate'
          ? annotateAlert({ ctx, alertId: id, annotation: { note: values['note'], ...(source ? { source } : {}) } }, tx)
          : retractAlert({ ctx, alertId: id, retraction: { reason: values['reason'] } }, tx),
      );
      return c.redirect(`/alerts/${id}?done=${form === 'annotate' ? 'annotated' : 'retracted'}`, 303);
    } catch (error) {
      if (error instanceof CommandError && error.code === 'INVALID_INPUT') {
        return pageResponse(c, alertPage(pageFrame(c), await view(store, c, id, { refused: { form, values, issues: error.issues } })), 400);
      }
      throw error;
    }
  };
  app.post(`${ID}/annotations`, step('annotate'));
  app.post(`${ID}/retract`, step('retract'));
}
