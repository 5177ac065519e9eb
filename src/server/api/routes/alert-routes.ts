import type { Hono } from 'hono';
import { z } from 'zod';
import { can } from '../../../accounts/policies.js';
import { CommandError } from '../../../core/command-error.js';
import { PERMALINK_ALERT_STATUSES, type Alert, type AlertStatus } from '../../../procurement/alerts/alert.js';
import { reviewScreeningMatch } from '../../../procurement/alerts/review-screening-match.js';
import { KyselyAlertStore } from '../../../store/procurement/kysely-alert-store.js';
import { PUBLIC_ALERT_STATUSES as PUBLIC_STATUSES, readAlertList } from '../../../store/procurement/read-alert-list.js';
import type { Store } from '../../../store/store.js';
import type { AppEnv } from '../../app-env.js';
import { atomFeed } from '../../feeds/atom.js';
import { absoluteUrl } from '../../server-settings.js';
import type { ApiRouter } from '../api-router.js';
import { runCommand } from '../command-runner.js';
import { pageQuerySchema, uuidParamsSchema } from '../common-schemas.js';
import { pageOf } from '../presenters/page.js';
import { alertPresenter, presentAlert } from '../presenters/alert-presenter.js';
import { contractEventLabel } from '../../../registry/labels.js';

const ALL_STATUSES: readonly AlertStatus[] = ['raised', 'pending', 'confirmed', 'dismissed', 'retracted'];

/** A readable one-line title for an alert. */
export function alertTitle(alert: Alert): string {
  const what = { award: 'New award', modification: 'Modification', 'stop-work': 'Stop-work order', 'stop-work-lifted': 'Stop-work order lifted', termination: 'Termination', funding: 'Funding change', deletion: 'Record deleted' }[alert.event];
  return `${what}: ${alert.organizationName}, contract ${alert.piid}${alert.modification && alert.modification !== '0' ? ` (modification ${alert.modification})` : ''}`;
}

/** Procurement alerts: the API, analysts' review of weak matches, and the Atom feed. */
export function addAlertRoutes(app: Hono<AppEnv>, router: ApiRouter, store: Store, now: () => Date): void {
  const alerts = new KyselyAlertStore(store.db);
  router.add(
    {
      method: 'get', path: '/alerts', operationId: 'listAlerts', summary: 'Procurement alerts, newest first (review-queue items for analysts and above)', tag: 'procurement',
      query: pageQuerySchema.extend({ status: z.enum(['raised', 'pending', 'confirmed', 'dismissed', 'retracted']).optional(), organization: z.string().max(100).optional() }),
      responses: { 200: { description: 'A page of alerts', schema: pageOf(alertPresenter) } },
    },
    async (c, { query, reply }) => {
      const staff = can(c.get('auth').actor, 'alert.triage');
      if (query.status && !staff && !PERMALINK_ALERT_STATUSES.includes(query.status)) throw new CommandError({ code: c.get('auth').user ? 'FORBIDDEN' : 'UNAUTHENTICATED', message: 'the review queue is for analysts' });
      const statuses = query.status ? [query.status] : staff ? ALL_STATUSES : PUBLIC_STATUSES;
      const list = await readAlertList(store.db, { statuses, organizationId: query.organization, limit: query.limit, offset: query.offset });
      return reply({ items: list.items.map(presentAlert), total: list.total, limit: query.limit, offset: query.offset });
    },
  );
  router.add(
    { method: 'get', path: '/alerts/{id}', operationId: 'getAlert', summary: 'One alert with its reasons', tag: 'procurement', params: uuidParamsSchema, responses: { 200: { description: 'The alert', schema: alertPresenter } } },
    async (c, { params, reply }) => {
      const alert = await alerts.get(params.id);
      if (!alert || (!PERMALINK_ALERT_STATUSES.includes(alert.status) && !can(c.get('auth').actor, 'alert.triage'))) throw new CommandError({ code: 'NOT_FOUND', message: `no alert "${params.id}"` });
      return reply(presentAlert(alert));
    },
  );
  router.add(
    {
      method: 'post', path: '/alerts/{id}/review', operationId: 'reviewAlert', summary: 'Confirm (record it) or dismiss a review-queue item', tag: 'procurement', params: uuidParamsSchema,
      body: z.strictObject({ decision: z.enum(['confirm', 'dismiss']), note: z.string().trim().max(2000).optional() }), permission: 'alert.triage', responses: { 200: { description: 'The reviewed item', schema: alertPresenter } },
    },
    async (c, { params, body, reply }) => reply(presentAlert(await runCommand(store, now, c, (ctx, tx) => reviewScreeningMatch({ ctx, alertId: params.id, decision: body.decision, note: body.note }, tx)))),
  );

  app.get('/feeds/alerts.atom', async (c) => {
    // Absolute URLs from the configured public URL, never the Host header a client chose: the
    // feed id must not change with how it was reached (RFC 4287 §4.2.6), nor point elsewhere.
    const settings = c.get('settings');
    const { items } = await readAlertList(store.db, { statuses: PUBLIC_STATUSES, limit: 100, offset: 0 });
    const feed = atomFeed({
      id: absoluteUrl(settings, '/feeds/alerts.atom'),
      title: 'Countersign: procurement alerts',
      self: absoluteUrl(settings, '/feeds/alerts.atom'),
      alternate: absoluteUrl(settings, '/alerts'),
      // RFC 4287 §4.2.15: the latest significant change. An empty feed has had none; now is the
      // honest answer (1970, the old fallback, told readers the feed was 56 years stale).
      updated: items[0]?.reviewedAt ?? items[0]?.createdAt ?? now().toISOString(),
      entries: items.map((alert) => {
        const shown = presentAlert(alert);
        return {
          id: `urn:uuid:${alert.id}`,
          title: alertTitle(alert),
          updated: alert.reviewedAt ?? alert.createdAt,
          published: alert.createdAt,
          link: absoluteUrl(settings, shown.contractUrl),
          related: [shown.usaspendingUrl],
          summary: `${alert.actionDate}: ${shown.agency || 'a federal agency'} — ${contractEventLabel(alert.event)} of contract ${alert.piid} with ${alert.organizationName}, $${alert.amount.toLocaleString('en-US', { minimumFractionDigits: 2 })}. ${shown.description} Why: ${alert.reasons.join('; ')}.`,
          categories: [alert.event, alert.organizationId],
        };
      }),
    });
    return c.body(feed, 200, { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' });
  });
}
