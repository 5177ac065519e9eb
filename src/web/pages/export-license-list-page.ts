import type { InputIssue } from '../../core/command-error.js';
import { COMMON_ECCNS, eccnLabel } from '../../oversight/export-licenses/eccn.js';
import type { ExportLicense, LicenseStatus, RiskListEntry } from '../../oversight/export-licenses/export-license.js';
import { exportLicenseWorkflow } from '../../oversight/export-licenses/export-license-workflow.js';
import { countryName } from '../../registry/labels.js';
import { formatDate, formatTimestamp } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';
import { pagination, queryString } from '../components/pagination.js';

export interface ExportLicenseListView {
  readonly status: LicenseStatus | undefined;
  readonly items: readonly { license: ExportLicense; exporterName: string | null; endUserName: string | null; overdueProvisos: number }[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

const TABS: readonly [LicenseStatus | undefined, string][] = [[undefined, 'All'], ['applied', 'Applied'], ['under-review', 'Under review'], ['approved', 'Approved'], ['revocation-review', 'Revocation review'], ['refused', 'Refused'], ['denied', 'Denied'], ['revoked', 'Revoked']];

/**
 * Export-licence applications and licences, newest first, by status: item and ECCN, parties,
 * destination by name, overdue provisos flagged; signed-in staff get the application form's link.
 *
 * @example
 * pageResponse(c, exportLicenseListPage(pageFrame(c), { status: undefined, items, total, offset: 0, limit: 50 }));
 */
export function exportLicenseListPage(frame: PageFrame, view: ExportLicenseListView): SafeHtml {
  const tabs = TABS.map(([status, label]) => html`<li><a href="/export-licenses${queryString({ status })}"${status === view.status ? html` aria-current="page"` : ''}>${label}</a></li>`);
  const rows = view.items.map(({ license: l, exporterName, endUserName, overdueProvisos }) => html`<tr>
<td><a href="/export-licenses/${l.id}">${l.item}</a></td><td><code>${l.eccn}</code> ${eccnLabel(l.eccn)}</td>
<td><a href="/organizations/${l.exporter}">${exporterName ?? l.exporter}</a></td><td><a href="/organizations/${l.endUser}">${endUserName ?? l.endUser}</a></td>
<td>${countryName(l.destination)}</td><td>${exportLicenseWorkflow.states[l.status]?.label ?? l.status}${overdueProvisos > 0 ? html` <strong class="flag-overdue">${overdueProvisos} overdue</strong>` : ''}</td>
<td>${l.appliedAt.length === 10 ? formatDate(l.appliedAt) : formatTimestamp(l.appliedAt)}</td></tr>`);
  const main = html`<h1>Export licences</h1>
<p class="lede">Applications to export surveillance items, screened against the registry's designations; licences with their provisos and revocation reviews. See also the <a href="/destination-risk-list">destination risk list</a>.</p>
${frame.auth.user ? html`<p><a href="/export-licenses/new">File an application</a></p>` : ''}
<nav aria-label="Licence status"><ul class="tabs licence-tabs">${tabs}</ul></nav>
<p class="result-count">${view.total} ${view.total === 1 ? 'licence' : 'licences'}</p>
${view.items.length === 0 ? html`<p class="muted">None here.</p>` : html`<div class="table-scroll"><table><thead><tr><th scope="col">Item</th><th scope="col">Classification</th><th scope="col">Exporter</th><th scope="col">End user</th><th scope="col">Destination</th><th scope="col">Status</th><th scope="col">Applied</th></tr></thead><tbody>${rows}</tbody></table></div>`}
${pagination(view, (offset) => `/export-licenses${queryString({ status: view.status, offset })}`)}`;
  return layout(frame, { title: 'Export licences', main });
}

/** What the application form holds: what was typed, kept when the form comes back with errors. */
export type ApplicationFormValues = Readonly<Record<'exporter' | 'item' | 'eccn' | 'endUser' | 'endUse' | 'destination' | 'licensingAgency', string>>;
export const EMPTY_APPLICATION: ApplicationFormValues = { exporter: '', item: '', eccn: '', endUser: '', endUse: '', destination: '', licensingAgency: '' };

function field(values: ApplicationFormValues, issues: readonly InputIssue[], name: keyof ApplicationFormValues, label: SafeHtml | string, input: 'input' | 'textarea', attributes: SafeHtml): SafeHtml {
  const issue = issues.find((i) => i.path === name);
  const error = issue ? html` <span class="field-error" id="${name}-error">${issue.message}</span>` : html``;
  const described = issue ? html` aria-describedby="${name}-error" aria-invalid="true"` : html``;
  const control = input === 'textarea'
    ? html`<textarea id="${name}" name="${name}" rows="3"${attributes}${described}>${values[name]}</textarea>`
    : html`<input id="${name}" name="${name}" value="${values[name]}"${attributes}${described}>`;
  return html`<p><label for="${name}">${label}</label>${error}${control}</p>`;
}

/**
 * The application form: exporter and end user as registry ids, the ECCN (common surveillance
 * entries suggested), end use and destination code. Works without JavaScript; with `issues` it
 * comes back with what was wrong next to each field and what was typed kept.
 */
export function exportLicenseApplyPage(frame: PageFrame, values: ApplicationFormValues = EMPTY_APPLICATION, issues: readonly InputIssue[] = []): SafeHtml {
  const f = (name: keyof ApplicationFormValues, label: SafeHtml | string, input: 'input' | 'textarea', attributes: SafeHtml) => field(values, issues, name, label, input, attributes);
  const main = html`<h1>File an export-licence application</h1>
<p>The application is screened at once: if the exporter or end user — or an organisation related to either — is designated (Entity List, SDN …), it is refused and the refusal is recorded with the designations.</p>
${issues.length > 0 ? html`<p class="error-message" role="alert">The application was not filed: see the fields marked below.</p>` : ''}
<form method="post" action="/export-licenses/new">${csrfField(frame.auth)}
${f('exporter', 'Exporter (registry organisation id)', 'input', html` required maxlength="100"`)}
${f('item', 'Item', 'input', html` required maxlength="500"`)}
${f('eccn', 'ECCN', 'input', html` required maxlength="20" list="eccns"`)}<datalist id="eccns">${COMMON_ECCNS.map((e) => html`<option value="${e}">${eccnLabel(e)}</option>`)}</datalist>
${f('endUser', 'End user (registry organisation id)', 'input', html` required maxlength="100"`)}
${f('endUse', 'End use', 'textarea', html` required maxlength="2000"`)}
${f('destination', 'Destination (ISO 3166-1 alpha-2 code, such as GR)', 'input', html` required maxlength="2"`)}
${f('licensingAgency', html`Licensing agency <span class="muted">(registry id; BIS if empty)</span>`, 'input', html` maxlength="100"`)}
<p class="buttons"><button type="submit">File the application</button></p>
</form>`;
  return layout(frame, { title: 'File an export-licence application', main });
}

/**
 * The destination risk list: each country by name with what its sources state, linked; an
 * administrator gets the form to add an entry (each citing registry sources).
 */
export function destinationRiskListPage(frame: PageFrame, entries: readonly RiskListEntry[], done?: string): SafeHtml {
  const rows = entries.map((e) => html`<tr><td>${countryName(e.country)}</td><td>${e.reason}</td>
<td>${e.sources.map((s, i) => html`${i > 0 ? ', ' : ''}<a href="/sources/${s}">${s}</a>`)}</td>
<td>${e.incidents.map((s, i) => html`${i > 0 ? ', ' : ''}<a href="/incidents/${s}">${s}</a>`)}</td><td>${e.addedAt ? formatTimestamp(e.addedAt) : 'bundled list'}</td></tr>`);
  const admin = frame.auth.actor.role === 'admin';
  const main = html`<h1>Destination risk list</h1>
${done ? html`<p class="notice" role="status">${done}</p>` : ''}
<p class="lede">Destinations where the cited sources document surveillance items used against journalists, human-rights defenders and others — the list the 2021 congressional letter asks Commerce to keep. An application to a destination on this list is licensed only with due-diligence reports and a duty to notify misuse.</p>
<div class="table-scroll"><table><thead><tr><th scope="col">Destination</th><th scope="col">What the sources state</th><th scope="col">Sources</th><th scope="col">Incidents</th><th scope="col">Added</th></tr></thead><tbody>${rows}</tbody></table></div>
${admin ? html`<form method="post" action="/destination-risk-list"><fieldset><legend>Add an entry</legend>${csrfField(frame.auth)}
<p><label for="risk-country">Country (ISO 3166-1 alpha-2 code)</label><input id="risk-country" name="country" required maxlength="2" pattern="[A-Z]{2}"></p>
<p><label for="risk-reason">What the sources state</label><textarea id="risk-reason" name="reason" rows="3" required maxlength="4000"></textarea></p>
<p><label for="risk-sources">Registry source ids <span class="muted">(comma-separated; at least one)</span></label><input id="risk-sources" name="sources" required maxlength="2000"></p>
<p><label for="risk-incidents">Registry incident ids <span class="muted">(optional, comma-separated)</span></label><input id="risk-incidents" name="incidents" maxlength="2000"></p>
<p class="buttons"><button type="submit">Add to the list</button></p></fieldset></form>` : ''}`;
  return layout(frame, { title: 'Destination risk list', main });
}
