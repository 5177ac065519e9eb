import type { Kysely } from 'kysely';
import type { Actor } from '../../accounts/actor.js';
import { scoped } from '../../accounts/policy.js';
import { recordLabels, remedyStores } from '../../store/disclosure/kysely-remedy-stores.js';
import type { Database } from '../../store/schema.js';
import { html, type SafeHtml } from '../components/html.js';
import { vendorReportsSection } from '../pages/vendor-report-pages.js';

/**
 * The transparency-report section of an organisation's page: shown for vendors (and anyone who
 * filed a report), with "No transparency report for YEAR" for the last completed year.
 */
export async function vendorReportsSectionFor(db: Kysely<Database>, actor: Actor | undefined, organization: { id: string; kind: string }, now: Date): Promise<SafeHtml> {
  const { items } = await remedyStores(db).vendorReports.listReports({ vendor: organization.id, limit: 50, offset: 0 });
  if (organization.kind !== 'vendor' && items.length === 0) return html``;
  const canFile = actor !== undefined && scoped('vendor-representative').allows(actor, { scopes: [{ kind: 'vendor', id: organization.id }] });
  const annotations = items.flatMap((r) => r.annotations);
  const labels = await recordLabels(db, { sources: annotations.map((a) => a.sourceId), incidents: annotations.map((a) => a.incidentId) });
  return vendorReportsSection(items, now.getUTCFullYear() - 1, canFile ? { vendor: organization.id } : null, labels);
}
