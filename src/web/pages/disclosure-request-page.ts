import { jurisdictionOf } from '../../disclosure/requests/jurisdictions.js';
import { embargoForm, stepForms, uploadForm, type PresentedRequest } from '../components/disclosure-step-forms.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';

const DIRECTION = { sent: 'Sent', received: 'Received', draft: 'Draft (not sent)' } as const;

function fact(label: string, value: SafeHtml | string | null): SafeHtml {
  return value === null || value === '' ? html`` : html`<dt>${label}</dt><dd>${value}</dd>`;
}

function documentsSection(frame: PageFrame, request: PresentedRequest): SafeHtml {
  if (request.documents.length === 0) return html``;
  return html`<section aria-labelledby="documents-heading">
<h2 id="documents-heading">Documents received</h2>
<ul class="documents">${request.documents.map((d) => html`<li>
<strong>${d.url ? html`<a href="${d.url}">${d.fileName}</a>` : d.fileName}</strong> <span class="muted">${d.mediaType}, ${d.size.toLocaleString('en-US')} bytes${d.pages !== null ? `, ${d.pages} page${d.pages === 1 ? '' : 's'}` : ''}</span><br>
SHA-256 <code>${d.sha256}</code><br>
${d.publishedAt ? html`Published ${d.publishedAt.slice(0, 10)}.` : html`Private until the end of ${d.embargoUntil}${d.embargoExtended ? ' (extended)' : ''}.${d.noticeSentAt ? ' The embargo ends within a week.' : ''}`}
${embargoForm(frame, request, d)}
</li>`)}</ul>
</section>`;
}

function attachments(request: PresentedRequest, messageId: string): SafeHtml {
  const attached = request.documents.filter((d) => d.messageId === messageId);
  return attached.length === 0 ? html`` : html`<p>Attachments: ${attached.map((d, i) => html`${i > 0 ? ', ' : ''}${d.url ? html`<a href="${d.url}">${d.fileName}</a>` : html`${d.fileName} (private until ${d.embargoUntil})`}`)}</p>`;
}

function draftActions(frame: PageFrame, request: PresentedRequest): SafeHtml {
  if (request.status !== 'draft' || !request.steps.some((s) => s.step === 'submit')) return html``;
  return html`<section aria-labelledby="file-heading" class="draft-actions">
<h2 id="file-heading">Before you file it</h2>
<p><a class="button" href="/disclosure-requests/${request.id}/edit">Edit the letter</a></p>
<form method="post" action="/disclosure-requests/${request.id}/submit">
${csrfField(frame.auth)}
<p><label for="received-at">Date the agency received it</label>
<input id="received-at" type="date" name="receivedAt" required></p>
<p><label for="tracking">Tracking number <span class="muted">(optional)</span></label>
<input id="tracking" name="trackingNumber" maxlength="200"></p>
<p class="buttons"><button type="submit">File the request</button></p>
</form>
</section>`;
}

/**
 * One records request: what it asks (the letter), where it stands (status, due date, paused or
 * extended clock, overdue), its tracking numbers, correspondence and documents, the calendar of
 * its deadlines, and a form for every step the reader may take.
 *
 * @example
 * c.html(disclosureRequestPage(frame, presented, null).toString());
 */
export function disclosureRequestPage(frame: PageFrame, request: PresentedRequest, appealDraft: string | null): SafeHtml {
  const law = jurisdictionOf(request.jurisdiction);
  const main = html`<article class="record disclosure-request">
<header class="record-header">
<p class="record-type">Records request · ${request.jurisdictionLabel}</p>
<h1>${request.title}</h1>
<p class="lede"><span class="status">${request.statusLabel}</span>${request.overdue ? html` <span class="status status-reported">Overdue</span>` : ''}</p>
</header>
<dl class="facts">
${fact('Agency', html`<a href="/disclosure-agencies/${request.agencyId}">${request.agencyName}</a>`)}
${fact('Addressed to', request.addressee)}
${fact('Law', request.law)}
${fact('Contract', request.piid ? html`<a href="/contracts/${request.piid}">${request.piid}</a>` : null)}
${fact('Award key', request.awardKey)}
${fact('Drafted from', `${request.subject.kind} ${request.subject.id}`)}
${fact('Received by the agency', request.receivedAt)}
${fact('Response due', request.dueDate ? `${request.dueDate}${request.extended ? ' (extended for unusual circumstances)' : ''}${request.clockPaused ? ' — clock paused while the agency waits for the requester' : ''}` : null)}
${fact('Expedited processing', request.expedited ? 'asked for' : null)}
${fact('Determination', request.determination ? `${request.determination.outcome} on ${request.determination.date}${request.determination.note ? ` — ${request.determination.note}` : ''}` : null)}
${fact('Fee asked', request.feeAmount !== null ? `$${request.feeAmount.toFixed(2)}${request.feePaidAt ? `, paid ${request.feePaidAt}` : ''}` : null)}
${fact('Tracking numbers', request.trackingNumbers.length > 0 ? request.trackingNumbers.map((t) => `${t.number}${t.label ? ` (${t.label})` : ''}`).join(', ') : null)}
</dl>
${request.receivedAt ? html`<p>Deadlines: <a href="${request.deadlinesUrl}">as data</a> · <a href="${request.deadlinesCalendarUrl}">subscribe in your calendar (iCalendar)</a>. ${law.response.citation}${law.appeal ? `; appeals: ${law.appeal.days} days, ${law.appeal.citation}` : ''}.</p>` : ''}
${draftActions(frame, request)}
<section aria-labelledby="letter-heading">
<h2 id="letter-heading">The letter</h2>
<pre class="letter">${request.letter}</pre>
</section>
${request.messages.length > 0 ? html`<section aria-labelledby="messages-heading">
<h2 id="messages-heading">Correspondence</h2>
<ol class="messages">${request.messages.map((m) => html`<li><p><strong>${m.direction === 'sent' ? DIRECTION.sent : m.direction === 'received' ? DIRECTION.received : DIRECTION.draft}</strong> ${m.date}: ${m.subject}</p><pre class="letter">${m.body}</pre>${attachments(request, m.id)}</li>`)}</ol>
</section>` : ''}
${documentsSection(frame, request)}
${uploadForm(frame, request)}
${stepForms(frame, request, appealDraft)}
</article>`;
  return layout(frame, { title: request.title, description: `${request.agencyName}: a records request, ${request.statusLabel.toLowerCase()}.`, main });
}
