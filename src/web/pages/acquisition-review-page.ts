import {
  EO_STEP_STATE_LABELS, EXEMPTION_PURPOSE_LABELS, REVIEW_STATUS_LABELS, eoSteps, noticeGivenOn, useOpensOn, type AcquisitionReview,
} from '../../oversight/reviews/acquisition-review.js';
import { recordUrl } from '../../registry/search/search-result.js';
import { isRecordType } from '../../registry/schemas/common.js';
import type { TransparencyLogEntry } from '../portal-dependencies.js';
import type { Deadline } from '../../kernel/deadlines/deadline.js';
import { formatDate, formatTimestamp } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { layout, type PageFrame } from '../components/layout.js';
import { DECISION_LABELS, PRESENCE_LABELS, reviewStepForms } from '../components/review-step-forms.js';
import { draftButton } from './disclosure-requests-page.js';
import { transparencyLogSection } from '../components/transparency-log-section.js';

/** What the case page shows besides the review: names and titles of the records it refers to. */
export interface ReviewPageView {
  readonly review: AcquisitionReview;
  /** `organization:ice` → "U.S. Immigration and Customs Enforcement", `incident:…` → its title. */
  readonly titles: ReadonlyMap<string, string>;
  readonly today: string;
  readonly logEntries: readonly TransparencyLogEntry[] | undefined;
  readonly done?: string | undefined;
  /** The review's deadlines (use may start, notices due, waivers expiring). */
  readonly deadlines?: readonly Deadline[];
}

const DEADLINE_STATES: Readonly<Record<Deadline['state'], string>> = { open: 'Running', fired: 'Passed', stopped: 'Met or no longer running' };

function deadlineTable(deadlines: readonly Deadline[] | undefined): SafeHtml {
  if (!deadlines || deadlines.length === 0) return html``;
  return html`<section aria-labelledby="deadlines"><h2 id="deadlines">Deadlines</h2>
<div class="table-scroll"><table><thead><tr><th scope="col">What</th><th scope="col">Due</th><th scope="col">State</th></tr></thead>
<tbody>${deadlines.map((d) => html`<tr><td>${d.label}</td><td>${d.dueDate ? formatDate(d.dueDate) : formatTimestamp(d.dueAt)}</td><td>${DEADLINE_STATES[d.state]}</td></tr>`)}</tbody></table></div></section>`;
}

const WITH_PAGES = new Set(['organization', 'person', 'product', 'incident', 'contract', 'source']);

/** A registry reference as a link to its record (or its title as text when it has no page). */
export function evidenceLink(ref: string, titles: ReadonlyMap<string, string>): SafeHtml {
  const at = ref.indexOf(':');
  const type = ref.slice(0, at);
  const id = ref.slice(at + 1);
  const title = titles.get(ref) ?? id;
  if (isRecordType(type) && WITH_PAGES.has(type)) return html`<a href="${recordUrl(type, id)}">${title}</a> <span class="muted">(${ref})</span>`;
  return html`${title} <span class="muted">(${ref})</span>`;
}

const dateText = (d: string | null | undefined) => (d ? (d.includes('T') ? formatTimestamp(d) : formatDate(d)) : '—');

