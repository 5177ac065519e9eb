import type { InputIssue } from '../../core/command-error.js';
import type { DocketReport } from '../../oversight/dockets/docket.js';
import { docketWorkflow } from '../../oversight/dockets/docket-workflow.js';
import type { JurisdictionPreset } from '../../oversight/dockets/jurisdiction-presets.js';
import { tallyVotes } from '../../oversight/dockets/tally-votes.js';
import type { DocketDetail } from '../../store/oversight/dockets/read-dockets.js';
import { formatDate, formatTimestamp } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';
import { safeHref } from '../components/safe-href.js';
import { docketStaffForms } from './docket-staff-forms.js';
import { transparencyLogSection } from '../components/transparency-log-section.js';
import type { TransparencyLogEntry } from '../portal-dependencies.js';
import { draftButton } from './disclosure-requests-page.js';
import { IMPACT_REPORT_LABELS, USE_POLICY_LABELS } from './docket-labels.js';

const OUTCOME_LABELS = { approve: 'Approved', 'approve-with-conditions': 'Approved with conditions', reject: 'Rejected' } as const;
const REPORT_LABELS: Readonly<Record<DocketReport['status'], string>> = { due: 'Due', overdue: 'Overdue', filed: 'Filed' };
const VOTE_LABELS = { yes: 'Yes', no: 'No', abstain: 'Abstain' } as const;

/** What the comment form holds when it comes back with errors. */
export interface CommentFormValues {
  readonly text: string;
  readonly contact: string;
}

function fields(labels: Readonly<Record<string, string>>, values: Readonly<Record<string, string | undefined>>): SafeHtml {
  const filled = Object.entries(labels).filter(([key]) => values[key]);
  if (filled.length === 0) return html`<p class="muted">Not given yet.</p>`;
  return html`<dl>${filled.map(([key, label]) => html`<dt>${label}</dt><dd>${values[key] ?? ''}</dd>`)}</dl>`;
}

function vendorRecord(detail: DocketDetail): SafeHtml {
  const r = detail.vendorRecord;
  if (!r.vendor && !r.product) return html`<p class="muted">The technology is not linked to a vendor in the registry.</p>`;
  return html`<p>${r.product ? html`Product: <a href="/products/${r.product.id}">${r.product.name}</a>. ` : ''}${r.vendor ? html`Vendor: <a href="/organizations/${r.vendor.id}">${r.vendor.name}</a>.` : ''}</p>
<h3>Designations</h3>${r.designations.length === 0 ? html`<p class="muted">None recorded.</p>` : html`<ul>${r.designations.map((d) => html`<li>${d.authority}: ${d.list}, listed ${formatDate(d.listed)}${d.delisted ? html`, delisted ${formatDate(d.delisted)}` : ''}</li>`)}</ul>`}
<h3>Documented abuse</h3>${r.incidents.length === 0 ? html`<p class="muted">None recorded.</p>` : html`<ul>${r.incidents.map((i) => html`<li><a href="/incidents/${i.id}">${i.title}</a>${i.date ? html` (${formatDate(i.date)})` : ''}</li>`)}</ul>`}
<h3>Government contracts</h3>${r.contracts.length === 0 ? html`<p class="muted">None recorded.</p>` : html`<ul>${r.contracts.map((c) => html`<li><a href="/contracts/${c.piid}">${c.piid}</a>${c.description ? html`: ${c.description}` : ''}</li>`)}</ul>`}`;
}

function deadlines(detail: DocketDetail): SafeHtml {
  const id = detail.docket.id;
  const notice = detail.docket.notice;
  return html`${notice ? html`<ul>
<li>Notice published ${formatTimestamp(notice.publishedAt.length === 10 ? `${notice.publishedAt}T00:00` : notice.publishedAt)}</li>
<li>Comments close at the end of ${formatDate(notice.commentsCloseOn)}</li>
<li>Hearing not before ${formatDate(notice.hearingFromOn)} (notice lead time)</li>
${notice.earliestUseOn ? html`<li>No use before ${formatDate(notice.earliestUseOn)} (posting period)</li>` : ''}
</ul>` : html`<p class="muted">No notice published yet.</p>`}
${detail.deadlines.length > 0 ? html`<table><thead><tr><th>Deadline</th><th>Due</th><th>State</th></tr></thead><tbody>${detail.deadlines.map((d) => html`<tr><td>${d.label}</td><td>${d.dueDate ? formatDate(d.dueDate) : formatTimestamp(d.dueAt)}</td><td>${d.state === 'open' ? 'Open' : d.state === 'fired' ? 'Passed' : 'Stopped'}</td></tr>`)}</tbody></table>` : ''}
<p><a href="/api/v1/cases/docket/${id}/deadlines.ics" type="text/calendar">Subscribe to these deadlines (iCalendar)</a></p>`;
}

