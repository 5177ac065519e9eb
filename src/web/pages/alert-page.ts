import type { InputIssue } from '../../core/command-error.js';
import type { Alert, AlertAnnotation } from '../../procurement/alerts/alert.js';
import { alertWorkflow } from '../../procurement/alerts/alert-workflow.js';
import type { SourceSummary } from '../../registry/views.js';
import { alertTitle } from '../../server/api/routes/alert-routes.js';
import { formatTimestamp } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';
import { procurementAlert } from '../components/procurement-alert.js';

/** What an alert's page shows, and what the reader may do there. */
export interface AlertPageView {
  readonly alert: Alert;
  readonly contractRecorded: boolean;
  readonly annotations: readonly AlertAnnotation[];
  /** The sources annotations cite, by id, for their titles. */
  readonly sources: Readonly<Record<string, SourceSummary>>;
  readonly canAnnotate: boolean;
  readonly canRetract: boolean;
  /** After a refused form: which form, what was typed and what was wrong. */
  readonly refused?: { readonly form: 'annotate' | 'retract'; readonly values: Readonly<Record<string, string>>; readonly issues: readonly InputIssue[] } | undefined;
  readonly done?: 'annotated' | 'retracted' | undefined;
}

function fieldError(view: AlertPageView, form: 'annotate' | 'retract', field: string): { attrs: SafeHtml; error: SafeHtml } {
  const issues = view.refused?.form === form ? view.refused.issues.filter((i) => i.path === field) : [];
  if (issues.length === 0) return { attrs: html``, error: html`` };
  const id = `${form}-${field}-error`;
  return { attrs: html` aria-invalid="true" aria-describedby="${id}"`, error: html`<span class="field-error" id="${id}">${issues.map((i) => i.message).join('; ')}</span>` };
}

function annotateForm(frame: PageFrame, view: AlertPageView): SafeHtml {
  const values = view.refused?.form === 'annotate' ? view.refused.values : {};
  const note = fieldError(view, 'annotate', 'note');
  const source = fieldError(view, 'annotate', 'source');
  return html`<form method="post" action="/alerts/${view.alert.id}/annotations" class="stacked">
${csrfField(frame.auth)}
<h3>Annotate this alert</h3>
<p><label for="annotate-note">Annotation</label>
<textarea id="annotate-note" name="note" rows="3" maxlength="5000"${note.attrs}>${values['note'] ?? ''}</textarea>${note.error}</p>
<p><label for="annotate-source">Source <span class="muted">(optional)</span></label>
<span class="hint" id="annotate-source-hint">The identifier of a registry source (as in /sources/…) the annotation rests on.</span>
<input id="annotate-source" name="source" type="text" value="${values['source'] ?? ''}"${source.attrs}>${source.error}</p>
<p><button type="submit">Add the annotation</button></p>
</form>`;
}

function retractForm(frame: PageFrame, view: AlertPageView): SafeHtml {
  const values = view.refused?.form === 'retract' ? view.refused.values : {};
  const reason = fieldError(view, 'retract', 'reason');
  return html`<form method="post" action="/alerts/${view.alert.id}/retract" class="stacked">
${csrfField(frame.auth)}
<h3>Retract this alert</h3>
<p class="note">A retracted alert leaves the alert list and the feeds; this page stays and shows the reason.</p>
<p><label for="retract-reason">Reason</label>
<textarea id="retract-reason" name="reason" rows="2" maxlength="2000"${reason.attrs}>${values['reason'] ?? ''}</textarea>${reason.error}</p>
<p><button type="submit" class="secondary">Retract</button></p>
</form>`;
}

function annotationList(view: AlertPageView): SafeHtml {
  if (view.annotations.length === 0) return html`<p class="muted">No annotations.</p>`;
  return html`<ol class="annotations">${view.annotations.map((a) => {
    const source = a.source ? view.sources[a.source] : undefined;
    return html`<li id="annotation-${a.id}"><p>${a.note}</p>
<p class="meta">${formatTimestamp(a.createdAt)} by <code>${a.createdBy}</code>${a.source ? html` · source: <a href="/sources/${a.source}">${source?.title ?? a.source}</a>` : ''}</p></li>`;
  })}</ol>`;
}

/**
 * An alert's permalink: the alert with why it matched, its state in words, the reason it was
 * retracted if it was, its annotations with their sources — and for analysts and editors the
 * forms to annotate and retract it (plain forms, CSRF-protected, no JavaScript needed).
 *
 * @example
 * c.html(alertPage(frame, { alert, contractRecorded: true, annotations: [], sources: {}, canAnnotate: false, canRetract: false }).toString());
 */
export function alertPage(frame: PageFrame, view: AlertPageView): SafeHtml {
  const { alert } = view;
  const state = alertWorkflow.states[alert.status]?.label ?? alert.status;
  const open = alert.status === 'raised' || alert.status === 'confirmed';
  const retraction = alert.retraction;
  const main = html`<article class="record alert-page">
<header class="record-header">
<p class="record-type">Procurement alert · ${state}</p>
<h1>${alertTitle(alert)}</h1>
</header>
${view.done ? html`<p class="notice" role="status">${view.done === 'annotated' ? 'The annotation was added.' : 'The alert was retracted.'}</p>` : ''}
${retraction ? html`<p class="retraction-banner" role="note"><strong>Retracted:</strong> ${retraction.reason} <span class="muted">(${formatTimestamp(retraction.retractedAt)}, by <code>${retraction.retractedBy}</code>)</span></p>` : ''}
${procurementAlert({ ...alert, retraction: null }, { heading: 'h2', contractRecorded: view.contractRecorded, permalink: false, forAnalysts: view.canAnnotate })}
<section aria-labelledby="annotations-heading">
<h2 id="annotations-heading">Annotations</h2>
${annotationList(view)}
${open && view.canAnnotate ? annotateForm(frame, view) : ''}
</section>
${open && view.canRetract ? retractForm(frame, view) : ''}
</article>`;
  return layout(frame, { title: alertTitle(alert), description: `Procurement alert: ${alertTitle(alert)}${retraction ? ' (retracted)' : ''}.`, main });
}
