import type { InputIssue } from '../../core/command-error.js';
import { fieldLabel } from '../../registry/field-labels.js';
import { recordTypeLabel, sentenceCase } from '../../registry/labels.js';
import { RECORD_TYPES, type RecordType } from '../../registry/schemas/common.js';
import type { TipRow } from '../../registry/tips/tips-store.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';
import type { FormField } from '../forms/record-form-fields.js';
import type { FormValues } from '../forms/record-form-values.js';

/** What the proposal form shows: the record type, its fields, what was typed, what was wrong. */
export interface ProposalFormView {
  readonly type: RecordType;
  readonly fields: readonly FormField[];
  readonly values: FormValues;
  readonly note: string;
  readonly issues: readonly InputIssue[];
  /** The stored record's key when this proposes a change to it; absent for a new record. */
  readonly editing?: string | undefined;
  /** The tip this proposal follows up, shown beside the form and moderated with it. */
  readonly tip?: TipRow | undefined;
}

/** The form field an issue path names: `record.sources[1]` → `sources`, `record.identifiers.uei` → `identifiers.uei`. */
export function issueField(path: string): string {
  return path.replace(/^record\.?/, '').replace(/\[\d+\]/g, '');
}

/**
 * The schema's message in a form's words: a field left empty is "required", a choice outside the
 * list asks for one of the options (the API keeps zod's own wording, which names the expected type).
 */
export function formMessage(message: string): string {
  if (/expected \w+, received undefined/.test(message)) return 'is required';
  if (/^Invalid option/.test(message)) return 'choose one of the options';
  if (/expected number, received string/.test(message)) return 'must be a number';
  if (/expected (array|record|object), received string/.test(message)) return 'must be valid JSON in the form shown';
  return message;
}

function inputId(name: string): string {
  return `field-${name.replace(/\./g, '-')}`;
}

function issuesOf(view: ProposalFormView, name: string): InputIssue[] {
  // A list's or JSON field's inner path (`formerNames.name`) belongs to the field that holds it.
  return view.issues.filter((i) => issueField(i.path) === name || issueField(i.path).startsWith(`${name}.`));
}

function control(field: FormField, view: ProposalFormView, describedBy: string, invalid: boolean): SafeHtml {
  const id = inputId(field.name);
  const value = view.values[field.name] ?? field.defaultValue ?? '';
  const aria = html`${describedBy ? html` aria-describedby="${describedBy}"` : ''}${invalid ? html` aria-invalid="true"` : ''}${field.required ? html` required` : ''}`;
  switch (field.kind) {
    case 'select':
      return html`<select id="${id}" name="${field.name}"${aria}>
${field.required && field.defaultValue ? '' : html`<option value="">${field.required ? 'Choose…' : '— not given —'}</option>`}
${(field.options ?? []).map((o) => html`<option value="${o.value}"${o.value === value ? html` selected` : ''}>${o.label}</option>`)}
</select>`;
    case 'textarea':
      return html`<textarea id="${id}" name="${field.name}" rows="4"${aria}>${value}</textarea>`;
    case 'lines':
      return html`<textarea id="${id}" name="${field.name}" rows="3"${aria}>${value}</textarea>`;
    case 'json':
      return html`<textarea id="${id}" name="${field.name}" rows="4" class="code" spellcheck="false"${aria}>${value}</textarea>`;
    case 'number':
      return html`<input id="${id}" name="${field.name}" type="text" inputmode="decimal" value="${value}"${aria}>`;
    default:
      return html`<input id="${id}" name="${field.name}" type="text" value="${value}"${aria}>`;
  }
}