function comments(detail: DocketDetail, preset: JurisdictionPreset): SafeHtml {
  return html`${detail.comments.length === 0 ? html`<p class="muted">No published comments.</p>` : html`<ol class="comments">${detail.comments.map((c) => html`<li id="comment-${c.id}"><blockquote>${c.text}</blockquote>
<p class="muted">Received ${formatTimestamp(c.submittedAt)}${c.moderatedAt ? html`, published ${formatTimestamp(c.moderatedAt)}` : ''}.
${c.logIndex !== null ? html`<a href="/log/entries/${c.logIndex}">Log entry ${c.logIndex}</a> · ` : ''}${c.entryId !== null ? html`<a href="/api/v1/log/receipts/${c.entryId}">Receipt (inclusion proof)</a>` : ''}</p></li>`)}</ol>`}
${detail.pendingComments > 0 ? html`<p class="muted">${detail.pendingComments} ${detail.pendingComments === 1 ? 'comment waits' : 'comments wait'} for the clerk of the ${preset.board.name}.</p>` : ''}`;
}

function commentForm(frame: PageFrame, detail: DocketDetail, values: CommentFormValues, issues: readonly InputIssue[], received: boolean, now: Date): SafeHtml {
  const d = detail.docket;
  const open = d.notice !== null && (d.status === 'noticed' || d.status === 'hearing-held') && now.toISOString() <= d.notice.commentsCloseAt;
  if (received) return html`<p class="notice" role="status">Thank you: your comment was received. It is published here once the board's clerk has read it.</p>`;
  if (!open) return html`<p class="muted">${d.notice ? 'The comment period is closed.' : 'Comments open when the notice is published.'}</p>`;
  const error = (field: string) => issues.filter((i) => i.path === field).map((i) => html`<span class="field-error" id="comment-${field}-error">${i.message}</span>`);
  return html`<form method="post" action="/dockets/${d.id}/comments" class="stacked">
${csrfField(frame.auth)}
${issues.length > 0 ? html`<div class="error-message" role="alert"><p>The comment was not sent: ${issues.map((i) => `${i.path === 'contact' ? 'How to reach you' : 'Your comment'}: ${i.message}`).join('; ')}</p></div>` : ''}
<p><label for="comment-text">Your comment</label>
<span class="hint" id="comment-text-hint">No account needed. Comments are read by the board's clerk before they are published, with the log entry that records them.</span>
<textarea id="comment-text" name="text" rows="6" required minlength="10" maxlength="10000" aria-describedby="comment-text-hint">${values.text}</textarea>${error('text')}</p>
<p><label for="comment-contact">How to reach you <span class="muted">(optional)</span></label>
<span class="hint" id="comment-contact-hint">Never published: sealed, seen only by the clerk.</span>
<input id="comment-contact" name="contact" type="text" maxlength="500" value="${values.contact}" aria-describedby="comment-contact-hint">${error('contact')}</p>
<p><button type="submit">Send the comment</button></p>
</form>`;
}

function decision(detail: DocketDetail, preset: JurisdictionPreset): SafeHtml {
  const result = tallyVotes(preset, detail.votes);
  const votes = detail.votes.length === 0 ? html`<p class="muted">No votes yet.</p>` : html`<table><thead><tr><th>Member (log id)</th><th>Vote</th><th>Note</th><th>When</th></tr></thead><tbody>${detail.votes.map((v) => html`<tr><td><code>${v.member}</code></td><td>${VOTE_LABELS[v.vote]}</td><td>${v.note ?? ''}</td><td>${formatTimestamp(v.castAt)}</td></tr>`)}</tbody></table><p>${result.explanation}.</p>`;
  const d = detail.docket.decision;
  return html`<h3>Votes</h3>${votes}
<h3>Decision</h3>${d ? html`<p><strong>${OUTCOME_LABELS[d.outcome]}</strong> on ${formatTimestamp(d.decidedAt)} (${d.tally.yes} yes, ${d.tally.no} no, ${d.tally.abstain} abstaining of ${d.tally.members} members).</p>
${d.beforeCommentsClosed ? html`<p class="warning">Decided before the comment period had ended.</p>` : ''}
${d.conditions.length > 0 ? html`<p>Conditions:</p><ol>${d.conditions.map((c) => html`<li>${c}</li>`)}</ol>` : ''}${d.note ? html`<p>${d.note}</p>` : ''}
${detail.docket.expiresOn ? html`<p>The approval expires at the end of ${formatDate(detail.docket.expiresOn)} unless renewed${detail.docket.renewedAt ? html` (last renewed ${formatTimestamp(detail.docket.renewedAt)})` : ''}.</p>` : ''}` : html`<p class="muted">Not decided yet.</p>`}`;
}

