import type { Actor } from '../../accounts/actor.js';
import type { CommandError } from '../../core/command-error.js';
import { eccnLabel, isSurveillanceEccn } from '../../oversight/export-licenses/eccn.js';
import type { Proviso } from '../../oversight/export-licenses/export-license.js';
import { PROVISO_KINDS } from '../../oversight/export-licenses/export-license.js';
import { PROVISO_KIND_LABELS } from '../../oversight/export-licenses/export-license-input.js';
import { exportLicenseWorkflow } from '../../oversight/export-licenses/export-license-workflow.js';
import { authorityLabel, countryName, designationListLabel } from '../../registry/labels.js';
import type { ExportLicenseView, ProvisoView } from '../../store/oversight/export-licenses/read-export-licenses.js';
import { formatDate, formatTimestamp } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';
import { safeHref } from '../components/safe-href.js';
import { transparencyLogSection } from '../components/transparency-log-section.js';
import type { TransparencyLogEntry } from '../portal-dependencies.js';

const STEP_LABELS: Readonly<Record<string, string>> = {
  applied: 'Application filed', refused: 'Refused on screening', 'review-started': 'Review started', approved: 'Approved with provisos', denied: 'Denied',
  'evidence-recorded': 'Proviso evidence recorded', 'proviso-overdue': 'Proviso flagged overdue', 'revocation-review-opened': 'Revocation review opened', 'incident-linked': 'Another incident linked', revoked: 'Revoked', reinstated: 'Reinstated',
};

/** Whether the actor may take a step of the workflow now (the form is shown only then). */
function canTake(actor: Actor, view: ExportLicenseView, action: string): boolean {
  const step = exportLicenseWorkflow.transitions[action];
  return step !== undefined && step.from.includes(view.license.status) && actor.kind !== 'system' && step.policy.allows(actor, exportLicenseWorkflow.resourceOf(view.license));
}

function orgLink(id: string, name: string | null): SafeHtml {
  return html`<a href="/organizations/${id}">${name ?? id}</a>`;
}

function sourceLinks(ids: readonly string[]): SafeHtml {
  return html`${ids.map((id, i) => html`${i > 0 ? ', ' : ''}<a href="/sources/${id}">${id}</a>`)}`;
}

function provisoStatus(p: Proviso): SafeHtml {
  if (p.status === 'met') return p.overdueAt ? html`<strong>Met late</strong> (evidence ${formatTimestamp(p.metAt ?? '')}; overdue since ${formatTimestamp(p.overdueAt)})` : html`Met (${formatTimestamp(p.metAt ?? '')})`;
  if (p.overdueAt) return html`<strong class="flag-overdue">Overdue</strong> — no evidence by ${formatDate(p.dueDate ?? '')} (flagged ${formatTimestamp(p.overdueAt)})`;
  return p.dueDate ? html`Open — evidence due ${formatDate(p.dueDate)}` : html`Standing duty`;
}

function provisoRow(p: ProvisoView): SafeHtml {
  const evidence = p.evidence.map((e) => {
    const href = safeHref(e.url);
    return html`<li>${formatTimestamp(e.submittedAt)}: ${e.summary}${href ? html` (<a class="external" href="${href}" rel="noopener noreferrer nofollow">document</a>)` : ''}</li>`;
  });
  return html`<tr${p.overdueAt && p.status === 'open' ? html` class="overdue"` : ''}><td>${p.position}</td><td>${PROVISO_KIND_LABELS[p.kind]}</td><td>${p.text}</td><td>${provisoStatus(p)}</td>
<td>${evidence.length > 0 ? html`<ul>${evidence}</ul>` : html`<span class="muted">none</span>`}</td></tr>`;
}

function form(frame: PageFrame, id: string, path: string, title: string, fields: SafeHtml, button: string): SafeHtml {
  return html`<form method="post" action="/export-licenses/${id}/${path}" class="step-form"><fieldset><legend>${title}</legend>${csrfField(frame.auth)}${fields}
<p class="buttons"><button type="submit">${button}</button></p></fieldset></form>`;
}

const reasonsField = (id: string, label: string) => html`<p><label for="${id}">${label}</label><textarea id="${id}" name="reasons" rows="3" maxlength="8000" required></textarea></p>`;
const dateField = (id: string, label: string) => html`<p><label for="${id}">${label} <span class="muted">(optional, if it happened earlier: YYYY-MM-DD)</span></label><input id="${id}" name="occurredAt" type="date"></p>`;

