import type { PersonView } from '../../registry/views.js';
import { proposeChangeLink } from '../components/propose-change-link.js';
import { changeHistory } from '../components/change-history.js';
import { Citations } from '../components/citations.js';
import { designationTimeline } from '../components/designation-timeline.js';
import { html, type SafeHtml } from '../components/html.js';
import { layout, type PageFrame } from '../components/layout.js';
import { relationshipTable } from '../components/relationship-table.js';
import { relationshipGraph } from '../components/charts/relationship-graph.js';
import { personGraphData } from '../components/charts/relationship-graph-data.js';
import { countryName } from '../../registry/labels.js';
import { statusBadge } from '../components/status-badge.js';
import { transparencyLogSection } from '../components/transparency-log-section.js';
import type { TransparencyLogEntry } from '../portal-dependencies.js';

/**
 * A person's page: names, role, nationality, the organisations they are tied to (a graph and a
 * table, each relationship with its dates and sources), their designations (listings and
 * delistings), sources and history.
 *
 * @example
 * c.html(personPage(frame, await readPerson(db, 'tal-dilian'), undefined).toString());
 */
export function personPage(frame: PageFrame, view: PersonView, logEntries: readonly TransparencyLogEntry[] | undefined): SafeHtml {
  const p = view.person;
  const citations = new Citations(view.sources);
  const main = html`<article class="record">
<header class="record-header">
<p class="record-type">Person</p>
<h1>${p.name} ${statusBadge(p.status)}</h1>
${proposeChangeLink(frame, 'person', p.id)}
</header>
<dl class="facts">
${p.aliases && p.aliases.length > 0 ? html`<dt>Also known as</dt><dd><ul class="inline-list">${p.aliases.map((a) => html`<li>${a}</li>`)}</ul></dd>` : ''}
${p.role ? html`<dt>Role</dt><dd>${p.role}</dd>` : ''}
${p.nationality ? html`<dt>Nationality</dt><dd>${countryName(p.nationality)}</dd>` : ''}
${p.notes ? html`<dt>Notes</dt><dd>${p.notes}</dd>` : ''}
<dt>Sources</dt><dd>${citations.cite(p.sources)}</dd>
</dl>
${view.relationships.length > 0 ? html`<section aria-labelledby="relationships-heading"><h2 id="relationships-heading">Organizations and relationships</h2>
${relationshipGraph(personGraphData(view), { id: 'relationship-graph', title: `Organizations ${p.name} is tied to`, tableNote: 'The table below lists every relationship with its dates and sources.' })}
${relationshipTable(view.relationships, citations)}</section>` : html`<section aria-labelledby="relationships-heading"><h2 id="relationships-heading">Organizations and relationships</h2><p class="muted">No relationships to organizations recorded yet.</p></section>`}
<section aria-labelledby="designations-heading">
<h2 id="designations-heading">Designations</h2>
${designationTimeline(view.timeline, citations)}
</section>
${citations.list()}
${changeHistory(view.history)}
${transparencyLogSection(`person:${p.id}`, logEntries)}
</article>`;
  return layout(frame, { title: p.name, description: `${p.name}: relationships and designations, with sources.`, main });
}
