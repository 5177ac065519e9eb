import type { Docket, DocketFinding, DocketReport } from '../../oversight/dockets/docket.js';
import { docketWorkflow } from '../../oversight/dockets/docket-workflow.js';
import { allJurisdictions, type JurisdictionPreset } from '../../oversight/dockets/jurisdiction-presets.js';
import { formatDate, formatTimestamp } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';
import { moderationSection } from './docket-staff-forms.js';

const statusLabel = (d: Docket) => docketWorkflow.states[d.status]?.label ?? d.status;

function docketRows(dockets: readonly Docket[]): SafeHtml {
  if (dockets.length === 0) return html`<p class="muted">No dockets yet.</p>`;
  return html`<table><thead><tr><th>Docket</th><th>Jurisdiction</th><th>Agency</th><th>Status</th><th>Opened</th></tr></thead><tbody>
${dockets.map((d) => html`<tr><td><a href="/dockets/${d.id}">${d.title}</a></td><td>${allJurisdictions().find((p) => p.id === d.jurisdiction)?.name ?? d.jurisdiction}</td><td><a href="/organizations/${d.agency}">${d.agency}</a></td><td>${statusLabel(d)}</td><td>${formatTimestamp(d.openedAt)}</td></tr>`)}
</tbody></table>`;
}

function findingList(findings: readonly DocketFinding[]): SafeHtml {
  if (findings.length === 0) return html`<p class="muted">No findings recorded.</p>`;
  return html`<ul>${findings.map((f) => html`<li><strong>${f.technology}</strong> used by <a href="/organizations/${f.agency}">${f.agency}</a> on ${formatDate(f.observedOn)} with no approved docket: ${f.description}${f.sources.length > 0 ? html` (sources: ${f.sources.map((s, i) => html`${i > 0 ? ', ' : ''}<a href="/sources/${s}">${s}</a>`)})` : ''}</li>`)}</ul>`;
}

/** Every docket, newest first, with the jurisdictions and the findings of use without approval. */
export function docketsIndexPage(frame: PageFrame, view: { dockets: readonly Docket[]; total: number; findings: readonly DocketFinding[]; canOpen: boolean; canRecordFinding: boolean }): SafeHtml {
  const main = html`<section>
<h1>Community oversight dockets</h1>
<p class="lede">Before a police department uses a surveillance technology, it publishes what it wants and why; residents comment; the board votes in public. Jurisdictions: ${allJurisdictions().map((p, i) => html`${i > 0 ? ' · ' : ''}<a href="/dockets/jurisdictions/${p.id}">${p.name}</a>`)}.</p>
${view.canOpen ? html`<p><a href="/dockets/new">Open a docket</a></p>` : ''}
<p class="result-count">${view.total} ${view.total === 1 ? 'docket' : 'dockets'}</p>
${docketRows(view.dockets)}
<h2>Uses without an approved docket</h2>
${findingList(view.findings)}
${view.canRecordFinding ? html`<p><a href="/dockets/findings/new">Record a finding</a></p>` : ''}
</section>`;
  return layout(frame, { title: 'Dockets', main });
}

function reportStatus(reports: readonly DocketReport[]): SafeHtml {
  const overdue = reports.filter((r) => r.status === 'overdue');
  const due = reports.find((r) => r.status === 'due');
  const filed = reports.filter((r) => r.status === 'filed').length;
  return html`${overdue.length > 0 ? html`<strong class="warning">Overdue since ${overdue.map((r) => formatDate(r.dueOn)).join(', ')}</strong>` : ''}${overdue.length > 0 && due ? '; ' : ''}${due ? html`next due ${formatDate(due.dueOn)}` : ''}${filed > 0 ? html` (${filed} filed)` : ''}`;
}

function rule(label: string, value: string, r: { citation: string; basis: string; note?: string | undefined }): SafeHtml {
  return html`<tr><th scope="row">${label}</th><td>${value}</td><td>${r.citation}${r.basis === 'configured' ? html` <span class="muted">(set by this instance)</span>` : ''}${r.note ? html`<br><span class="muted">${r.note}</span>` : ''}</td></tr>`;
}

