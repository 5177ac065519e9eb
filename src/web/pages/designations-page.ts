import type { RecordShapes } from '../../registry/registry-record.js';
import type { Page, RecordRef, SourceSummary } from '../../registry/views.js';
import { authorityLabel, designationListLabel } from '../../registry/labels.js';
import { authorityName } from '../components/authority-name.js';
import { Citations } from '../components/citations.js';
import { dateText } from '../components/date-text.js';
import { html, type SafeHtml } from '../components/html.js';
import { layout, type PageFrame } from '../components/layout.js';
import { pagination, queryString } from '../components/pagination.js';
import { recordLink } from '../components/record-link.js';
import { designationMap } from '../components/charts/designation-map.js';
import type { CountryCount } from '../components/charts/world-map.js';
import { statusBadge } from '../components/status-badge.js';

/** The list's filters, as the query string carries them. */
export interface DesignationFilterRequest {
  readonly authority?: string | undefined;
  /** `in-force` or `delisted`; all when undefined. */
  readonly state?: 'in-force' | 'delisted' | undefined;
  readonly offset: number;
}

export interface DesignationListView {
  readonly page: Page<RecordShapes['designation']>;
  readonly subjects: ReadonlyMap<string, RecordRef>;
  readonly authorities: readonly string[];
  readonly sources: Readonly<Record<string, SourceSummary>>;
  /** Designations per country of their subject, under the same filters (for the map). */
  readonly countries?: readonly CountryCount[];
}

function filterForm(request: DesignationFilterRequest, authorities: readonly string[]): SafeHtml {
  const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  return html`<form class="filters" method="get" action="/designations">
<p><label for="filter-authority">Authority</label>
<select id="filter-authority" name="authority">${option('', 'All authorities', !request.authority)}${authorities.map((a) => option(a, authorityLabel(a), a === request.authority))}</select></p>
<p><label for="filter-state">Standing</label>
<select id="filter-state" name="state">${option('', 'In force and delisted', !request.state)}${option('in-force', 'In force', request.state === 'in-force')}${option('delisted', 'Delisted', request.state === 'delisted')}</select></p>
<p><button type="submit">Filter</button></p>
</form>`;
}

/**
 * Every designation — export-control listings and sanctions — newest listing first, with its
 * delisting when there was one, filterable by authority and standing.
 *
 * @example
 * c.html(designationsPage(frame, { offset: 0 }, view).toString());
 */
export function designationsPage(frame: PageFrame, request: DesignationFilterRequest, view: DesignationListView): SafeHtml {
  const citations = new Citations(view.sources);
  const rows = view.page.items.map((d) => html`<tr${d.delisted ? html` class="delisted"` : ''}>
<td data-label="Subject">${recordLink(view.subjects.get(d.subject), d.subject)}</td>
<td data-label="Authority">${authorityName(d.authority)}</td>
<td data-label="List">${designationListLabel(d.list)}</td>
<td data-label="Listed">${dateText(d.listed)}</td>
<td data-label="Delisted">${d.delisted ? dateText(d.delisted) : html`<span class="muted">in force</span>`}</td>
<td data-label="Status and sources">${statusBadge(d.status)} ${citations.cite(d.sources)}</td>
</tr>`);
  const main = html`<h1>Designations</h1>
<p>Export-control listings (such as the US Entity List) and sanctions (such as the OFAC SDN list) of surveillance vendors and the people behind them. A delisting keeps the listing: both dates are shown.</p>
${filterForm(request, view.authorities)}
${designationMap(view.countries ?? [], request.authority !== undefined || request.state !== undefined)}
${view.page.items.length === 0 ? html`<p class="muted">No designation matches these filters.</p>` : html`<div class="table-scroll"><table class="stack">
<thead><tr><th scope="col">Subject</th><th scope="col">Authority</th><th scope="col">List</th><th scope="col">Listed</th><th scope="col">Delisted</th><th scope="col">Status and sources</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`}
${pagination(view.page, (offset) => `/designations${queryString({ authority: request.authority, state: request.state, offset })}`)}
${citations.list()}`;
  return layout(frame, { title: 'Designations', description: 'Export-control listings and sanctions of surveillance vendors, with listing and delisting dates and sources.', main });
}
