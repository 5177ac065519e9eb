import { scoped } from '../../accounts/policy.js';
import { APPROVED_STATUSES } from '../../oversight/dockets/docket.js';
import { agencyOfficer, boardClerk } from '../../oversight/dockets/docket-rules.js';
import { docketWorkflow } from '../../oversight/dockets/docket-workflow.js';
import type { JurisdictionPreset } from '../../oversight/dockets/jurisdiction-presets.js';
import type { DocketDetail } from '../../store/oversight/dockets/read-dockets.js';
import { formatDate } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, type PageFrame } from '../components/layout.js';
import { IMPACT_REPORT_LABELS, USE_POLICY_LABELS } from './docket-labels.js';

function stepForm(frame: PageFrame, id: string, action: string, title: string, body: SafeHtml, button: string): SafeHtml {
  return html`<form method="post" action="/dockets/${id}/steps/${action}" class="stacked staff-form">
<h3>${title}</h3>
${csrfField(frame.auth)}
${body}
<p><button type="submit">${button}</button></p>
</form>`;
}

const textArea = (name: string, label: string, value = '', rows = 3) => html`<p><label for="f-${name}">${label}</label><textarea id="f-${name}" name="${name}" rows="${rows}" maxlength="20000">${value}</textarea></p>`;
const dateInput = (name: string, label: string, required: boolean) => html`<p><label for="f-${name}">${label}</label><input id="f-${name}" name="${name}" type="date"${required ? html` required` : ''}></p>`;

function proposalForm(frame: PageFrame, detail: DocketDetail): SafeHtml {
  const d = detail.docket;
  const [report, use]: Record<string, string | undefined>[] = [{ ...d.proposal.impactReport }, { ...d.proposal.usePolicy }];
  const impact = Object.entries(IMPACT_REPORT_LABELS).map(([key, label]) => textArea(`impactReport.${key}`, label, report?.[key] ?? ''));
  const policy = Object.entries(USE_POLICY_LABELS).map(([key, label]) => textArea(`usePolicy.${key}`, `Use policy: ${label}`, use?.[key] ?? ''));
  return stepForm(frame, d.id, 'revise', 'Revise the proposal (before notice)', html`<p><label for="f-title">Title</label><input id="f-title" name="title" type="text" required minlength="3" maxlength="300" value="${d.title}"></p>${impact}${policy}`, 'Save the proposal');
}

function reportForm(frame: PageFrame, detail: DocketDetail, preset: JurisdictionPreset): SafeHtml {
  const due = detail.docket.reportDueOn;
  return stepForm(frame, detail.docket.id, 'fileReport', `File the annual report${due ? ` due ${formatDate(due)}` : ''}`,
    html`${preset.reportSections.map((s) => html`<p><label for="f-${s.key}">${s.label} <span class="muted">(${s.citation})</span></label><textarea id="f-${s.key}" name="sections.${s.key}" rows="3" required maxlength="20000"></textarea></p>`)}`, 'File the report');
}

/**
 * The forms for the steps the signed-in reader may take on this docket, in the order the docket
 * moves: the agency revises its proposal and files reports; the clerk publishes notice, records
 * the hearing, moderates (on the moderation page), records the decision and renewals; members vote.
 */
export function docketStaffForms(frame: PageFrame, detail: DocketDetail, preset: JurisdictionPreset): SafeHtml {
  const actor = frame.auth.actor;
  const d = detail.docket;
  const resource = docketWorkflow.resourceOf(d);
  const clerk = boardClerk.allows(actor, resource);
  const officer = agencyOfficer.allows(actor, resource);
  const member = scoped('board-member').allows(actor, resource);
  const approved = APPROVED_STATUSES.includes(d.status);
  const forms: SafeHtml[] = [];
  if (officer && d.status === 'proposed') forms.push(proposalForm(frame, detail));
  if (clerk && d.status === 'proposed') forms.push(stepForm(frame, d.id, 'notice', 'Publish notice', html`<p>The comment period runs ${preset.commentPeriodDays.value} days from the day of publication (${preset.commentPeriodDays.citation}).</p>${dateInput('publishedAt', 'Published on', true)}`, 'Publish notice'));
  if (clerk && d.status !== 'proposed') forms.push(html`<p><a href="/dockets/${d.id}/moderation">Moderate comments</a> (${detail.pendingComments} waiting)</p>`);
  if (clerk && d.status === 'noticed') {
    forms.push(stepForm(frame, d.id, 'hearing', 'Record the hearing', html`${dateInput('heldOn', 'Held on', true)}${textArea('summary', 'Summary')}
${textArea('documents', 'Documents: one per line, a title and, after " | ", its address (http or https)', '', 4)}`, 'Record the hearing'));
  }
  if (member && d.status === 'hearing-held') {
    forms.push(stepForm(frame, d.id, 'vote', 'Your vote (public and final)', html`<fieldset><legend>Vote</legend>
<label><input type="radio" name="vote" value="yes" required> Yes</label> <label><input type="radio" name="vote" value="no"> No</label> <label><input type="radio" name="vote" value="abstain"> Abstain</label></fieldset>
${textArea('note', 'Note for the record (optional)')}`, 'Cast the vote'));
  }
  if (clerk && d.status === 'hearing-held') {
    forms.push(stepForm(frame, d.id, 'decide', 'Record the decision', html`<fieldset><legend>Outcome</legend>
<label><input type="radio" name="outcome" value="approve" required> Approve</label> <label><input type="radio" name="outcome" value="approve-with-conditions"> Approve with conditions</label> <label><input type="radio" name="outcome" value="reject"> Reject</label></fieldset>
${textArea('conditions', 'Conditions, one per line')}${textArea('note', 'Note (optional)')}
${dateInput('reportDueOn', `First annual report due (default: ${preset.reportIntervalMonths.value} months from today)`, false)}${dateInput('expiresOn', 'Approval expires on (optional)', false)}`, 'Record the decision'));
  }
  if (officer && approved) forms.push(reportForm(frame, detail, preset));
  if (clerk && approved) forms.push(stepForm(frame, d.id, 'renew', 'Renew the approval', html`${dateInput('expiresOn', 'New expiry date', true)}${textArea('note', 'Note (optional)')}`, 'Renew'));
  return forms.length === 0 ? html`` : html`<section class="staff"><h2>Staff</h2>${forms}</section>`;
}

/** The clerk's moderation queue for one docket: each pending comment, its sealed contact (never published), publish and reject buttons. */
export function moderationSection(frame: PageFrame, docketId: string, pending: readonly { id: string; text: string | null; contact: string | null; submittedAt: string }[]): SafeHtml {
  if (pending.length === 0) return html`<p class="muted">No comments wait for moderation.</p>`;
  return html`<ol>${pending.map((c) => html`<li><blockquote>${c.text ?? '(shredded)'}</blockquote><p class="muted">Received ${c.submittedAt}.${c.contact ? html` Contact (sealed, never published): ${c.contact}` : ''}</p>
<form method="post" action="/dockets/${docketId}/steps/moderate">${csrfField(frame.auth)}<input type="hidden" name="comment" value="${c.id}">
<p class="buttons"><button type="submit" name="decision" value="publish">Publish</button> <button type="submit" name="decision" value="reject" class="secondary">Reject</button></p></form></li>`)}</ol>`;
}