/** A jurisdiction: its rules with their citations, its approved technologies and their report status, its findings. */
export function jurisdictionPage(frame: PageFrame, preset: JurisdictionPreset, view: { approved: readonly { docket: Docket; reports: DocketReport[] }[]; dockets: readonly Docket[]; findings: readonly DocketFinding[] }): SafeHtml {
  const main = html`<section>
<p class="muted"><a href="/dockets">Dockets</a></p>
<h1>${preset.name}</h1>
<p class="lede">Surveillance technologies are decided by the ${preset.board.name} under ${preset.ordinance.citation} (<a href="/sources/${preset.ordinance.source}">source</a>).</p>
<h2>Approved technologies</h2>
${view.approved.length === 0 ? html`<p class="muted">None approved through a docket here.</p>` : html`<table><thead><tr><th>Technology</th><th>Agency</th><th>Decision</th><th>Annual reports</th></tr></thead><tbody>
${view.approved.map(({ docket, reports }) => html`<tr><td><a href="/dockets/${docket.id}">${docket.title}</a> <span class="muted">(${docket.technology})</span></td><td>${docket.agency}</td><td>${statusLabel(docket)}${docket.expiresOn ? html`, until ${formatDate(docket.expiresOn)}` : ''}</td><td>${reportStatus(reports)}</td></tr>`)}
</tbody></table>`}
<h2>All dockets</h2>
${docketRows(view.dockets)}
<h2>Uses without an approved docket</h2>
${findingList(view.findings)}
<h2>Rules</h2>
<table><thead><tr><th>Rule</th><th>Value</th><th>Where it comes from</th></tr></thead><tbody>
${rule('Board members', String(preset.board.members.value), preset.board.members)}
${rule('Notice before the hearing', `${preset.noticeLeadDays.value} days`, preset.noticeLeadDays)}
${rule('Comment period', `${preset.commentPeriodDays.value} days`, preset.commentPeriodDays)}
${rule('Posted before use', preset.postBeforeUseDays.value === null ? 'no separate period' : `${preset.postBeforeUseDays.value} days`, preset.postBeforeUseDays)}
${rule('Quorum', `${preset.quorum.value} members`, preset.quorum)}
${rule('Majority', preset.majority.value === 'of-members' ? 'a majority of all members' : 'more yes than no votes', preset.majority)}
${rule('Annual report', `every ${preset.reportIntervalMonths.value} months`, preset.reportIntervalMonths)}
</tbody></table>
<h3>Annual report sections</h3>
<ol>${preset.reportSections.map((s) => html`<li>${s.label} <span class="muted">(${s.citation})</span></li>`)}</ol>
</section>`;
  return layout(frame, { title: `${preset.name}: surveillance technology`, main });
}

/** The form that opens a docket (an admin or the agency's officer). */
export function newDocketPage(frame: PageFrame): SafeHtml {
  const main = html`<section class="narrow"><h1>Open a docket</h1>
<form method="post" action="/dockets/new" class="stacked">${csrfField(frame.auth)}
<p><label for="d-jurisdiction">Jurisdiction</label><select id="d-jurisdiction" name="jurisdiction" required>${allJurisdictions().map((p) => html`<option value="${p.id}">${p.name}</option>`)}</select></p>
<p><label for="d-agency">Agency <span class="muted">(registry id, such as ${allJurisdictions().map((p) => p.agency).join(', ')})</span></label><input id="d-agency" name="agency" type="text" required maxlength="100"></p>
<p><label for="d-technology">Technology <span class="muted">(a registry product id, or a description)</span></label><input id="d-technology" name="technology" type="text" required minlength="2" maxlength="300"></p>
<p><label for="d-vendor">Vendor <span class="muted">(registry id, optional)</span></label><input id="d-vendor" name="vendor" type="text" maxlength="100"></p>
<p><label for="d-title">Title</label><input id="d-title" name="title" type="text" required minlength="3" maxlength="300"></p>
<p><button type="submit">Open the docket</button></p></form>
<p class="muted">The impact report and use policy are filled in on the docket's page before notice.</p></section>`;
  return layout(frame, { title: 'Open a docket', main });
}

/** The form that records a finding of use without approval. */
export function newFindingPage(frame: PageFrame): SafeHtml {
  const main = html`<section class="narrow"><h1>Record a use without an approved docket</h1>
<form method="post" action="/dockets/findings/new" class="stacked">${csrfField(frame.auth)}
<p><label for="f-jurisdiction">Jurisdiction</label><select id="f-jurisdiction" name="jurisdiction" required>${allJurisdictions().map((p) => html`<option value="${p.id}">${p.name}</option>`)}</select></p>
<p><label for="f-agency">Agency <span class="muted">(registry id)</span></label><input id="f-agency" name="agency" type="text" required maxlength="100"></p>
<p><label for="f-technology">Technology</label><input id="f-technology" name="technology" type="text" required minlength="2" maxlength="300"></p>
<p><label for="f-observedOn">Observed on</label><input id="f-observedOn" name="observedOn" type="date" required></p>
<p><label for="f-description">What was found</label><textarea id="f-description" name="description" rows="5" required minlength="10" maxlength="20000"></textarea></p>
<p><label for="f-sources">Sources <span class="muted">(registry source ids, comma-separated, optional)</span></label><input id="f-sources" name="sources" type="text" maxlength="2000"></p>
<p><button type="submit">Record the finding</button></p></form></section>`;
  return layout(frame, { title: 'Record a finding', main });
}

/** The clerk's moderation page for one docket. */
export function moderationPage(frame: PageFrame, docket: Docket, pending: readonly { id: string; text: string | null; contact: string | null; submittedAt: string }[]): SafeHtml {
  const main = html`<section><p class="muted"><a href="/dockets/${docket.id}">${docket.title}</a></p><h1>Comments waiting for moderation</h1>
<p class="lede">Published comments appear on the docket with the log entry that publishes them; rejected ones stay sealed. A commenter's contact is sealed: shown here to the clerk, never published.</p>
${moderationSection(frame, docket.id, pending)}</section>`;
  return layout(frame, { title: `Moderation: ${docket.title}`, main });
}
