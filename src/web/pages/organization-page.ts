import { can } from '../../accounts/policies.js';
import type { OrganizationView } from '../../registry/views.js';
import { recordUrl } from '../../registry/search/search-result.js';
import { changeHistory } from '../components/change-history.js';
import { Citations } from '../components/citations.js';
import { contractSection } from '../components/contract-details.js';
import { dateText } from '../components/date-text.js';
import { designationTimeline } from '../components/designation-timeline.js';
import { html, type SafeHtml } from '../components/html.js';
import { incidentList } from '../components/incident-list.js';
import { layout, type PageFrame } from '../components/layout.js';
import { recordLink } from '../components/record-link.js';
import { viaFamily } from '../components/via-family.js';
import { organizationExportLicenses, type OrganizationExportLicenses } from '../components/organization-export-licenses.js';
import { obligationsChart } from '../components/charts/obligations-chart.js';
import { organizationObligations, organizationTimelineEvents } from '../components/charts/organization-chart-data.js';
import { recordTimeline } from '../components/charts/record-timeline.js';
import { relationshipGraph } from '../components/charts/relationship-graph.js';
import { organizationGraphData } from '../components/charts/relationship-graph-data.js';
import { countryName, organizationKindLabel } from '../../registry/labels.js';
import { countNoun } from '../../core/count-noun.js';
import { designationTimeline as designationEvents } from '../../store/registry/queries/read-designations.js';
import { relationshipGroup, relationshipTable } from '../components/relationship-table.js';
import { statusBadge } from '../components/status-badge.js';
import { transparencyLogSection } from '../components/transparency-log-section.js';
import type { TransparencyLogEntry } from '../portal-dependencies.js';

const IDENTIFIERS = [
  ['uei', 'UEI (SAM.gov Unique Entity ID)'],
  ['duns', 'DUNS'],
  ['cage', 'CAGE code'],
  ['lei', 'LEI (Legal Entity Identifier)'],
  ['cusip', 'CUSIP'],
  ['isin', 'ISIN'],
  ['ticker', 'Ticker'],
  ['ori', 'ORI (FBI agency identifier)'],
] as const;

function names(view: OrganizationView, citations: Citations): SafeHtml {
  const o = view.organization;
  const identifiers = IDENTIFIERS.flatMap(([key, label]) => (o.identifiers?.[key] ? [html`<dt>${label}</dt><dd><code>${o.identifiers[key]}</code></dd>`] : []));
  return html`<dl class="facts">
<dt>Kind</dt><dd>${organizationKindLabel(o.kind)}</dd>
${o.country ? html`<dt>Country</dt><dd>${countryName(o.country)}${o.locality ? html` (${o.locality})` : ''}</dd>` : ''}
${o.aliases && o.aliases.length > 0 ? html`<dt>Also known as</dt><dd><ul class="inline-list">${o.aliases.map((a) => html`<li>${a}</li>`)}</ul></dd>` : ''}
${o.formerNames && o.formerNames.length > 0 ? html`<dt>Former names</dt><dd><ul class="inline-list">${o.formerNames.map((f) => html`<li>${f.name}${f.until ? html` (until ${dateText(f.until)})` : ''}</li>`)}</ul></dd>` : ''}
${identifiers}
${view.parent ? html`<dt>Part of</dt><dd>${recordLink(view.parent)}</dd>` : ''}
${o.notes ? html`<dt>Notes</dt><dd>${o.notes}</dd>` : ''}
<dt>Sources</dt><dd>${citations.cite(o.sources)}</dd>
</dl>`;
}

