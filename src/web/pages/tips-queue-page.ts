import type { TipRow } from '../../registry/tips/tips-store.js';
import { tipWorkflow } from '../../registry/tips/tip-workflow.js';
import { formatTimestamp } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';
import { pagination, queryString } from '../components/pagination.js';
import { safeHref } from '../components/safe-href.js';

export type TipStatus = TipRow['status'];

export interface TipsQueueView {
  readonly status: TipStatus;
  readonly tips: readonly TipRow[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /** What was just done, to confirm it (after the redirect that follows a moderation). */
  readonly done?: 'accepted' | 'dismissed' | undefined;
}

const TABS: readonly [TipStatus, string][] = [['pending', 'Waiting'], ['accepted', 'Accepted'], ['dismissed', 'Dismissed']];

function moderationForm(frame: PageFrame, tip: TipRow): SafeHtml {
  return html`<form method="post" action="/tips/${tip.id}/moderation" class="moderation">
${csrfField(frame.auth)}
<p><label for="note-${tip.id}">Note for the record <span class="muted">(optional)</span></label>
<textarea id="note-${tip.id}" name="note" rows="2" maxlength="2000"></textarea></p>
<p class="buttons"><button type="submit" name="decision" value="accepted">Accept: worth a proposed change</button>
<button type="submit" name="decision" value="dismissed" class="secondary">Dismiss</button></p>
</form>`;
}

function tipArticle(frame: PageFrame, tip: TipRow): SafeHtml {
  const href = safeHref(tip.sourceUrl);
  return html`<article class="tip" id="tip-${tip.id}">
<h2>${tip.subject ?? html`<span class="muted">Subject shredded</span>`}</h2>
<p class="meta">Received ${formatTimestamp(tip.submittedAt)} · reference <code>${tip.id}</code></p>
<div class="tip-body">${tip.body ?? html`<p class="muted">The text of this tip was shredded.</p>`}</div>
<dl class="facts">
${tip.sourceUrl ? html`<dt>Source</dt><dd>${href ? html`<a class="external" href="${href}" rel="noopener noreferrer nofollow">${href}</a>` : html`<span class="unsafe-url">${tip.sourceUrl}</span>`}</dd>` : ''}
${tip.contact ? html`<dt>Contact</dt><dd>${tip.contact}</dd>` : ''}
${tip.moderatedAt ? html`<dt>Moderated</dt><dd>${tipWorkflow.states[tip.status]?.label ?? tip.status} on ${formatTimestamp(tip.moderatedAt)} by <code>${tip.moderatedBy ?? ''}</code>${tip.moderationNote ? html`: ${tip.moderationNote}` : ''}</dd>` : ''}
</dl>
${tip.status === 'dismissed' ? '' : html`<p><a class="button" href="/propose?tip=${tip.id}">Turn this tip into a proposal</a></p>`}
${tip.status === 'pending' ? moderationForm(frame, tip) : ''}
</article>`;
}

/**
 * The tip queue for analysts: each tip with its source and contact, and a form to accept it (it
 * becomes a lead for a proposed change) or dismiss it.
 *
 * @example
 * c.html(tipsQueuePage(frame, { status: 'pending', tips, total, offset: 0, limit: 50 }).toString());
 */
export function tipsQueuePage(frame: PageFrame, view: TipsQueueView): SafeHtml {
  const tabs = TABS.map(([status, label]) => html`<li><a href="/tips${queryString({ status })}"${status === view.status ? html` aria-current="page"` : ''}>${label}</a></li>`);
  const main = html`<h1>Tips</h1>
${view.done ? html`<p class="notice" role="status">The tip was ${view.done}.</p>` : ''}
<nav aria-label="Tip status"><ul class="tabs">${tabs}</ul></nav>
<p class="result-count">${view.total} ${view.total === 1 ? 'tip' : 'tips'}</p>
${view.tips.length === 0 ? html`<p class="muted">No tips here.</p>` : view.tips.map((t) => tipArticle(frame, t))}
${pagination(view, (offset) => `/tips${queryString({ status: view.status, offset })}`)}`;
  return layout(frame, { title: 'Tips', main });
}