function provisoFields(n: number): SafeHtml {
  const kinds = PROVISO_KINDS.map((k) => html`<option value="${k}">${PROVISO_KIND_LABELS[k]}</option>`);
  return html`<fieldset><legend>Proviso ${n}${n > 1 ? html` <span class="muted">(optional)</span>` : ''}</legend>
<p><label for="proviso-kind-${n}">Kind</label><select id="proviso-kind-${n}" name="provisoKind${n}">${kinds}</select></p>
<p><label for="proviso-text-${n}">Condition</label><textarea id="proviso-text-${n}" name="provisoText${n}" rows="2" maxlength="4000"${n === 1 ? ' required' : ''}></textarea></p>
<p><label for="proviso-due-${n}">Evidence due <span class="muted">(none for a standing duty)</span></label><input id="proviso-due-${n}" name="provisoDue${n}" type="date"></p></fieldset>`;
}

/** The forms for the steps this actor may take now: review, approve with provisos, deny, evidence, revocation review, revoke, reinstate. */
function staffForms(frame: PageFrame, view: ExportLicenseView): SafeHtml {
  const id = view.license.id;
  const a = frame.auth.actor;
  const open = view.provisos.filter((p) => p.status === 'open');
  const forms = [
    canTake(a, view, 'review') ? form(frame, id, 'review', 'Start the review', html`<p><label for="review-note">Note <span class="muted">(optional)</span></label><textarea id="review-note" name="note" rows="2" maxlength="4000"></textarea></p>${dateField('review-date', 'Started on')}`, 'Start review') : '',
    canTake(a, view, 'approve') ? form(frame, id, 'approval', 'Approve with provisos', html`<p><label for="approve-note">Reasons for the approval</label><textarea id="approve-note" name="note" rows="3" maxlength="8000" required></textarea></p>
${[1, 2, 3, 4].map(provisoFields)}${dateField('approve-date', 'Approved on')}`, 'Approve') : '',
    canTake(a, view, 'deny') ? form(frame, id, 'denial', 'Deny the application', html`${reasonsField('deny-reasons', 'Reasons')}${dateField('deny-date', 'Denied on')}`, 'Deny') : '',
    canTake(a, view, 'record-evidence') && open.length > 0 ? form(frame, id, 'evidence', 'Record proviso evidence', html`<p><label for="evidence-proviso">Proviso</label><select id="evidence-proviso" name="proviso">${open.map((p) => html`<option value="${p.id}">${p.position}. ${PROVISO_KIND_LABELS[p.kind]}</option>`)}</select></p>
<p><label for="evidence-summary">What was filed</label><textarea id="evidence-summary" name="summary" rows="3" maxlength="8000" required></textarea></p>
<p><label for="evidence-url">Document address <span class="muted">(optional)</span></label><input id="evidence-url" name="url" type="url" maxlength="2000"></p>`, 'Record evidence') : '',
    canTake(a, view, 'open-revocation-review') ? form(frame, id, 'revocation-review', 'Open a revocation review', html`${reasonsField('review-reasons', 'Reasons (the new evidence)')}
<p><label for="review-incident">Registry incident id <span class="muted">(optional)</span></label><input id="review-incident" name="incident" maxlength="100"></p>`, 'Open revocation review') : '',
    canTake(a, view, 'link-incident') ? form(frame, id, 'incidents', 'Link another incident', html`${reasonsField('link-reasons', 'Reasons (what the incident shows)')}
<p><label for="link-incident">Registry incident id</label><input id="link-incident" name="incident" maxlength="100" required></p>`, 'Link the incident') : '',
    canTake(a, view, 'revoke') ? form(frame, id, 'revocation', 'Revoke the licence', reasonsField('revoke-reasons', 'Reasons'), 'Revoke') : '',
    canTake(a, view, 'reinstate') ? form(frame, id, 'reinstatement', 'Reinstate the licence', reasonsField('reinstate-reasons', 'Reasons'), 'Reinstate') : '',
  ].filter((f) => f !== '');
  return forms.length === 0 ? html`` : html`<section aria-labelledby="staff-heading"><h2 id="staff-heading">Licensing steps</h2>${forms}</section>`;
}

/**
 * One export licence, as the public follows it: the item with what its ECCN controls, the parties
 * linked to the registry, the destination by name (and its risk-list entries), a refusal's
 * designations, the provisos with their status and overdue flags, revocation review with the
 * incidents that started it, every recorded step and the log entries; staff see the forms for the
 * steps they may take.
 *
 * @example
 * pageResponse(c, exportLicensePage(pageFrame(c), view, await logEntriesFor(`export-license:${id}`)));
 */