function riskFactorTable(view: ReviewPageView): SafeHtml {
  const rows = view.review.factors.map((f) => html`<tr>
<th scope="row">${{ counterintelligence: 'Counterintelligence or security', 'improper-use': 'Improper use', 'repression-customers': 'Customers engaged in systematic repression', mitigating: 'Mitigating factors' }[f.kind]}</th>
<td>${PRESENCE_LABELS[f.presence]}${f.answeredAt === null && f.prefilled.length > 0 ? html`<br><span class="muted">pre-filled from the registry</span>` : ''}</td>
<td>${f.answer ?? html`<span class="muted">Not answered by the agency</span>`}</td>
<td>${f.evidence.length === 0 ? html`<span class="muted">none</span>` : html`<ul>${f.evidence.map((e) => html`<li>${evidenceLink(e, view.titles)}</li>`)}</ul>`}</td>
</tr>`);
  return html`<section aria-labelledby="factors"><h2 id="factors">Risk factors</h2>
<div class="table-scroll"><table><thead><tr><th scope="col">Factor</th><th scope="col">Finding</th><th scope="col">Answer</th><th scope="col">Evidence</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

function timeline(view: ReviewPageView): SafeHtml {
  const steps = eoSteps(view.review, view.today);
  return html`<section aria-labelledby="timeline"><h2 id="timeline">Steps Executive Order 14093 requires</h2>
${view.review.sources.length > 0 ? html`<p class="note">This review is documented from the public record. A step marked <strong>not on the public record</strong> is one the order requires that no source shows — what a disclosure request should ask for.</p>` : ''}
<ol class="eo-steps">${steps.map((s) => html`<li class="eo-step eo-step-${s.state}"><strong>${s.label}</strong>: ${EO_STEP_STATE_LABELS[s.state]}${s.date ? html` (${s.state === 'done' ? '' : 'due '}${dateText(s.date)})` : ''}${s.detail ? html`<br><span class="muted">${s.detail}</span>` : ''}</li>`)}</ol></section>`;
}

function history(review: AcquisitionReview, titles: ReadonlyMap<string, string>): SafeHtml {
  const parts: SafeHtml[] = [];
  if (review.stopWork.length > 0) {
    parts.push(html`<h3>Stop-work orders</h3><ul>${review.stopWork.map((o) => html`<li>Ordered ${dateText(o.orderedOn)}: ${o.reason} ${o.evidence.map((e) => html`[${evidenceLink(e, titles)}] `)}${o.liftedOn ? html`<br>Lifted ${dateText(o.liftedOn)}: ${o.liftReason ?? ''} ${o.liftEvidence.map((e) => html`[${evidenceLink(e, titles)}] `)}` : html`<br><strong>In force.</strong>`}</li>`)}</ul>`);
  }
  if (review.exemptions.length > 0) parts.push(html`<h3>Exempt purchases</h3><ul>${review.exemptions.map((e) => html`<li>${EXEMPTION_PURPOSE_LABELS[e.purpose]}, bought ${dateText(e.purchasedOn)}: ${e.description}. Notice to the APNSA ${e.notifiedOn ? html`given ${dateText(e.notifiedOn)}` : html`due ${dateText(e.noticeDueOn)}${e.noticeDueOn < new Date().toISOString().slice(0, 10) ? html` — <strong>overdue</strong>` : ''}`}.</li>`)}</ul>`);
  if (review.waivers.length > 0) parts.push(html`<h3>Waivers</h3><ul>${review.waivers.map((w) => html`<li>Granted ${dateText(w.grantedAt)}, ${w.expired ? 'expired' : 'expires'} ${dateText(w.expiresOn)}: ${w.reason}. Notice to the President ${w.presidentNotifiedAt ? html`given ${dateText(w.presidentNotifiedAt)}` : html`due by ${dateText(w.presidentNoticeDueAt)}`}.</li>`)}</ul>`);
  if (review.reEvaluations.length > 0) parts.push(html`<h3>Re-evaluations</h3><ul>${review.reEvaluations.map((r) => html`<li>${dateText(r.at)}: ${evidenceLink(r.trigger, new Map([[r.trigger, r.title]]))} was recorded after the approval (${REVIEW_STATUS_LABELS[r.from].toLowerCase()}).</li>`)}</ul>`);
  return parts.length === 0 ? html`` : html`<section aria-labelledby="history"><h2 id="history">Orders, exemptions, waivers, re-evaluations</h2>${parts}</section>`;
}

/**
 * The public page of one acquisition review: what is reviewed, the steps of EO 14093 (done,
 * pending, overdue, or not on the public record), the risk factors with their evidence linked,
 * the determination and its justification, the notice clock, stop-work orders, exemptions,
 * waivers and re-evaluations, the log entries with "verify", and — for the agency's staff — a
 * form for every step they may take.
 */
export function acquisitionReviewPage(frame: PageFrame, view: ReviewPageView): SafeHtml {
  const r = view.review;
  const name = (ref: string) => view.titles.get(ref) ?? ref.slice(ref.indexOf(':') + 1);
  const title = `${name(`product:${r.product}`)} for ${name(`organization:${r.agency}`)}`;
  const last = r.reEvaluations.at(-1);
  const opens = useOpensOn(r);
  const main = html`<p class="muted"><a href="/acquisition-reviews">Acquisition reviews</a></p>
<h1>Acquisition review: ${title}</h1>
${view.done ? html`<p class="notice" role="status">The step was recorded.</p>` : ''}
<p class="lede">Status: <strong>${REVIEW_STATUS_LABELS[r.status]}</strong>${r.status === 'stop-work' ? ' — work under the contract is stopped' : ''}.</p>
${r.status === 're-evaluation-required' && last ? html`<p class="notice" role="note">Re-evaluation required: ${evidenceLink(last.trigger, new Map([[last.trigger, last.title]]))} was recorded on ${dateText(last.at)}, after the approval. The approval may not be used until the agency determines again.</p>` : ''}
<dl class="facts">
<dt>Agency</dt><dd>${evidenceLink(`organization:${r.agency}`, view.titles)}</dd>
<dt>Product</dt><dd>${evidenceLink(`product:${r.product}`, view.titles)}</dd>
<dt>Vendor</dt><dd>${evidenceLink(`organization:${r.vendor}`, view.titles)}</dd>
${r.contract ? html`<dt>Contract</dt><dd>${evidenceLink(`contract:${r.contract}`, view.titles)}</dd>` : ''}
<dt>Purpose</dt><dd>${r.purpose}</dd>
${r.uses.length > 0 ? html`<dt>Uses it would authorise</dt><dd><ul>${r.uses.map((u) => html`<li>${u}</li>`)}</ul></dd>` : ''}
<dt>Requested start</dt><dd>${dateText(r.requestedStart)}</dd>
<dt>Opened</dt><dd>${dateText(r.openedOn)}</dd>
<dt>Determination</dt><dd>${r.determination ? html`${DECISION_LABELS[r.determination.decision]} on ${dateText(r.determination.on)}${r.determination.justification ? html`<br>Justification: ${r.determination.justification}` : ''}${r.determination.conditions ? html`<br>Conditions: ${r.determination.conditions}` : ''}${r.determination.sealedJustificationRef ? html`<br><span class="muted">A further part of the justification is sealed: the log entry of the determination commits to its text, which is published only if it is unsealed.</span>` : ''}` : html`<span class="muted">None recorded</span>`}</dd>
<dt>Notice to the APNSA</dt><dd>${noticeGivenOn(r) ? dateText(noticeGivenOn(r)) : html`<span class="muted">None recorded</span>`}</dd>
<dt>Operational use may start</dt><dd>${opens ? dateText(opens) : html`<span class="muted">Not before a notice to the APNSA (7 calendar days) or its consent</span>`}</dd>
${r.sources.length > 0 ? html`<dt>Documented by</dt><dd><ul>${r.sources.map((s) => html`<li>${evidenceLink(`source:${s}`, view.titles)}</li>`)}</ul></dd>` : ''}
</dl>
<p><a href="/api/v1/cases/acquisition-review/${r.id}/deadlines.ics" type="text/calendar">Deadlines (iCalendar)</a> · <a href="/api/v1/oversight/calendar.ics?agency=${r.agency}" type="text/calendar">Calendar of ${name(`organization:${r.agency}`)}'s reviews, with re-evaluations</a> · <a href="/feeds/acquisition-reviews.atom?agency=${r.agency}" type="application/atom+xml">Atom feed of ${name(`organization:${r.agency}`)}'s reviews</a> · <a href="/api/v1/acquisition-reviews/${r.id}" type="application/json">JSON</a></p>
${draftButton(frame, 'review', r.id)}
${timeline(view)}
${riskFactorTable(view)}
${deadlineTable(view.deadlines)}
${history(r, view.titles)}
${reviewStepForms(frame, r)}
${transparencyLogSection(`acquisition-review:${r.id}`, view.logEntries)}`;
  return layout(frame, {
    title: `Acquisition review: ${title}`,
    description: `${REVIEW_STATUS_LABELS[r.status]}: the review under Executive Order 14093 of ${title}.`,
    main,
    alternates: [{ type: 'application/atom+xml', href: `/feeds/acquisition-reviews.atom?agency=${r.agency}`, title: 'Acquisition reviews (Atom)' }],
  });
}
