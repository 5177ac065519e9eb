import { COMPLAINT_OUTCOME_LABELS, COMPLAINT_OUTCOMES, type ComplaintRow } from '../../disclosure/complaints/complaint-store.js';
import { complaintWorkflow, isHandlerOf } from '../../disclosure/complaints/complaint-workflow.js';
import type { InputIssue } from '../../core/command-error.js';
import { formatTimestamp } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';

export interface ComplaintFormValues {
  readonly body: string;
  readonly account: string;
  readonly name: string;
  readonly contact: string;
}

export const EMPTY_COMPLAINT: ComplaintFormValues = { body: '', account: '', name: '', contact: '' };
type Body = { readonly id: string; readonly name: string };
const LABELS: Readonly<Record<string, string>> = { body: 'Oversight body', account: 'What happened', name: 'Your name', contact: 'How to reach you', evidence: 'Evidence file', 'evidence[0].contentBase64': 'Evidence file' };

const stateLabel = (c: ComplaintRow) => complaintWorkflow.states[c.status]?.label ?? c.status;
const bodyName = (bodies: readonly Body[], id: string | null) => (id === null ? 'Not yet routed' : bodies.find((b) => b.id === id)?.name ?? id);

/** The complaint form: no account needed, no script; evidence is an optional file. */
export function complaintFormPage(frame: PageFrame, values: ComplaintFormValues, issues: readonly InputIssue[], bodies: readonly Body[]): SafeHtml {
  const main = html`<section class="narrow">
<h1>File a complaint</h1>
<p>If you believe you were targeted with spyware or other surveillance, tell an oversight body. You need no account.</p>
<p class="note">Nothing you write here is published. The public transparency log records only that a complaint arrived, sealed. You will get a private link to follow your complaint; from it you can also have everything that identifies you erased.</p>
${issues.length > 0 ? html`<div class="error-message" role="alert"><p>The complaint was not sent. Please check:</p><ul>${issues.map((i) => html`<li>${LABELS[i.path] ?? i.path}: ${i.message}</li>`)}</ul></div>` : ''}
<form method="post" action="/complaints/new" class="stacked" enctype="multipart/form-data">
${csrfField(frame.auth)}
<p><label for="complaint-body">${LABELS['body']}</label>
<select id="complaint-body" name="body"><option value="">Let Countersign route it</option>${bodies.map((b) => html`<option value="${b.id}"${values.body === b.id ? html` selected` : ''}>${b.name}</option>`)}</select></p>
<p><label for="complaint-account">${LABELS['account']}</label>
<span class="hint" id="complaint-account-hint">What you noticed, when, and why you think you were targeted.</span>
<textarea id="complaint-account" name="account" rows="8" required minlength="20" maxlength="20000" aria-describedby="complaint-account-hint">${values.account}</textarea></p>
<p><label for="complaint-name">${LABELS['name']} <span class="muted">(optional)</span></label>
<input id="complaint-name" name="name" type="text" maxlength="200" value="${values.name}"></p>
<p><label for="complaint-contact">${LABELS['contact']} <span class="muted">(optional)</span></label>
<input id="complaint-contact" name="contact" type="text" maxlength="500" value="${values.contact}"></p>
<p><label for="complaint-evidence">${LABELS['evidence']} <span class="muted">(optional)</span></label>
<span class="hint" id="complaint-evidence-hint">A forensic report or log, up to 700 kB. It is stored encrypted; only the body’s handlers can open it.</span>
<input id="complaint-evidence" name="file" type="file" aria-describedby="complaint-evidence-hint"></p>
<p><button type="submit">Send the complaint</button></p>
</form>
</section>`;
  return layout(frame, { title: 'File a complaint', main });
}

/** The complainant's private page: state, the body's answer, consent to an incident link, erasure. */
export function complaintStatusPage(frame: PageFrame, c: ComplaintRow, token: string, bodies: readonly Body[], labels: ReadonlyMap<string, string>): SafeHtml {
  const action = (step: string) => `/complaints/status/${token}/${step}`;
  const main = html`<section class="narrow receipt">
<h1>Your complaint</h1>
<dl class="facts">
<dt>Reference</dt><dd><code>${c.id}</code></dd>
<dt>Received</dt><dd>${formatTimestamp(c.receivedAt)}</dd>
<dt>Oversight body</dt><dd>${bodyName(bodies, c.body)}</dd>
<dt>Status</dt><dd>${stateLabel(c)}</dd>
${c.outcome ? html`<dt>Outcome</dt><dd>${COMPLAINT_OUTCOME_LABELS[c.outcome]}</dd>` : ''}
${c.message ? html`<dt>Message from the body</dt><dd>${c.message}</dd>` : ''}
${c.incidentId ? html`<dt>Linked incident</dt><dd><a href="/incidents/${c.incidentId}">${labels.get(`incident:${c.incidentId}`) ?? c.incidentId}</a></dd>` : ''}
${c.erasedAt ? html`<dt>Erased</dt><dd>Everything that identified you was erased on ${formatTimestamp(c.erasedAt)}.</dd>` : ''}
</dl>
<p class="note">Keep this page’s address: it is the only way to find your complaint. Do not share it.</p>
${c.consentAt === null && c.erasedAt === null ? html`<form method="post" action="${action('consent')}">${csrfField(frame.auth)}
<p>The body may link your complaint to a documented incident in the public registry (the link shows the complaint’s reference, never your details). It will only do so if you agree.</p>
<p><button type="submit">I agree to linking my complaint to an incident</button></p></form>` : c.consentAt ? html`<p>You agreed to linking your complaint to an incident on ${formatTimestamp(c.consentAt)}.</p>` : ''}
${c.erasedAt === null ? html`<form method="post" action="${action('erase')}">${csrfField(frame.auth)}
<p>You can have your name, contact, account and evidence erased for good. The body can then no longer read them.</p>
<p><button type="submit" class="secondary">Erase what identifies me</button></p></form>` : ''}
</section>`;
  return layout(frame, { title: 'Your complaint', main });
}