export function exportLicensePage(frame: PageFrame, view: ExportLicenseView, log: readonly TransparencyLogEntry[] | undefined, done?: string, refused?: CommandError): SafeHtml {
  const l = view.license;
  const state = exportLicenseWorkflow.states[l.status]?.label ?? l.status;
  const overdue = view.provisos.filter((p) => p.status === 'open' && p.overdueAt !== null).length;
  const designations = l.screening.designations.map((d) => html`<li><strong>${d.party === 'exporter' ? 'Exporter' : 'End user'}</strong>: ${orgLink(d.subject, d.subjectName)}${d.via ? html` (related to the named party: its ${d.via})` : ''} —
${authorityLabel(d.authority)}, ${designationListLabel(d.list)}, listed ${formatDate(d.listed)}${d.reason ? html` (${d.reason})` : ''}. Sources: ${sourceLinks(d.sources)}.</li>`);
  const main = html`<h1>Export licence: ${l.item}</h1>
${done ? html`<p class="notice" role="status">${done}</p>` : ''}
${refused ? html`<div class="error-message" role="alert"><p>The step was not recorded: ${refused.message}</p>${refused.issues.length > 0 ? html`<ul>${refused.issues.map((i) => html`<li><code>${i.path}</code>: ${i.message}</li>`)}</ul>` : ''}</div>` : ''}
<p class="lede">Status: <strong>${state}</strong>${overdue > 0 ? html` · <strong class="flag-overdue">${overdue} ${overdue === 1 ? 'proviso' : 'provisos'} overdue</strong>` : ''}</p>
<dl class="facts">
<dt>Item</dt><dd>${l.item}</dd>
<dt>Control classification</dt><dd>ECCN <code>${l.eccn}</code>: ${eccnLabel(l.eccn)}${isSurveillanceEccn(l.eccn) ? html` <span class="muted">(an intrusion-software or surveillance control)</span>` : ''}</dd>
<dt>Exporter</dt><dd>${orgLink(l.exporter, view.names.exporter)}</dd>
<dt>End user</dt><dd>${orgLink(l.endUser, view.names.endUser)}</dd>
<dt>End use</dt><dd>${l.endUse}</dd>
<dt>Destination</dt><dd>${countryName(l.destination)}</dd>
<dt>Licensing agency</dt><dd>${orgLink(l.licensingAgency, view.names.licensingAgency)}</dd>
<dt>Applied</dt><dd>${formatTimestamp(l.appliedAt.length === 10 ? `${l.appliedAt}T00:00` : l.appliedAt)}</dd>
${l.decisionNote ? html`<dt>Decision</dt><dd>${l.decisionNote}${l.decidedAt ? html` (${formatDate(l.decidedAt)})` : ''}</dd>` : ''}
${l.revocationReasons ? html`<dt>Revoked</dt><dd>${l.revocationReasons} (${formatTimestamp(l.revokedAt ?? '')})</dd>` : ''}
</dl>
${l.status === 'refused' ? html`<section class="error-message" aria-labelledby="refusal-heading"><h2 id="refusal-heading">Refused: designated parties</h2><ul>${designations}</ul></section>` : ''}
<section aria-labelledby="risk-heading"><h2 id="risk-heading">Destination risk list</h2>
${view.riskEntries.length === 0 ? html`<p class="muted">${countryName(l.destination)} is not on the destination risk list.</p>`
    : html`<ul>${view.riskEntries.map((e) => html`<li>${e.reason} Sources: ${sourceLinks(e.sources)}.${e.incidents.length > 0 ? html` Incidents: ${e.incidents.map((i, n) => html`${n > 0 ? ', ' : ''}<a href="/incidents/${i}">${i}</a>`)}.` : ''}</li>`)}</ul>`}
</section>
${view.provisos.length > 0 ? html`<section aria-labelledby="provisos-heading"><h2 id="provisos-heading">Provisos</h2><div class="table-scroll"><table>
<thead><tr><th scope="col">#</th><th scope="col">Kind</th><th scope="col">Condition</th><th scope="col">Status</th><th scope="col">Evidence</th></tr></thead><tbody>${view.provisos.map(provisoRow)}</tbody></table></div>
<p>Due dates as a calendar: <a href="/api/v1/cases/export-license/${l.id}/deadlines.ics">subscribe (iCalendar)</a> · <a href="/api/v1/cases/export-license/${l.id}/deadlines">JSON</a>.</p></section>` : ''}
${view.incidents.length > 0 ? html`<section aria-labelledby="revocation-heading"><h2 id="revocation-heading">Revocation review: new evidence</h2><ul>${view.incidents.map((i) => html`<li><a href="/incidents/${i.id}">${i.title ?? i.id}</a> (linked ${formatTimestamp(i.linkedAt)})</li>`)}</ul></section>` : ''}
<section aria-labelledby="history-heading"><h2 id="history-heading">Recorded steps</h2><ol class="timeline">${view.steps.map((s) => html`<li><strong>${STEP_LABELS[s.step] ?? s.step}</strong>, ${s.at.length === 10 ? formatDate(s.at) : formatTimestamp(s.at)}${s.note ? html`: ${s.note}` : ''}${s.incidentId ? html` (<a href="/incidents/${s.incidentId}">incident</a>)` : ''}</li>`)}</ol></section>
${staffForms(frame, view)}
${transparencyLogSection(`export-license:${l.id}`, log)}`;
  return layout(frame, { title: `Export licence: ${l.item}`, description: `${state}: ${l.item} (ECCN ${l.eccn}) to ${countryName(l.destination)}`, main });
}