function family(view: OrganizationView): SafeHtml {
  if (view.family.length === 0) return html``;
  const rows = view.family.map((m) => html`<tr>
<td data-label="Organization">${recordLink(m.ref)}</td>
<td data-label="How it belongs">${viaFamily(m)}</td>
<td data-label="Facts shown here">${m.side === 'holding' ? 'its designations, incidents and contracts' : html`<span class="muted">on its own page</span>`}</td>
</tr>`);
  return html`<h3>Corporate family</h3>
<p>Parents, subsidiaries and affiliates, however many steps away. The designations, incidents and contracts of subsidiaries and affiliates are shown on this page too, each marked with the company it came through.${view.familyTruncated ? ' The family is larger than shown here.' : ''}</p>
<div class="table-scroll"><table class="stack">
<thead><tr><th scope="col">Organization</th><th scope="col">How it belongs</th><th scope="col">Facts shown here</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

function relationships(view: OrganizationView, citations: Citations): SafeHtml {
  if (view.relationships.length === 0 && view.family.length === 0) return html``;
  const groups = [
    ['owners', 'Owners, parents and investors'],
    ['holdings', 'Subsidiaries and holdings'],
    ['other', 'Other relationships'],
  ] as const;
  const parts = groups.map(([group, title]) => {
    const members = view.relationships.filter((r) => relationshipGroup(r) === group);
    return members.length === 0 ? html`` : html`<h3>${title}</h3>${relationshipTable(members, citations)}`;
  });
  const graph = relationshipGraph(organizationGraphData(view), { id: 'relationship-graph', title: `Ownership and relationships of ${view.organization.name}`, tableNote: 'The tables below list every relationship with its dates and sources.' });
  return html`<section aria-labelledby="relationships-heading"><h2 id="relationships-heading">Ownership and relationships</h2>${graph}${parts}${family(view)}</section>`;
}

function products(view: OrganizationView, citations: Citations): SafeHtml {
  if (view.products.length === 0) return html``;
  const items = view.products.map((p) => html`<li><a href="${recordUrl('product', p.id)}">${p.name}</a> ${statusBadge(p.status)} ${citations.cite(p.sources)}
${p.capabilities.length > 0 ? html`<ul>${p.capabilities.map((c) => html`<li>${c}</li>`)}</ul>` : ''}</li>`);
  return html`<section aria-labelledby="products-heading"><h2 id="products-heading">Products</h2><ul class="record-list">${items}</ul></section>`;
}

/** What an organisation's page shows beside its registry record. */
export interface OrganizationPageExtras {
  /** Its transparency-log entries (when the app wires the log). */
  readonly logEntries?: readonly TransparencyLogEntry[] | undefined;
  /** A vendor's transparency reports section. */
  readonly transparencyReports?: SafeHtml;
  /** Export licences it is the exporter or end user of. */
  readonly exportLicenses?: OrganizationExportLicenses;
}

/**
 * An organisation's page: names, aliases and identifiers, owners and subsidiaries, products,
 * designations as a timeline of listings and delistings, incidents, contracts with every
 * transaction, export licences it is a party to, numbered sources, change history and (when
 * wired) its transparency-log entries.
 *
 * @example
 * c.html(organizationPage(frame, await readOrganization(db, 'paragon-solutions-us'), { exportLicenses: await readLicensesOfOrganization(db, 'paragon-solutions-us', 50) }).toString());
 */
export function organizationPage(frame: PageFrame, view: OrganizationView, { logEntries, transparencyReports = html``, exportLicenses = { items: [], total: 0 } }: OrganizationPageExtras = {}): SafeHtml {
  const o = view.organization;
  const citations = new Citations(view.sources);
  const main = html`<article class="record">
<header class="record-header">
<p class="record-type">Organization</p>
<h1>${o.name} ${statusBadge(o.status)}</h1>
<p class="record-actions"><a href="/organizations/${o.id}/feed.atom" type="application/atom+xml">Follow ${o.name}: alerts, incidents, designations and changes (Atom feed)</a>${can(frame.auth.actor, 'change.propose') ? html` · <a href="/propose/organization?id=${o.id}">Propose a change</a>` : ''}</p>
</header>
${names(view, citations)}
${relationships(view, citations)}
${products(view, citations)}
${timeline(view)}
${designations(view, citations)}
${incidents(view, citations)}
${contracts(view, citations)}
${organizationExportLicenses(o.id, exportLicenses)}
${transparencyReports}
${citations.list()}
${changeHistory(view.history, view.sources)}
${transparencyLogSection(`organization:${o.id}`, logEntries)}
</article>`;
  const feed = { type: 'application/atom+xml', href: `/organizations/${o.id}/feed.atom`, title: `Countersign: ${o.name}` };
  return layout(frame, { title: o.name, description: `${o.name}: ownership, products, designations, incidents and government contracts, with sources.`, main, alternates: [feed] });
}

/** "Showing 50 of 120 designations of subsidiaries and affiliates." when a family has more than a page shows. */
function more(shown: number, total: number, noun: string): SafeHtml {
  return total > shown ? html`<p class="muted">Showing ${shown} of ${countNoun(total, `${noun} of subsidiaries and affiliates`, `${noun}s of subsidiaries and affiliates`)}.</p>` : html``;
}

function timeline(view: OrganizationView): SafeHtml {
  const chart = recordTimeline(organizationTimelineEvents(view), { id: 'record-timeline', title: `${view.organization.name} over time` });
  return chart.toString() === '' ? html`` : html`<section aria-labelledby="timeline-heading"><h2 id="timeline-heading">Timeline</h2>${chart}</section>`;
}

function designations(view: OrganizationView, citations: Citations): SafeHtml {
  const rolledUp = view.rolledUp.designations;
  const via = new Map(rolledUp.map((r) => [r.item.id, r.via]));
  return html`<section aria-labelledby="designations-heading">
<h2 id="designations-heading">Designations</h2>
${view.timeline.length > 0 || rolledUp.length === 0 ? designationTimeline(view.timeline, citations) : ''}
${rolledUp.length > 0 ? html`<h3>Designations of subsidiaries and affiliates</h3>${more(rolledUp.length, view.rolledUp.totals.designations, 'designation')}${designationTimeline(designationEvents(rolledUp.map((r) => r.item)), citations, via)}` : ''}
</section>`;
}

function incidents(view: OrganizationView, citations: Citations): SafeHtml {
  const rolledUp = view.rolledUp.incidents;
  return html`<section aria-labelledby="incidents-heading">
<h2 id="incidents-heading">Documented abuse</h2>
${view.incidents.length > 0 || rolledUp.length === 0 ? incidentList(view.incidents, citations) : ''}
${rolledUp.length > 0 ? html`<h3>Through subsidiaries and affiliates</h3>${more(rolledUp.length, view.rolledUp.totals.incidents, 'incident')}${incidentList(rolledUp.map((r) => r.item), citations, new Map(rolledUp.map((r) => [r.item.id, r.via])))}` : ''}
</section>`;
}

function contracts(view: OrganizationView, citations: Citations): SafeHtml {
  const rolledUp = view.rolledUp.contracts;
  const { received, awarded } = organizationObligations(view);
  const name = view.organization.name;
  return html`<section aria-labelledby="contracts-heading">
<h2 id="contracts-heading">Government contracts</h2>
${obligationsChart(received, { id: 'obligations-received', title: `Obligations to ${name}${view.family.length > 0 ? ' and its family' : ''} over time` })}
${obligationsChart(awarded, { id: 'obligations-awarded', title: `Obligations by ${name}${view.family.length > 0 ? ' and its components' : ''} over time` })}
${view.contracts.length === 0 && rolledUp.length === 0 ? html`<p class="muted">No contracts recorded.</p>` : ''}
${view.contracts.map((c) => contractSection(c, citations))}
${more(rolledUp.length, view.rolledUp.totals.contracts, 'contract')}
${rolledUp.map((r) => contractSection(r.item, citations, r.via))}
</section>`;
}
