import type { Actor } from '../../accounts/actor.js';
import {
  DECISIONS, EXEMPTION_PURPOSES, EXEMPTION_PURPOSE_LABELS, FACTOR_KINDS, FACTOR_LABELS, type AcquisitionReview,
} from '../../oversight/reviews/acquisition-review.js';
import { acquisitionReviewWorkflow } from '../../oversight/reviews/review-workflow.js';
import { html, type SafeHtml } from './html.js';
import { csrfField, type PageFrame } from './layout.js';

export const PRESENCE_LABELS = { present: 'Present', absent: 'Absent', unknown: 'Not established' } as const;
export const DECISION_LABELS = { approve: 'Approve', 'approve-with-conditions': 'Approve with conditions', deny: 'Deny' } as const;
export const PROCUREMENT_STEP_LABELS = {
  'dni-assessment-reviewed': "The DNI's assessment was reviewed",
  'dni-information-requested': 'More information was requested from the DNI',
  'dni-information-answered': 'The DNI answered',
  'due-diligence': "Vendor due diligence done (State Department's business and human rights guidance)",
} as const;

/** Whether this actor may run this step on this review now (its policy and its state). */
export function mayRun(actor: Actor, review: AcquisitionReview, action: string): boolean {
  const step = acquisitionReviewWorkflow.transitions[action];
  return step !== undefined && step.from.includes(review.status) && step.policy.allows(actor, acquisitionReviewWorkflow.resourceOf(review));
}

const evidenceField = (id: string) => html`<p><label for="${id}">Evidence <span class="muted">(registry references, one per line: incident:…, source:…, designation:…)</span></label>
<textarea id="${id}" name="evidence" rows="2" maxlength="8000"></textarea></p>`;
const noteField = (id: string, label = 'Note for the record') => html`<p><label for="${id}">${label} <span class="muted">(optional)</span></label>
<textarea id="${id}" name="note" rows="2" maxlength="5000"></textarea></p>`;
const dateField = (id: string, name: string, label: string, required = true) => html`<p><label for="${id}">${label}</label>
<input id="${id}" type="date" name="${name}"${required ? html` required` : ''}></p>`;

function form(frame: PageFrame, review: AcquisitionReview, action: string, title: string, body: SafeHtml, button: string): SafeHtml {
  return html`<details class="step-form"><summary>${title}</summary>
<form method="post" action="/acquisition-reviews/${review.id}/steps/${action}">
${csrfField(frame.auth)}
${body}
<p class="buttons"><button type="submit">${button}</button></p>
</form></details>`;
}

/**
 * A form for every step of the review this reader may take now — each a plain POST with the CSRF
 * token, working without script; the command checks the policy again.
 */
