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
import { relationshipGroup, relationshipTable } from '../components/relationship-table.js';
import { statusBadge } from '../components/status-badge.js';
import { transparencyLogSection } from '../components/transparency-log-section.js';
import type { TransparencyLogEntry } from '../portal-dependencies.js';

const IDENTIFIERS = [
  ['uei', 'UEI (SAM.gov Unique Entity ID)'],
  ['duns', 'DUNS'],
  ['cage', 'CAGE code'],
  ['lei', 'LEI'],
] as const;

function names(view: OrganizationView, citations: Citations): SafeHtml {
  const o = view.organization;
  const identifiers = IDENTIFIERS.flatMap(([key, label]) => (o.identifiers?.[key] ? [html`<dt>${label}</dt><dd><code>${o.identifiers[key]}</code></dd>`] : []));
  return html`<dl class="facts">
<dt>Kind</dt><dd>${o.kind}</dd>
${o.country ? html`<dt>Country</dt><dd>${o.country}${o.locality ? html` (${o.locality})` : ''}</dd>` : ''}
${o.aliases && o.aliases.length > 0 ? html`<dt>Also known as</dt><dd><ul class="inline-list">${o.aliases.map((a) => html`<li>${a}</li>`)}</ul></dd>` : ''}
${o.formerNames && o.formerNames.length > 0 ? html`<dt>Former names</dt><dd><ul class="inline-list">${o.formerNames.map((f) => html`<li>${f.name}${f.until ? html` (until ${dateText(f.until)})` : ''}</li>`)}</ul></dd>` : ''}
${identifiers}
${view.parent ? html`<dt>Part of</dt><dd>${recordLink(view.parent)}</dd>` : ''}
${o.notes ? html`<dt>Notes</dt><dd>${o.notes}</dd>` : ''}
<dt>Sources</dt><dd>${citations.cite(o.sources)}</dd>
</dl>`;
}

function relationships(view: OrganizationView, citations: Citations): SafeHtml {
  if (view.relationships.length === 0) return html``;
  const groups = [
    ['owners', 'Owners, parents and investors'],
    ['holdings', 'Subsidiaries and holdings'],
    ['other', 'Other relationships'],
  ] as const;
  const parts = groups.map(([group, title]) => {
    const members = view.relationships.filter((r) => relationshipGroup(r) === group);
    return members.length === 0 ? html`` : html`<h3>${title}</h3>${relationshipTable(members, citations)}`;
  });
  return html`<section aria-labelledby="relationships-heading"><h2 id="relationships-heading">Ownership and relationships</h2>${parts}</section>`;
}

function products(view: OrganizationView, citations: Citations): SafeHtml {
  if (view.products.length === 0) return html``;
  const items = view.products.map((p) => html`<li><a href="${recordUrl('product', p.id)}">${p.name}</a> ${statusBadge(p.status)} ${citations.cite(p.sources)}
${p.capabilities.length > 0 ? html`<ul>${p.capabilities.map((c) => html`<li>${c}</li>`)}</ul>` : ''}</li>`);
  return html`<section aria-labelledby="products-heading"><h2 id="products-heading">Products</h2><ul class="record-list">${items}</ul></section>`;
}

/**
 * An organisation's page: names, aliases and identifiers, owners and subsidiaries, products,
 * designations as a timeline of listings and delistings, incidents, contracts with every
 * transaction, numbered sources, change history and (when wired) its transparency-log entries.
 *
 * @example
 * c.html(organizationPage(frame, await readOrganization(db, 'paragon-solutions-us'), undefined).toString());
 */
export function organizationPage(frame: PageFrame, view: OrganizationView, logEntries: readonly TransparencyLogEntry[] | undefined): SafeHtml {
  const o = view.organization;
  const citations = new Citations(view.sources);
  const main = html`<article class="record">
<header class="record-header">
<p class="record-type">Organization</p>
<h1>${o.name} ${statusBadge(o.status)}</h1>
</header>
${names(view, citations)}
${relationships(view, citations)}
${products(view, citations)}
<section aria-labelledby="designations-heading">
<h2 id="designations-heading">Designations</h2>
${designationTimeline(view.timeline, citations)}
</section>
<section aria-labelledby="incidents-heading">
<h2 id="incidents-heading">Documented abuse</h2>
${incidentList(view.incidents, citations)}
</section>
<section aria-labelledby="contracts-heading">
<h2 id="contracts-heading">Government contracts</h2>
${view.contracts.length === 0 ? html`<p class="muted">No contracts recorded.</p>` : view.contracts.map((c) => contractSection(c, citations))}
</section>
${citations.list()}
${changeHistory(view.history)}
${transparencyLogSection(`organization:${o.id}`, logEntries)}
</article>`;
  return layout(frame, { title: o.name, description: `${o.name}: ownership, products, designations, incidents and government contracts, with sources.`, main });
}