function reports(detail: DocketDetail, preset: JurisdictionPreset): SafeHtml {
  if (detail.reports.length === 0) return html`<p class="muted">Annual reports fall due once a technology is approved.</p>`;
  return html`<ul>${detail.reports.map((r) => html`<li><strong class="${r.status === 'overdue' ? 'warning' : ''}">${REPORT_LABELS[r.status]}${r.late ? ' (filed late)' : ''}</strong>: report due ${formatDate(r.dueOn)}${r.filedAt ? html`, filed ${formatTimestamp(r.filedAt)}` : ''}
${r.sections ? html`<dl>${preset.reportSections.map((s) => html`<dt>${s.label} <span class="muted">(${s.citation})</span></dt><dd>${r.sections?.[s.key] ?? ''}</dd>`)}</dl>` : ''}</li>`)}</ul>`;
}

/**
 * A docket's public page, for a resident to follow: what is proposed and by whom, the vendor's
 * record from the registry, the deadlines with a calendar subscription, the comments (and a form
 * that needs neither JavaScript nor an account), the votes, the decision and the reports. Staff
 * see the forms for the steps they may take.
 */
export function docketPage(frame: PageFrame, detail: DocketDetail, preset: JurisdictionPreset, comment: { values: CommentFormValues; issues: readonly InputIssue[]; received: boolean; now: Date }, logEntries?: readonly TransparencyLogEntry[]): SafeHtml {
  const d = detail.docket;
  const hearing = d.hearing;
  const main = html`<article class="docket">
<p class="muted"><a href="/dockets">Dockets</a> · <a href="/dockets/jurisdictions/${d.jurisdiction}">${preset.name}</a></p>
<h1>${d.title}</h1>
<p class="lede">${detail.agencyName ?? d.agency} proposes to use <strong>${d.technology}</strong>. Status: <strong>${docketWorkflow.states[d.status]?.label ?? d.status}</strong>. Decided by the ${preset.board.name} under ${preset.ordinance.citation}.</p>
${draftButton(frame, 'docket', d.id)}
<section><h2>Surveillance impact report</h2>${fields(IMPACT_REPORT_LABELS, d.proposal.impactReport)}</section>
<section><h2>Use policy</h2>${fields(USE_POLICY_LABELS, d.proposal.usePolicy)}</section>
<section><h2>The vendor's record</h2>${vendorRecord(detail)}</section>
<section><h2>Deadlines</h2>${deadlines(detail)}</section>
<section><h2>Hearing</h2>${hearing ? html`<p>Held on ${formatDate(hearing.heldOn)}.${d.notice && hearing.heldOn < d.notice.hearingFromOn ? html` <span class="warning">Held before the ${preset.noticeLeadDays.value}-day notice lead time had run.</span>` : ''}</p>${hearing.summary ? html`<p>${hearing.summary}</p>` : ''}
${hearing.documents.length > 0 ? html`<ul>${hearing.documents.map((doc) => { const href = safeHref(doc.url); return html`<li>${href ? html`<a href="${href}" rel="nofollow">${doc.title}</a>` : doc.title}</li>`; })}</ul>` : ''}` : html`<p class="muted">No hearing held yet.</p>`}</section>
<section id="comments"><h2>Public comments</h2>${comments(detail, preset)}
<h3>Comment</h3>${commentForm(frame, detail, comment.values, comment.issues, comment.received, comment.now)}</section>
<section><h2>Votes and decision</h2>${decision(detail, preset)}</section>
<section id="reports"><h2>Annual surveillance reports</h2>${reports(detail, preset)}</section>
${transparencyLogSection(`docket:${d.id}`, logEntries)}
${docketStaffForms(frame, detail, preset)}
</article>`;
  return layout(frame, { title: d.title, main });
}