function fieldRow(field: FormField, view: ProposalFormView): SafeHtml {
  if (field.kind === 'group') {
    return html`<fieldset class="field-group"><legend>${field.label} <span class="muted">(optional)</span></legend>
${(field.children ?? []).map((child) => fieldRow(child, view))}
</fieldset>`;
  }
  const id = inputId(field.name);
  const problems = issuesOf(view, field.name);
  const describedBy = [field.hint ? `${id}-hint` : '', problems.length > 0 ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<p class="field${problems.length > 0 ? ' has-error' : ''}"><label for="${id}">${field.label}${field.required ? '' : html` <span class="muted">(optional)</span>`}</label>
${field.hint ? html`<span class="hint" id="${id}-hint">${field.hint}</span>` : ''}
${control(field, view, describedBy, problems.length > 0)}
${problems.length > 0 ? html`<span class="field-error" id="${id}-error">${problems.map((p, i) => html`${i > 0 ? '; ' : ''}${formMessage(p.message)}`)}</span>` : ''}</p>`;
}

function tipAside(tip: TipRow): SafeHtml {
  return html`<aside class="tip-context" aria-labelledby="tip-heading">
<h2 id="tip-heading">The tip this follows up</h2>
<p class="meta">Reference <code>${tip.id}</code>. Sending the proposal marks the tip accepted and links the two.</p>
<p><strong>${tip.subject ?? 'Subject shredded'}</strong></p>
<div class="tip-body">${tip.body ?? ''}</div>
${tip.sourceUrl ? html`<p>Source named by the tipster: <code>${tip.sourceUrl}</code> <span class="muted">(add it as a source record before citing it)</span></p>` : ''}
</aside>`;
}

/**
 * A proposal form for one record type, generated from the schema the API validates: each field
 * with its label, hint and — after a refused send — what was wrong next to it. Works without
 * JavaScript; the proposal goes to the editors' review queue.
 *
 * @example
 * c.html(proposalFormPage(frame, { type: 'organization', fields: recordFormFields('organization'), values: {}, note: '', issues: [] }).toString());
 */
export function proposalFormPage(frame: PageFrame, view: ProposalFormView): SafeHtml {
  const what = recordTypeLabel(view.type);
  const title = view.editing ? `Propose a change to ${what} ${view.editing}` : `Propose a new ${what}`;
  const action = `/propose/${view.type}${view.editing ? `?id=${encodeURIComponent(view.editing)}` : ''}`;
  const main = html`<section class="narrow">
<h1>${title}</h1>
<p>An editor reviews every proposal before anything is published. Cite at least one source; a source that is not yet in the registry can be <a href="/propose/source">proposed first</a>.</p>
${view.issues.length > 0 ? html`<div class="error-message" role="alert"><p>The proposal was not sent. Please check:</p><ul>${view.issues.map((i) => html`<li>${issueField(i.path) ? html`<a href="#${inputId(issueField(i.path))}">${fieldLabel(view.type, issueField(i.path))}</a>: ` : ''}${formMessage(i.message)}</li>`)}</ul></div>` : ''}
${view.tip ? tipAside(view.tip) : ''}
<form method="post" action="${action}" class="stacked proposal-form" novalidate>
${csrfField(frame.auth)}
${view.tip ? html`<input type="hidden" name="_tip" value="${view.tip.id}">` : ''}
${view.fields.map((f) => fieldRow(f, view))}
<p class="field"><label for="field-_note">Note for the editor <span class="muted">(optional; published with the change if accepted)</span></label>
<textarea id="field-_note" name="_note" rows="3">${view.note}</textarea></p>
<p><button type="submit">Send for review</button></p>
</form>
</section>`;
  return layout(frame, { title, main });
}

/**
 * The list of record types to propose, each a link to its form (carrying the tip being followed up).
 *
 * @example
 * c.html(proposalChooserPage(frame, undefined).toString());
 */
export function proposalChooserPage(frame: PageFrame, tip: TipRow | undefined): SafeHtml {
  const types = RECORD_TYPES.map((type) => html`<li><a href="/propose/${type}${tip ? `?tip=${tip.id}` : ''}">${sentenceCase(recordTypeLabel(type))}</a></li>`);
  const main = html`<section class="narrow">
<h1>Propose a record</h1>
<p>Choose what to add. An editor reviews every proposal before it is published.</p>
${tip ? tipAside(tip) : ''}
<ul class="record-types">${types}<li><a href="/propose/delisting">Delisting of a designation</a></li></ul>
</section>`;
  return layout(frame, { title: 'Propose a record', main });
}
