import { JURISDICTIONS } from '../../disclosure/requests/jurisdictions.js';
import type { AgencyStatistics } from '../../store/disclosure/requests/read-requests.js';
import type { PresentedRequest } from '../components/disclosure-step-forms.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';

function requestList(requests: readonly PresentedRequest[], empty: string): SafeHtml {
  if (requests.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<ul class="request-list">${requests.map((r) => html`<li><a href="/disclosure-requests/${r.id}">${r.title}</a>
<span class="status">${r.statusLabel}</span>${r.overdue ? html` <span class="status status-reported">Overdue</span>` : ''}
<span class="muted">${r.agencyName}${r.dueDate ? ` · due ${r.dueDate}` : ''}</span></li>`)}</ul>`;
}

/** The draft form: what to draft from (an alert, a contract's PIID, a review, a docket), which law, expedited processing. */
export function draftForm(frame: PageFrame, prefill: { kind?: string | undefined; id?: string | undefined } = {}): SafeHtml {
  const kinds = [['alert', 'Procurement alert (id)'], ['contract', 'Contract (PIID)'], ['review', 'Acquisition review (id)'], ['docket', 'Docket (id)']] as const;
  return html`<form method="post" action="/disclosure-requests/new" class="draft-form">
${csrfField(frame.auth)}
<p><label for="draft-kind">Draft from</label>
<select id="draft-kind" name="kind">${kinds.map(([value, label]) => html`<option value="${value}"${prefill.kind === value ? html` selected` : ''}>${label}</option>`)}</select></p>
<p><label for="draft-id">Its id or PIID</label> <input id="draft-id" name="id" maxlength="200" required value="${prefill.id ?? ''}"></p>
<p><label for="draft-law">Records law</label>
<select id="draft-law" name="jurisdiction">${Object.values(JURISDICTIONS).map((j) => html`<option value="${j.id}">${j.label}</option>`)}</select></p>
<p><label><input type="checkbox" name="expedited" value="true"> Ask for expedited processing</label></p>
<p><label for="draft-name">Sign the letter as</label> <input id="draft-name" name="requesterName" maxlength="200" value="${frame.auth.user?.displayName ?? frame.auth.user?.username ?? ''}"></p>
<p class="buttons"><button type="submit">Draft the request</button></p>
</form>`;
}

/** A one-button form that drafts a request from this alert, contract, review or docket (for their pages). */
export function draftButton(frame: PageFrame, kind: 'alert' | 'contract' | 'review' | 'docket', id: string): SafeHtml {
  if (!frame.auth.user) return html`<p><a href="/login?next=${encodeURIComponent(frame.path)}">Sign in</a> to draft a records request about this ${kind}.</p>`;
  return html`<form method="post" action="/disclosure-requests/new" class="inline-form">
${csrfField(frame.auth)}<input type="hidden" name="kind" value="${kind}"><input type="hidden" name="id" value="${id}">
<button type="submit">Draft a records request</button>
</form>`;
}

/**
 * Records requests: filed requests for everyone, the reader's own (drafts included), the draft
 * form, the statistics per agency and the calendar of every deadline.
 */
export function disclosureRequestsPage(frame: PageFrame, view: { filed: readonly PresentedRequest[]; total: number; mine: readonly PresentedRequest[] | null; statistics: readonly AgencyStatistics[] }): SafeHtml {
  const main = html`<h1>Records requests</h1>
<p class="lede">Requests under FOIA, the California Public Records Act and New York's FOIL, drafted from the record, with the statutory clock of each. <a href="/api/v1/disclosure-requests.ics">Every deadline as a calendar (iCalendar)</a>.</p>
${view.mine !== null ? html`<section aria-labelledby="mine-heading"><h2 id="mine-heading">Your requests</h2>${requestList(view.mine, 'You have no requests yet.')}
<h3>Draft a new request</h3>${draftForm(frame)}</section>` : html`<p><a href="/login?next=%2Fdisclosure-requests">Sign in</a> to draft a request.</p>`}
<section aria-labelledby="filed-heading"><h2 id="filed-heading">Filed requests (${view.total})</h2>${requestList(view.filed, 'No request has been filed yet.')}</section>
${agencyTable(view.statistics)}`;
  return layout(frame, { title: 'Records requests', main });
}

/** Response times, overdue counts and outcomes per agency: the statistics journalists quote. */
export function agencyTable(statistics: readonly AgencyStatistics[]): SafeHtml {
  if (statistics.length === 0) return html``;
  return html`<section aria-labelledby="agencies-heading"><h2 id="agencies-heading">Agencies</h2>
<table><thead><tr><th scope="col">Agency</th><th scope="col">Filed</th><th scope="col">Open</th><th scope="col">Overdue now</th><th scope="col">Answered late</th><th scope="col">Median days to answer</th><th scope="col">Completed</th><th scope="col">Partial</th><th scope="col">Rejected</th><th scope="col">No documents</th></tr></thead>
<tbody>${statistics.map((s) => html`<tr><th scope="row"><a href="/disclosure-agencies/${s.agencyId}">${s.agencyName}</a></th><td>${s.filed}</td><td>${s.open}</td><td>${s.overdue}</td><td>${s.answeredLate}</td><td>${s.medianResponseDays ?? '—'}</td><td>${s.outcomes.done}</td><td>${s.outcomes.partial}</td><td>${s.outcomes.rejected}</td><td>${s.outcomes['no-documents']}</td></tr>`)}</tbody></table>
<p class="muted">Days are business days under FOIA and FOIL, calendar days under the CPRA, from receipt to determination.</p></section>`;
}

/** One agency's requests and statistics. */
export function disclosureAgencyPage(frame: PageFrame, view: { agencyId: string; statistics: AgencyStatistics | null; requests: readonly PresentedRequest[] }): SafeHtml {
  const name = view.statistics?.agencyName ?? view.agencyId;
  const main = html`<h1>Records requests to ${name}</h1>
${view.statistics ? agencyTable([view.statistics]) : html`<p class="muted">No request to this agency has been filed yet.</p>`}
<section aria-labelledby="agency-requests-heading"><h2 id="agency-requests-heading">Requests</h2>${requestList(view.requests, 'None yet.')}</section>`;
  return layout(frame, { title: `Records requests to ${name}`, main });
}

/** The edit form of a draft: title, letter, law and expedited processing. */
export function disclosureEditPage(frame: PageFrame, request: PresentedRequest): SafeHtml {
  const main = html`<h1>Edit the draft</h1>
<form method="post" action="/disclosure-requests/${request.id}/edit">
${csrfField(frame.auth)}
<p><label for="edit-title">Title</label> <input id="edit-title" name="title" maxlength="300" value="${request.title}" required></p>
<p><label for="edit-law">Records law</label>
<select id="edit-law" name="jurisdiction">${Object.values(JURISDICTIONS).map((j) => html`<option value="${j.id}"${j.id === request.jurisdiction ? html` selected` : ''}>${j.label}</option>`)}</select></p>
<p><label><input type="checkbox" name="expedited" value="true"${request.expedited ? html` checked` : ''}> Ask for expedited processing</label></p>
<p><label for="edit-letter">Letter</label>
<textarea id="edit-letter" name="letter" rows="30" maxlength="100000" required>${request.letter}</textarea></p>
<p class="buttons"><button type="submit">Save the draft</button> <a href="/disclosure-requests/${request.id}">Cancel</a></p>
</form>`;
  return layout(frame, { title: 'Edit the draft', main });
}
