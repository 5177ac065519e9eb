import { countNoun } from '../../core/count-noun.js';
import type { LicenseStatus } from '../../oversight/export-licenses/export-license.js';
import { exportLicenseWorkflow } from '../../oversight/export-licenses/export-license-workflow.js';
import { countryName } from '../../registry/labels.js';
import type { LicenseOfOrganization } from '../../store/oversight/export-licenses/read-export-licenses.js';
import { formatDate, formatTimestamp } from './format-date.js';
import { html, type SafeHtml } from './html.js';

/** The licences an organisation's page lists, and how many it is a party to in all. */
export interface OrganizationExportLicenses {
  readonly items: readonly LicenseOfOrganization[];
  readonly total: number;
}

/** A status as readers see it, from the licence workflow's own labels ("Refused on screening"). */
function statusLabel(status: LicenseStatus): string {
  const state = exportLicenseWorkflow.states[status];
  if (!state) throw new Error(`export-licence status "${status}" is not a state of the licence workflow`);
  return state.label;
}

/** Which side of the licence the organisation is on. */
function roleOf(organizationId: string, { license }: LicenseOfOrganization): string {
  if (license.exporter === organizationId && license.endUser === organizationId) return 'Exporter and end user';
  return license.exporter === organizationId ? 'Exporter' : 'End user';
}

/** The party on the other side, linked to its page (this organisation itself when it is both). */
function otherParty(organizationId: string, { license, exporterName, endUserName }: LicenseOfOrganization): SafeHtml {
  const [id, name] = license.exporter === organizationId ? [license.endUser, endUserName] : [license.exporter, exporterName];
  return html`<a href="/organizations/${id}">${name ?? id}</a>`;
}

/**
 * The "Export licences" section of an organisation's page: every licence application it is the
 * exporter or the end user of, linked to the licence's page, with the other party, the
 * destination by name and the status as a label. Nothing when there are none.
 *
 * @example
 * organizationExportLicenses('intellexa-sa', await readLicensesOfOrganization(db, 'intellexa-sa', 50));
 */
export function organizationExportLicenses(organizationId: string, licenses: OrganizationExportLicenses): SafeHtml {
  if (licenses.items.length === 0) return html``;
  const rows = licenses.items.map((item) => {
    const l = item.license;
    return html`<tr>
<td data-label="Item"><a href="/export-licenses/${l.id}">${l.item}</a></td>
<td data-label="As">${roleOf(organizationId, item)}</td>
<td data-label="${l.exporter === organizationId ? 'End user' : 'Exporter'}">${otherParty(organizationId, item)}</td>
<td data-label="Destination">${countryName(l.destination)}</td>
<td data-label="Status">${statusLabel(l.status)}</td>
<td data-label="Applied">${l.appliedAt.length === 10 ? formatDate(l.appliedAt) : formatTimestamp(l.appliedAt)}</td>
</tr>`;
  });
  const shown = licenses.items.length < licenses.total ? html`<p class="muted">Showing the ${licenses.items.length} newest of ${countNoun(licenses.total, 'licence', 'licences')}.</p>` : html``;
  return html`<section aria-labelledby="export-licenses-heading">
<h2 id="export-licenses-heading">Export licences</h2>
<p>Applications to export surveillance items that name this organisation as the exporter or as the end user, screened against the registry's designations. See all <a href="/export-licenses">export licences</a>.</p>
${shown}
<div class="table-scroll"><table class="stack">
<thead><tr><th scope="col">Item</th><th scope="col">As</th><th scope="col">Other party</th><th scope="col">Destination</th><th scope="col">Status</th><th scope="col">Applied</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
</section>`;
}
