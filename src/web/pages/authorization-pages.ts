import type { Deadline } from '../../kernel/deadlines/deadline.js';
import { LEGAL_AUTHORITY_LABELS } from '../../oversight/authorizations/authorization.js';
import { dataCategoryLabel } from '../../oversight/authorizations/data-categories.js';
import type { OffenceCategory } from '../../oversight/authorizations/offence-categories.js';
import type { TargetRetention } from '../../oversight/authorizations/target-retention.js';
import { FINDING_LABELS, type Finding, type Sharing } from '../../oversight/uses/use.js';
import type { UseRow } from '../../oversight/uses/uses-store.js';
import type { ListedAuthorization } from '../../store/oversight/read-uses.js';
import { formatDate } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { layout, type PageFrame } from '../components/layout.js';
import { pagination } from '../components/pagination.js';
import type { TransparencyLogEntry } from '../portal-dependencies.js';
import { authorizationForm, stepForm, useForm } from './uses-forms.js';

const offenceLabel = (categories: readonly OffenceCategory[], id: string) => categories.find((c) => c.id === id)?.label ?? id;
const day = (at: string | null) => (at ? formatDate(at.slice(0, 10)) : html`<span class="muted">—</span>`);

export interface AuthorizationListView {
  readonly items: readonly ListedAuthorization[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly agency: string | undefined;
  readonly categories: readonly OffenceCategory[];
  /** Whether the reader is an officer of some agency (the forms are for them). */
  readonly officer: boolean;
}

/** Every authorisation of use: what, under which authority, for which crime, until when — and for officers, the forms. */
export function authorizationsPage(frame: PageFrame, view: AuthorizationListView): SafeHtml {
  const rows = view.items.map((a) => html`<tr><td><a href="/authorizations/${a.id}">${a.product}</a></td><td>${a.agency}</td><td>${offenceLabel(view.categories, a.offenceCategory)}</td>
<td>${LEGAL_AUTHORITY_LABELS[a.legalAuthority]}, ${a.issuingCourt}</td><td>${formatDate(a.validFrom)} – ${formatDate(a.validTo)}</td><td>${formatDate(a.noticeDueOn)}</td><td>${a.status === 'notice-given' ? 'Target notified' : 'Authorised'}</td></tr>`);
  const query = (offset: number) => `/authorizations?${new URLSearchParams({ ...(view.agency ? { agency: view.agency } : {}), ...(offset ? { offset: String(offset) } : {}) }).toString()}`;
  const main = html`<h1>Authorised uses</h1>
<p class="lede">Each use of a surveillance product needs an authorisation: a warrant, court order or consent, for a serious crime on the configured list, within a window and a scope of data, kept no longer than its retention, and a date by which the target is told. Docket numbers and targets are sealed; the log commits to them, and a court can order them published.</p>
<p><a href="/oversight/findings">Findings</a> · <a href="/audits">Audits</a> · <a href="/oversight/statistics">Statistics</a> · <a href="/api/v1/offence-categories">Offence categories (JSON)</a></p>
<form method="get" action="/authorizations" class="filters"><p><label for="q-agency">Agency <span class="muted">(registry id)</span></label><input id="q-agency" name="agency" value="${view.agency ?? ''}" pattern="[a-z0-9-]*"></p><p><button type="submit">Filter</button></p></form>
<p class="result-count">${view.total} ${view.total === 1 ? 'authorisation' : 'authorisations'}</p>
${view.items.length === 0 ? html`<p class="muted">No authorisations recorded.</p>` : html`<div class="table-scroll"><table><thead><tr><th scope="col">Product</th><th scope="col">Agency</th><th scope="col">Offence</th><th scope="col">Authority</th><th scope="col">Window</th><th scope="col">Notice due</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table></div>`}
${pagination(view, query)}
${view.officer ? html`${authorizationForm(frame, view.categories)}${useForm(frame)}` : ''}`;
  return layout(frame, { title: 'Authorised uses', main });
}

export interface AuthorizationView {
  readonly authorization: ListedAuthorization;
  readonly categories: readonly OffenceCategory[];
  readonly uses: { readonly items: readonly UseRow[]; readonly total: number };
  readonly sharings: readonly Sharing[];
  readonly findings: readonly Finding[];
  readonly deadlines: readonly Deadline[];
  readonly logEntries: readonly TransparencyLogEntry[] | undefined;
  /** May record steps (an officer of its agency); may record an unsealing order (that, or an admin). */
  readonly canAct: boolean;
  readonly canUnseal: boolean;
  readonly done: string | undefined;
  /** Where the sealed target stands under the retention rules, as of the reading. */
  readonly targetRetention: TargetRetention;
}

/** What happens to a sealed field when retention ends: the target is shredded once told, the docket number is kept for a court. */
function retentionNote(a: ListedAuthorization, field: 'docketNumber' | 'target', state: TargetRetention): SafeHtml {
  if (field === 'docketNumber') return html`; kept sealed after retention ends, so a court can still order it published`;
  switch (state) {
    case 'held': return html`; shredded when retention ends (${formatDate(a.deletionDueOn)}), once the target has been told`;
    case 'held-for-notice': return html`; retention ended ${formatDate(a.deletionDueOn)}, <strong>held only until the target is told</strong>, then shredded`;
    case 'due': return html`; retention ended ${formatDate(a.deletionDueOn)} and the target was told: shredded at the next tick`;
    case 'shredded': return html``;
  }
}

function sealedField(a: ListedAuthorization, field: 'docketNumber' | 'target', label: string, state: TargetRetention): SafeHtml {
  const value = a.unsealed[field];
  const verify = a.logIndex === null ? html`` : html` · <a href="/log/entries/${a.logIndex}">check it against the log entry ${a.logIndex}</a>`;
  if (field === 'target' && a.targetShreddedAt !== null) {
    const published = value === undefined ? '' : html` It had been unsealed by court order (<strong>${value}</strong>); that publication stays on the log.`;
    return html`<dt>${label}</dt><dd><strong>Shredded</strong> ${day(a.targetShreddedAt)} under the retention rules (retention ended ${formatDate(a.deletionDueOn)}): the log keeps its commitment, which nobody can open again.${published}${verify}</dd>`;
  }
  return value === undefined ? html`<dt>${label}</dt><dd>Sealed — the log holds a commitment to it${retentionNote(a, field, state)}${verify}</dd>` : html`<dt>${label}</dt><dd><strong>${value}</strong> (unsealed by court order)${verify}</dd>`;
}

function stepForms(frame: PageFrame, view: AuthorizationView): SafeHtml {
  const a = view.authorization;
  const courtOrder = html`<p><label for="s-order">Court order <span class="muted">(cite it)</span></label><input id="s-order" name="courtOrder" required maxlength="500"></p>`;
  const when = (label: string) => html`<p><label>${label} <span class="muted">(date; empty: today)</span><input type="date" name="occurredAt"></label></p>`;
  const forms: SafeHtml[] = [];
  if (view.canAct) {
    if (a.status === 'authorized') {
      forms.push(stepForm(frame, a.id, 'extend', 'Extend the window (court order)', html`<p><label for="s-to">New end of the window</label><input id="s-to" type="date" name="validTo" required></p>${courtOrder}`, 'Record the extension'));
      forms.push(stepForm(frame, a.id, 'extend-notice', 'Delay the notice to the target (court order)', html`<p><label for="s-notice">New notice date</label><input id="s-notice" type="date" name="noticeDate" required></p>${courtOrder}`, 'Record the delay'));
      forms.push(stepForm(frame, a.id, 'give-notice', 'Record the notice to the target', html`${when('Told on')}<p><label for="s-note">Note</label><input id="s-note" name="note" maxlength="2000"></p>`, 'Record the notice'));
    }
    if (a.deletedAt === null) forms.push(stepForm(frame, a.id, 'confirm-deletion', 'Confirm deletion of the collected data', html`${when('Deleted on')}<p><label for="s-dnote">Note</label><input id="s-dnote" name="note" maxlength="2000"></p>`, 'Confirm deletion'));
    forms.push(stepForm(frame, a.id, 'share', 'Record data shared outside the agency', html`<p><label for="s-recipient">Recipient</label><input id="s-recipient" name="recipient" required maxlength="300"></p><p><label for="s-basis">Legal basis <span class="muted">(none given is recorded, and is a finding)</span></label><input id="s-basis" name="legalBasis" maxlength="500"></p>${when('Shared on')}`, 'Record the sharing'));
    forms.push(useForm(frame, a.id));
  }
  if (view.canUnseal) {
    const target = a.targetShreddedAt === null ? html`<option value="target">Target</option>` : '';
    forms.push(stepForm(frame, a.id, 'unseal', 'Unseal a field (court order)', html`<p><label for="s-field">Field</label><select id="s-field" name="field"><option value="docketNumber">Docket number</option>${target}</select></p>${courtOrder}`, 'Publish the field'));
  }
  return forms.length === 0 ? html`` : html`<section><h2>Record a step</h2>${forms}</section>`;
}

/** One authorisation's public page: its terms, sealed fields (and how to check them), uses, sharings, findings, deadlines and log entries. */
export function authorizationPage(frame: PageFrame, view: AuthorizationView): SafeHtml {
  const a = view.authorization;
  const category = view.categories.find((c) => c.id === a.offenceCategory);
  const main = html`<h1>Authorisation: ${a.product} for ${a.agency}</h1>
${view.done ? html`<p class="notice" role="status">Recorded on the log.</p>` : ''}
<dl class="facts">
<dt>Acquisition review</dt><dd><a href="/acquisition-reviews/${a.review}">${a.review}</a></dd>
<dt>Offence</dt><dd>${category?.label ?? a.offenceCategory}${category ? html` <span class="muted">(${category.statute})</span>` : ''}</dd>
<dt>Legal authority</dt><dd>${LEGAL_AUTHORITY_LABELS[a.legalAuthority]} of ${a.issuingCourt} (${a.jurisdiction})</dd>
${sealedField(a, 'docketNumber', 'Docket number', view.targetRetention)}
${sealedField(a, 'target', 'Target', view.targetRetention)}
<dt>Target pseudonym</dt><dd><code>${a.targetPseudonym}</code> <span class="muted">(HMAC-SHA-256 under the agency's key: the same target always gets the same pseudonym)</span></dd>
<dt>Data in scope</dt><dd>${a.dataCategories.map(dataCategoryLabel).join(', ')}</dd>
<dt>Window</dt><dd>${formatDate(a.validFrom)} – ${formatDate(a.validTo)}${a.extensions > 0 ? html` (${a.extensions} ${a.extensions === 1 ? 'extension' : 'extensions'}; originally to ${formatDate(a.originalValidTo)})` : ''}</dd>
<dt>Retention</dt><dd>${a.retentionDays} days: deletion due ${formatDate(a.deletionDueOn)}; ${a.deletedAt ? html`confirmed ${day(a.deletedAt)}` : 'not confirmed'}</dd>
<dt>Notice to the target</dt><dd>due ${formatDate(a.noticeDueOn)}${a.noticeExtensions > 0 ? html` (delayed ${a.noticeExtensions}× by court order)` : ''}; ${a.noticeGivenAt ? html`given ${day(a.noticeGivenAt)}` : 'not given'}</dd>
<dt>Log receipt</dt><dd>${a.logIndex === null ? 'waiting for the log' : html`<a href="/log/entries/${a.logIndex}">log:${a.logIndex}</a> — a use cites this`}</dd>
</dl>
<section><h2>Findings</h2>${view.findings.length === 0 ? html`<p class="muted">None.</p>` : html`<ul>${view.findings.map((f) => html`<li><strong>${FINDING_LABELS[f.kind]}</strong>: ${f.detail} <span class="muted">(${f.audit ? html`<a href="/audits/${f.audit}">audit</a>` : 'when recorded'}, ${day(f.raisedAt)})</span></li>`)}</ul>`}</section>
<section><h2>Uses</h2><p>${view.uses.total} recorded${view.uses.total > view.uses.items.length ? `; the latest ${view.uses.items.length}` : ''}.</p>
${view.uses.items.length === 0 ? '' : html`<div class="table-scroll"><table><thead><tr><th scope="col">When</th><th scope="col">Data collected</th><th scope="col">Recorded</th></tr></thead><tbody>${view.uses.items.map((u) => html`<tr><td>${u.occurredAt}</td><td>${u.dataCategories.map(dataCategoryLabel).join(', ')}</td><td>${day(u.recordedAt)}</td></tr>`)}</tbody></table></div>`}</section>
<section><h2>Sharing</h2>${view.sharings.length === 0 ? html`<p class="muted">None recorded.</p>` : html`<ul>${view.sharings.map((s) => html`<li>${day(s.sharedAt)}: with ${s.recipient} — ${s.legalBasis ?? html`<strong>no legal basis cited</strong>`}</li>`)}</ul>`}</section>
<section><h2>Deadlines</h2><ul>${view.deadlines.map((d) => html`<li>${d.label}: ${d.dueDate ? formatDate(d.dueDate) : d.dueAt} — ${d.state}</li>`)}</ul>
<p><a href="/api/v1/cases/authorization/${a.id}/deadlines.ics">iCalendar</a></p></section>
${view.logEntries && view.logEntries.length > 0 ? html`<section><h2>On the log</h2><ul>${view.logEntries.map((e) => html`<li>${e.href ? html`<a href="${e.href}">${e.type}</a>` : e.type} · ${e.time}</li>`)}</ul></section>` : ''}
${stepForms(frame, view)}`;
  return layout(frame, { title: `Authorisation ${a.id}`, main });
}

