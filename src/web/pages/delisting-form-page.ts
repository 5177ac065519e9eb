import type { InputIssue } from '../../core/command-error.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';
import { formMessage } from './proposal-form-page.js';

/** The delisting form's fields, in order, with their labels and hints. */
const FIELDS = [
  { name: 'designationId', label: 'Designation', hint: 'The designation’s identifier, as the organisation’s or person’s page and /designations give it.', rows: 0 },
  { name: 'delisted', label: 'Delisted on', hint: 'YYYY, YYYY-MM or YYYY-MM-DD, as the source gives it.', rows: 0 },
  { name: 'reason', label: 'Reason for delisting', hint: 'As the authority or the source states it (optional).', rows: 3 },
  { name: 'sources', label: 'Sources', hint: 'The identifiers of the sources (as in /sources/…), one a line.', rows: 3 },
  { name: 'note', label: 'Note for the editor', hint: 'Optional; published with the change if accepted.', rows: 3 },
] as const;

/**
 * A proposed delisting: a designation keeps its listing and gains a delisting date, reason and
 * sources once an editor accepts it. Field-level errors as on every proposal form.
 *
 * @example
 * c.html(delistingFormPage(frame, { designationId: 'nso-group--us-bis--entity-list--2021-11-03' }, []).toString());
 */
export function delistingFormPage(frame: PageFrame, values: Readonly<Record<string, string>>, issues: readonly InputIssue[]): SafeHtml {
  const rows = FIELDS.map((f) => {
    const id = `field-${f.name}`;
    const problems = issues.filter((i) => i.path.replace(/\[\d+\]/g, '') === f.name);
    const aria = html` aria-describedby="${id}-hint${problems.length > 0 ? ` ${id}-error` : ''}"${problems.length > 0 ? html` aria-invalid="true"` : ''}`;
    const control = f.rows === 0 ? html`<input id="${id}" name="${f.name}" type="text" value="${values[f.name] ?? ''}"${aria}>` : html`<textarea id="${id}" name="${f.name}" rows="${f.rows}"${aria}>${values[f.name] ?? ''}</textarea>`;
    return html`<p class="field"><label for="${id}">${f.label}</label>
<span class="hint" id="${id}-hint">${f.hint}</span>
${control}
${problems.length > 0 ? html`<span class="field-error" id="${id}-error">${problems.map((p) => formMessage(p.message)).join('; ')}</span>` : ''}</p>`;
  });
  const main = html`<section class="narrow">
<h1>Propose a delisting</h1>
<p>A designation is never deleted: it keeps its listing date and gains a delisting date, once an editor accepts the proposal.</p>
${issues.length > 0 ? html`<div class="error-message" role="alert"><p>The proposal was not sent. Please check:</p><ul>${issues.map((i) => html`<li>${FIELDS.find((f) => f.name === i.path.replace(/\[\d+\]/g, ''))?.label ?? i.path}: ${formMessage(i.message)}</li>`)}</ul></div>` : ''}
<form method="post" action="/propose/delisting" class="stacked" novalidate>
${csrfField(frame.auth)}
${rows}
<p><button type="submit">Send for review</button></p>
</form>
</section>`;
  return layout(frame, { title: 'Propose a delisting', main });
}
