import type { Hono } from 'hono';
import type { AppEnv } from '../../server/app-env.js';
import { fieldChanges } from '../../registry/changes/field-changes.js';
import { recordVersions } from '../../registry/changes/record-versions.js';
import { authorityLabel, contractEventLabel, designationListLabel } from '../../registry/labels.js';
import { recordIdSchema } from '../../registry/schemas/common.js';
import { alertTitle } from '../../server/api/routes/alert-routes.js';
import { atomFeed, type AtomEntry } from '../../server/feeds/atom.js';
import { absoluteUrl } from '../../server/server-settings.js';
import { PUBLIC_ALERT_STATUSES, readAlertList } from '../../store/procurement/read-alert-list.js';
import { readOrganization } from '../../store/registry/queries/read-records.js';
import { formatDate } from '../components/format-date.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { found } from './page-response.js';

/** When each record was last changed (its latest applied change), for the entries' `updated`. */
async function lastChanged(db: PortalDependencies['store']['db'], type: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('changes').select(['recordId', 'reviewedAt', 'proposedAt']).where('recordType', '=', type).where('recordId', 'in', [...ids]).where('status', '=', 'applied').execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    const at = r.reviewedAt ?? r.proposedAt;
    if (r.recordId !== null && (out.get(r.recordId) ?? '') < at) out.set(r.recordId, at);
  }
  return out;
}

/**
 * One organisation's Atom feed, `/organizations/{id}/feed.atom` (issue #13): its procurement
 * alerts, the incidents naming it, its designations and delistings, and every published change to
 * its record with the fields that changed. Ids and links come from the configured public URL,
 * never the Host header; the feed is dated by its latest entry (a feed with none, by the
 * organisation's own latest change — never 1970).
 *
 * @example
 * addOrganizationFeedRoutes(app, { store });
 */
export function addOrganizationFeedRoutes(app: Hono<AppEnv>, { store, now = () => new Date() }: PortalDependencies): void {
  app.get('/organizations/:id/feed.atom', async (c) => {
    const settings = c.get('settings');
    const id = c.req.param('id');
    const view = found(recordIdSchema.safeParse(id).success ? await readOrganization(store.db, id) : null, 'organization with this id');
    const org = view.organization;
    const page = absoluteUrl(settings, `/organizations/${org.id}`);
    const entries: AtomEntry[] = [];

    const alerts = await readAlertList(store.db, { statuses: PUBLIC_ALERT_STATUSES, organizationId: org.id, limit: 100, offset: 0 });
    for (const alert of alerts.items) {
      entries.push({
        id: `urn:uuid:${alert.id}`, title: alertTitle(alert), updated: alert.reviewedAt ?? alert.createdAt, published: alert.createdAt,
        link: absoluteUrl(settings, `/alerts/${alert.id}`),
        summary: `${formatDate(alert.actionDate)}: ${contractEventLabel(alert.event)} of contract ${alert.piid}. Why it matched: ${alert.reasons.join('; ')}.`,
        categories: ['procurement-alert'],
      });
    }
    const incidentTimes = await lastChanged(store.db, 'incident', view.incidents.map((i) => i.id));
    for (const incident of view.incidents) {
      const updated = incidentTimes.get(incident.id);
      if (!updated) continue;
      entries.push({
        id: absoluteUrl(settings, `/incidents/${incident.id}`), title: `Incident: ${incident.title}`, updated,
        link: absoluteUrl(settings, `/incidents/${incident.id}`),
        summary: `${incident.date ? `${formatDate(incident.date)}: ` : ''}${incident.summary ?? incident.title}`, categories: ['incident'],
      });
    }
    const designationTimes = await lastChanged(store.db, 'designation', view.designations.map((d) => d.id));
    for (const d of view.designations) {
      const updated = designationTimes.get(d.id);
      if (!updated) continue;
      const listing = `${authorityLabel(d.authority)}, ${designationListLabel(d.list)}`;
      entries.push({
        id: `${page}#designation-${d.id}`, title: `${d.delisted ? 'Delisted' : 'Designated'}: ${org.name} — ${listing}`, updated, link: `${page}#designations-heading`,
        summary: `Listed by ${authorityLabel(d.authority, 'full')} on the ${designationListLabel(d.list)} on ${formatDate(d.listed)}${d.delisted ? `; delisted on ${formatDate(d.delisted)}` : ''}.${d.reason ? ` ${d.reason}` : ''}`,
        categories: ['designation'],
      });
    }
    const versions = recordVersions(view.history);
    for (const change of view.history) {
      const version = versions.get(change.id);
      if (!version) continue;
      const changed = fieldChanges('organization', version.before, version.after);
      const created = version.before === null;
      entries.push({
        id: `urn:uuid:${change.id}`, title: `${created ? 'Record created' : 'Record changed'}: ${org.name}`, updated: change.reviewedAt ?? change.proposedAt,
        link: `${page}#history-heading`,
        summary: changed.length === 0 ? 'No field changed.' : changed.map((f) => (created ? `${f.label}: ${f.after}` : `${f.label}: ${f.before || '—'} → ${f.after || '—'}`)).join('; '),
        categories: ['change'],
      });
    }
    entries.sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
    const self = absoluteUrl(settings, `/organizations/${org.id}/feed.atom`);
    const feed = atomFeed({
      id: self, title: `Countersign: ${org.name}`, self, alternate: page,
      // RFC 4287 §4.2.15: the latest change; a feed with no entries is as new as the request, not 1970.
      updated: entries[0]?.updated ?? now().toISOString(),
      entries: entries.slice(0, 200),
    });
    return c.body(feed, 200, { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' });
  });
}
