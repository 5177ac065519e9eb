import type { InputIssue } from '../../core/command-error.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';

/** What the tip form holds: what was typed, kept when the form comes back with errors. */
export interface TipFormValues {
  readonly subject: string;
  readonly body: string;
  readonly sourceUrl: string;
  readonly contact: string;
}

/** The form as first shown. */
export const EMPTY_TIP: TipFormValues = { subject: '', body: '', sourceUrl: '', contact: '' };

const LABELS: Readonly<Record<string, string>> = { subject: 'Subject', body: 'What you know', sourceUrl: 'Link to a source', contact: 'How to reach you' };

function fieldError(issues: readonly InputIssue[], field: string): SafeHtml {
  const issue = issues.find((i) => i.path === field);
  return issue ? html`<span class="field-error" id="tip-${field}-error">${issue.message}</span>` : html``;
}

function described(issues: readonly InputIssue[], field: string, hint: boolean): SafeHtml {
  const ids = [hint ? `tip-${field}-hint` : '', issues.some((i) => i.path === field) ? `tip-${field}-error` : ''].filter(Boolean).join(' ');
  return ids ? html` aria-describedby="${ids}"${issues.some((i) => i.path === field) ? html` aria-invalid="true"` : ''}` : html``;
}

/**
 * The tip form, open to anyone: a new contract, a vendor's new name, a designation we missed.
 * With `issues`, it comes back with what was wrong next to each field and what was typed kept.
 *
 * @example
 * c.html(tipFormPage(frame, EMPTY_TIP, []).toString());
 */
export function tipFormPage(frame: PageFrame, values: TipFormValues, issues: readonly InputIssue[]): SafeHtml {
  const main = html`<section class="narrow">
<h1>Send a tip</h1>
<p>Know of a contract, a vendor, an owner, a designation or an abuse the registry is missing or has wrong? Tell us. Analysts read every tip; nothing is published until it is checked against a source.</p>
<p>Believe you were targeted yourself? <a href="/complaints/new">File a complaint with an oversight body</a> instead: it is followed through a private link.</p>
<p class="note">Tips are never published as sent. The public transparency log records only that a tip arrived and a sealed commitment to its content. If you may be at risk, leave out anything that identifies you.</p>
${issues.length > 0 ? html`<div class="error-message" role="alert"><p>The tip was not sent. Please check:</p><ul>${issues.map((i) => html`<li>${LABELS[i.path] ?? i.path}: ${i.message}</li>`)}</ul></div>` : ''}
<form method="post" action="/tips/new" class="stacked">
${csrfField(frame.auth)}
<p><label for="tip-subject">${LABELS['subject']}</label>
<input id="tip-subject" name="subject" type="text" required minlength="3" maxlength="200" value="${values.subject}"${described(issues, 'subject', false)}>
${fieldError(issues, 'subject')}</p>
<p><label for="tip-body">${LABELS['body']}</label>
<span class="hint" id="tip-body-hint">Who, what, when — and how you know.</span>
<textarea id="tip-body" name="body" rows="8" required minlength="10" maxlength="20000"${described(issues, 'body', true)}>${values.body}</textarea>
${fieldError(issues, 'body')}</p>
<p><label for="tip-sourceUrl">${LABELS['sourceUrl']} <span class="muted">(optional)</span></label>
<span class="hint" id="tip-sourceUrl-hint">A public document, filing or article: http or https.</span>
<input id="tip-sourceUrl" name="sourceUrl" type="url" maxlength="2000" value="${values.sourceUrl}"${described(issues, 'sourceUrl', true)}>
${fieldError(issues, 'sourceUrl')}</p>
<p><label for="tip-contact">${LABELS['contact']} <span class="muted">(optional)</span></label>
<span class="hint" id="tip-contact-hint">Only if you want an analyst to be able to ask you more. Seen by analysts only.</span>
<input id="tip-contact" name="contact" type="text" maxlength="500" value="${values.contact}"${described(issues, 'contact', true)}>
${fieldError(issues, 'contact')}</p>
<p><button type="submit">Send the tip</button></p>
</form>
</section>`;
  return layout(frame, { title: 'Send a tip', main });
}