export function reviewStepForms(frame: PageFrame, review: AcquisitionReview): SafeHtml {
  const actor = frame.auth.actor;
  const forms: SafeHtml[] = [];
  const may = (action: string) => mayRun(actor, review, action);
  if (may('answer-factor')) {
    forms.push(form(frame, review, 'answer-factor', 'Answer a risk factor', html`<p><label for="f-factor">Risk factor</label>
<select id="f-factor" name="factor">${FACTOR_KINDS.map((k) => html`<option value="${k}">${FACTOR_LABELS[k]}</option>`)}</select></p>
<p><label for="f-presence">Finding</label>
<select id="f-presence" name="presence">${Object.entries(PRESENCE_LABELS).map(([k, l]) => html`<option value="${k}">${l}</option>`)}</select></p>
<p><label for="f-answer">Answer</label><textarea id="f-answer" name="answer" rows="3" maxlength="5000" required></textarea></p>
${evidenceField('f-evidence')}<p class="muted">Evidence given replaces the factor's evidence; leave it empty to keep it.</p>`, 'Record the answer'));
  }
  if (may('review-dni-assessment')) {
    forms.push(form(frame, review, 'procurement', 'Record a procurement step', html`<p><label for="p-step">Step</label>
<select id="p-step" name="step">${Object.entries(PROCUREMENT_STEP_LABELS).map(([k, l]) => html`<option value="${k}">${l}</option>`)}</select></p>
${dateField('p-on', 'on', 'On')}${noteField('p-note')}${evidenceField('p-evidence')}`, 'Record the step'));
  }
  if (may('determine')) {
    forms.push(form(frame, review, 'determine', 'Determination (certifying official)', html`<fieldset><legend>Decision</legend>
${DECISIONS.map((d) => html`<label><input type="radio" name="decision" value="${d}" required> ${DECISION_LABELS[d]}</label> `)}</fieldset>
<p><label for="d-justification">Justification <span class="muted">(required to approve while an improper-use or counterintelligence risk is present; published)</span></label>
<textarea id="d-justification" name="justification" rows="4" maxlength="10000"></textarea></p>
<p><label for="d-sealed">Sealed part of the justification <span class="muted">(classified; committed in the log, not published)</span></label>
<textarea id="d-sealed" name="sealedJustification" rows="2" maxlength="10000"></textarea></p>
<p><label for="d-conditions">Conditions <span class="muted">(for an approval with conditions)</span></label>
<textarea id="d-conditions" name="conditions" rows="3" maxlength="10000"></textarea></p>`, 'Record the determination'));
  }
  if (may('notice')) forms.push(form(frame, review, 'notice', 'Notice to the APNSA', html`${dateField('n-at', 'notifiedAt', 'Notice given on')}${noteField('n-note')}${evidenceField('n-evidence')}`, 'Record the notice'));
  if (may('consent')) forms.push(form(frame, review, 'consent', "APNSA's consent", html`${dateField('c-at', 'consentedAt', 'Consent given on')}${noteField('c-note')}${evidenceField('c-evidence')}`, 'Record the consent'));
  if (may('stop-work')) {
    forms.push(form(frame, review, 'stop-work', 'Stop-work order', html`<p><label for="s-reason">Reason</label><textarea id="s-reason" name="reason" rows="2" maxlength="5000" required></textarea></p>
${dateField('s-on', 'orderedOn', 'Ordered on', false)}${evidenceField('s-evidence')}`, 'Record the stop-work order'));
  }
  if (may('resume')) {
    forms.push(form(frame, review, 'resume', 'Lift the stop-work order', html`<p><label for="r-reason">Reason</label><textarea id="r-reason" name="reason" rows="2" maxlength="5000" required></textarea></p>
${dateField('r-on', 'liftedOn', 'Lifted on', false)}${evidenceField('r-evidence')}`, 'Lift the order'));
  }
  if (may('exemption')) {
    forms.push(form(frame, review, 'exemption', 'Exempt purchase', html`<p><label for="e-purpose">Purpose</label>
<select id="e-purpose" name="purpose">${EXEMPTION_PURPOSES.map((p) => html`<option value="${p}">${EXEMPTION_PURPOSE_LABELS[p]}</option>`)}</select></p>
${dateField('e-on', 'purchasedOn', 'Purchased on')}<p><label for="e-description">What was bought</label><textarea id="e-description" name="description" rows="2" maxlength="5000" required></textarea></p>`, 'Record the exempt purchase'));
  }
  const pendingExemptions = review.exemptions.filter((e) => e.notifiedOn === null);
  if (may('exemption-notice') && pendingExemptions.length > 0) {
    forms.push(form(frame, review, 'exemption-notice', 'Notice to the APNSA of an exempt purchase', html`<p><label for="en-id">Exempt purchase</label>
<select id="en-id" name="exemption">${pendingExemptions.map((e) => html`<option value="${e.id}">${EXEMPTION_PURPOSE_LABELS[e.purpose]}, bought ${e.purchasedOn} (notice due ${e.noticeDueOn})</option>`)}</select></p>
${dateField('en-on', 'notifiedOn', 'Notice given on')}`, 'Record the notice'));
  }
  if (may('waiver')) {
    forms.push(form(frame, review, 'waiver', 'Waiver (at most one year)', html`${dateField('w-at', 'grantedAt', 'Granted on', false)}${dateField('w-exp', 'expiresOn', 'Expires on')}
<p><label for="w-reason">Reason</label><textarea id="w-reason" name="reason" rows="2" maxlength="5000" required></textarea></p>`, 'Record the waiver'));
  }
  const pendingWaivers = review.waivers.filter((w) => w.presidentNotifiedAt === null);
  if (may('waiver-notice') && pendingWaivers.length > 0) {
    forms.push(form(frame, review, 'waiver-notice', 'Notice of a waiver to the President', html`<p><label for="wn-id">Waiver</label>
<select id="wn-id" name="waiver">${pendingWaivers.map((w) => html`<option value="${w.id}">Waiver expiring ${w.expiresOn} (notice due ${w.presidentNoticeDueAt})</option>`)}</select></p>
${dateField('wn-at', 'notifiedAt', 'Notice given on')}`, 'Record the notice'));
  }
  if (forms.length === 0) return html``;
  return html`<section aria-labelledby="staff-steps"><h2 id="staff-steps">Record a step</h2>
<p class="muted">Each step is appended to the transparency log with the review as it stands after it.</p>
${forms}</section>`;
}