/** The handler's queue: complaints of the bodies they handle. */
export function complaintQueuePage(frame: PageFrame, items: readonly ComplaintRow[], bodies: readonly Body[]): SafeHtml {
  const main = html`<section>
<h1>Complaints</h1>
${items.length === 0 ? html`<p>No complaints.</p>` : html`<table><thead><tr><th scope="col">Received</th><th scope="col">Oversight body</th><th scope="col">Status</th><th scope="col">Complaint</th></tr></thead><tbody>
${items.map((c) => html`<tr><td>${formatTimestamp(c.receivedAt)}</td><td>${bodyName(bodies, c.body)}</td><td>${stateLabel(c)}</td><td><a href="/complaints/${c.id}">Open</a></td></tr>`)}
</tbody></table>`}
</section>`;
  return layout(frame, { title: 'Complaints', main });
}

/** One complaint for its handlers: the complainant's details, evidence to download, and a form per step. */
export function complaintPage(frame: PageFrame, c: ComplaintRow, bodies: readonly Body[], labels: ReadonlyMap<string, string>): SafeHtml {
  const form = (step: string, fields: SafeHtml, button: string) => html`<form method="post" action="/complaints/${c.id}/${step}" class="stacked">${csrfField(frame.auth)}${fields}<p><button type="submit">${button}</button></p></form>`;
  const admin = frame.auth.actor.role === 'admin';
  const main = html`<article class="record">
<h1>Complaint received ${formatTimestamp(c.receivedAt)}</h1>
<dl class="facts">
<dt>Status</dt><dd>${stateLabel(c)}</dd>
<dt>Oversight body</dt><dd>${bodyName(bodies, c.body)}</dd>
<dt>Name</dt><dd>${c.name ?? html`<span class="muted">not given or erased</span>`}</dd>
<dt>Contact</dt><dd>${c.contact ?? html`<span class="muted">not given or erased</span>`}</dd>
<dt>What happened</dt><dd>${c.account ?? html`<span class="muted">erased</span>`}</dd>
<dt>Evidence</dt><dd>${c.evidence.length === 0 ? 'none' : html`<ul>${c.evidence.map((e, i) => html`<li><a href="/complaints/${c.id}/evidence/${i}">${e.fileName}</a> (${e.size} bytes, SHA-256 <code>${e.sha256}</code>)</li>`)}</ul>`}</dd>
<dt>Consent to an incident link</dt><dd>${c.consentAt ? `given ${formatTimestamp(c.consentAt)}` : 'not given'}</dd>
${c.incidentId ? html`<dt>Linked incident</dt><dd><a href="/incidents/${c.incidentId}">${labels.get(`incident:${c.incidentId}`) ?? c.incidentId}</a></dd>` : ''}
${c.outcome ? html`<dt>Outcome</dt><dd>${COMPLAINT_OUTCOME_LABELS[c.outcome]}</dd>` : ''}
</dl>
${admin ? form('route', html`<p><label for="route-body">Route to an oversight body</label><select id="route-body" name="body">${bodies.map((b) => html`<option value="${b.id}">${b.name}</option>`)}</select></p>`, 'Route') : ''}
${c.status === 'received' && isHandlerOf(frame.auth.actor, c) ? form('review', html``, 'Start the review') : ''}
${c.status === 'under-review' ? form('close', html`<p><label for="close-outcome">Outcome</label><select id="close-outcome" name="outcome">${COMPLAINT_OUTCOMES.map((o) => html`<option value="${o}">${COMPLAINT_OUTCOME_LABELS[o]}</option>`)}</select></p>
<p><label for="close-message">Message to the complainant <span class="muted">(shown on their private page only)</span></label><textarea id="close-message" name="message" rows="4" maxlength="5000"></textarea></p>`, 'Close the complaint') : ''}
${c.consentAt && !c.incidentId ? form('link', html`<p><label for="link-incident">Registry incident id</label><input id="link-incident" name="incident" type="text" required maxlength="100"></p>`, 'Link to the incident') : ''}
${c.erasedAt === null ? form('erase', html`<p>On the complainant’s request: shred their name, contact, account and evidence.</p>`, 'Erase what identifies the complainant') : ''}
</article>`;
  return layout(frame, { title: 'Complaint', main });
}
