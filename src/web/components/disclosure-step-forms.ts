import type { presentRequest } from '../../server/api/presenters/disclosure-request-presenter.js';
import { html, type SafeHtml } from './html.js';
import { csrfField, type PageFrame } from './layout.js';

/** A request as the API presents it, which the pages show too. */
export type PresentedRequest = ReturnType<typeof presentRequest>;

const OUTCOME_LABELS = { done: 'Completed: records released', partial: 'Partially completed', rejected: 'Rejected (withheld)', 'no-documents': 'No responsive documents' } as const;

function field(id: string, name: string, label: string, input: SafeHtml, hint?: string): SafeHtml {
  return html`<p><label for="${id}">${label}${hint ? html` <span class="muted">(${hint})</span>` : ''}</label>
${input}</p>`;
}

const note = (id: string, label = 'What the agency wrote, or a note') => field(`${id}-note`, 'note', label, html`<textarea id="${id}-note" name="note" rows="3" maxlength="20000"></textarea>`, 'optional');
const occurredAt = (id: string) => field(`${id}-occurred`, 'occurredAt', 'Date of the letter or event', html`<input id="${id}-occurred" type="date" name="occurredAt">`, 'leave empty for today');

/** The fields each step asks for, in the order a reader fills them in. */
function fieldsFor(step: string, id: string, appealDraft: string | null): SafeHtml {
  switch (step) {
    case 'acknowledge':
      return html`${field(`${id}-tracking`, 'trackingNumber', 'Tracking number the agency gave', html`<input id="${id}-tracking" name="trackingNumber" maxlength="200">`, 'optional')}${note(id)}${occurredAt(id)}`;
    case 'require-payment':
      return html`${field(`${id}-amount`, 'amount', 'Fee asked (USD)', html`<input id="${id}-amount" name="amount" type="number" min="0" step="0.01" required>`)}${note(id)}${occurredAt(id)}`;
    case 'determine':
      return html`${field(`${id}-outcome`, 'outcome', 'Outcome', html`<select id="${id}-outcome" name="outcome">${Object.entries(OUTCOME_LABELS).map(([value, label]) => html`<option value="${value}">${label}</option>`)}</select>`)}${note(id)}${occurredAt(id)}`;
    case 'appeal':
      return field(`${id}-letter`, 'letter', 'Appeal letter (drafted from the determination; edit before filing)', html`<textarea id="${id}-letter" name="letter" rows="14" maxlength="100000">${appealDraft ?? ''}</textarea>`);
    case 'add-tracking-number':
      return html`${field(`${id}-number`, 'number', 'Tracking number', html`<input id="${id}-number" name="number" maxlength="200" required>`)}${field(`${id}-label`, 'label', 'Which office gave it', html`<input id="${id}-label" name="label" maxlength="200">`, 'optional')}`;
    case 'record-message':
      return html`${field(`${id}-direction`, 'direction', 'Direction', html`<select id="${id}-direction" name="direction"><option value="received">Received from the agency</option><option value="sent">Sent to the agency</option></select>`)}
${field(`${id}-subject`, 'subject', 'Subject', html`<input id="${id}-subject" name="subject" maxlength="300" required>`)}
${field(`${id}-body`, 'body', 'Text', html`<textarea id="${id}-body" name="body" rows="6" maxlength="100000" required></textarea>`)}${occurredAt(id)}`;
    case 'answer-fix':
      return html`${note(id, 'Your clarification')}${occurredAt(id)}`;
    case 'litigate': case 'abandon':
      return note(id, 'A note for the record');
    default:
      return html`${note(id)}${occurredAt(id)}`;
  }
}

/** One form per step open to the reader, each posting to the portal's step route (303 back to the request). */
export function stepForms(frame: PageFrame, request: PresentedRequest, appealDraft: string | null): SafeHtml {
  const steps = request.steps.filter((s) => !['edit', 'submit', 'receive-document', 'extend-embargo'].includes(s.step));
  if (steps.length === 0) return html``;
  return html`<section aria-labelledby="steps-heading" class="request-steps">
<h2 id="steps-heading">Record what happened</h2>
${steps.map((s) => html`<details class="step-form"><summary>${s.label}</summary>
<form method="post" action="/disclosure-requests/${request.id}/steps/${s.step}">
${csrfField(frame.auth)}
${fieldsFor(s.step, `step-${s.step}`, appealDraft)}
<p class="buttons"><button type="submit">${s.label}</button></p>
</form></details>`)}
</section>`;
}

/** The upload form for a document the agency released, with the embargo date. */
export function uploadForm(frame: PageFrame, request: PresentedRequest): SafeHtml {
  if (!request.steps.some((s) => s.step === 'receive-document')) return html``;
  return html`<form method="post" action="/disclosure-requests/${request.id}/documents" enctype="multipart/form-data" class="upload-form">
${csrfField(frame.auth)}
${field('document-file', 'file', 'Document received (PDF or text)', html`<input id="document-file" type="file" name="file" required>`)}
${request.messages.some((m) => m.direction !== 'draft') ? field('document-message', 'messageId', 'Attached to', html`<select id="document-message" name="messageId"><option value="">No letter</option>${request.messages.filter((m) => m.direction !== 'draft').map((m) => html`<option value="${m.id}">${m.date}: ${m.subject}</option>`)}</select>`, 'optional') : ''}
${field('document-embargo', 'embargoUntil', 'Keep it private until', html`<input id="document-embargo" type="date" name="embargoUntil">`, 'default: 30 days; you are told a week before it ends')}
<p class="buttons"><button type="submit">Upload document</button></p>
</form>`;
}

/** The one-step extension of a document's embargo. */
export function embargoForm(frame: PageFrame, request: PresentedRequest, document: PresentedRequest['documents'][number]): SafeHtml {
  if (document.publishedAt !== null || document.embargoExtended || !request.steps.some((s) => s.step === 'extend-embargo')) return html``;
  return html`<form method="post" action="/disclosure-requests/${request.id}/steps/extend-embargo" class="inline-form">
${csrfField(frame.auth)}<input type="hidden" name="document" value="${document.id}">
<label for="until-${document.id}">Extend the embargo once, to</label> <input id="until-${document.id}" type="date" name="until" required>
<button type="submit">Extend embargo</button>
</form>`;
}
