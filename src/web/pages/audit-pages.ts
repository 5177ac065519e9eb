import type { Audit } from '../../oversight/audits/audit.js';
import type { WiretapStatistics, StatisticsRow } from '../../oversight/audits/wiretap-statistics.js';
import type { OffenceCategory } from '../../oversight/authorizations/offence-categories.js';
import { FINDING_KINDS, FINDING_LABELS, type Finding, type FindingKind } from '../../oversight/uses/use.js';
import { barChart } from '../components/charts/bar-chart.js';
import { formatDate } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';
import { pagination } from '../components/pagination.js';

const day = (at: string | null) => (at ? formatDate(at.slice(0, 10)) : '—');

function findingRows(findings: readonly Finding[]): SafeHtml {
  return html`<div class="table-scroll"><table><thead><tr><th scope="col">Finding</th><th scope="col">About</th><th scope="col">Detail</th><th scope="col">Agency</th><th scope="col">Raised</th></tr></thead><tbody>
${findings.map((f) => {
    const [kind, id] = [f.subject.slice(0, f.subject.indexOf(':')), f.subject.slice(f.subject.indexOf(':') + 1)];
    const about = kind === 'authorization' ? html`<a href="/authorizations/${id}">authorisation</a>` : kind === 'use' ? html`use ${id.slice(0, 8)}` : html`sharing ${id.slice(0, 8)}`;
    return html`<tr><td>${FINDING_LABELS[f.kind]}</td><td>${about}</td><td>${f.detail}</td><td>${f.agency}</td><td>${day(f.raisedAt)}${f.audit ? html` · <a href="/audits/${f.audit}">audit</a>` : ''}</td></tr>`;
  })}</tbody></table></div>`;
}

/** Public findings: every breach flagged when a use was recorded, and everything audits found. */
export function findingsPage(frame: PageFrame, view: { items: readonly Finding[]; total: number; limit: number; offset: number; agency: string | undefined; kind: FindingKind | undefined }): SafeHtml {
  const query = (offset: number) => `/oversight/findings?${new URLSearchParams({ ...(view.agency ? { agency: view.agency } : {}), ...(view.kind ? { kind: view.kind } : {}), ...(offset ? { offset: String(offset) } : {}) }).toString()}`;
  const main = html`<h1>Findings</h1>
<p class="lede">A use outside its window or scope, under a suspended approval, before the notice clock opened or without an authorisation is recorded — never refused — and published here. Audits add overdue deletions, overdue notices and sharing without a legal basis.</p>
<form method="get" action="/oversight/findings" class="filters">
<p><label for="f-agency">Agency</label><input id="f-agency" name="agency" value="${view.agency ?? ''}" pattern="[a-z0-9-]*"></p>
<p><label for="f-kind">Kind</label><select id="f-kind" name="kind"><option value="">Any</option>${FINDING_KINDS.map((k) => html`<option value="${k}"${view.kind === k ? html` selected` : ''}>${FINDING_LABELS[k]}</option>`)}</select></p>
<p><button type="submit">Filter</button></p></form>
<p class="result-count">${view.total} ${view.total === 1 ? 'finding' : 'findings'}</p>
${view.items.length === 0 ? html`<p class="muted">No findings.</p>` : findingRows(view.items)}
${pagination(view, query)}`;
  return layout(frame, { title: 'Findings', main });
}

/** The audit form (auditors of an agency). */
function runForm(frame: PageFrame, agencies: readonly string[]): SafeHtml {
  if (agencies.length === 0) return html``;
  return html`<details class="step-form"><summary>Run an audit</summary><form method="post" action="/audits">${csrfField(frame.auth)}
<p><label for="r-agency">Agency</label><select id="r-agency" name="agency">${agencies.map((a) => html`<option value="${a}">${a}</option>`)}</select></p>
<p><label for="r-start">Period start</label><input id="r-start" type="date" name="periodStart" required></p>
<p><label for="r-end">Period end</label><input id="r-end" type="date" name="periodEnd" required></p>
<p class="buttons"><button type="submit">Run the checks</button></p></form></details>`;
}

export function auditsPage(frame: PageFrame, view: { items: readonly Audit[]; total: number; limit: number; offset: number; auditorOf: readonly string[] }): SafeHtml {
  const rows = view.items.map((a) => html`<tr><td><a href="/audits/${a.id}">${a.agency}, ${formatDate(a.periodStart)} – ${formatDate(a.periodEnd)}</a></td><td>${a.findingsCount}</td><td>${a.status === 'signed-off' ? html`Signed off ${day(a.signedOffAt)}` : 'Findings recorded'}</td><td>${day(a.asOf)}</td></tr>`);
  const main = html`<h1>Post-use audits</h1>
<p class="lede">An auditor of the agency runs every check over a period — uses outside window or scope, uses without a valid authorisation, overdue deletions and notices, sharing without basis — then signs off and publishes the statistics.</p>
<p><a href="/oversight/statistics">Statistics</a> · <a href="/oversight/findings">Findings</a></p>
${view.items.length === 0 ? html`<p class="muted">No audits yet.</p>` : html`<div class="table-scroll"><table><thead><tr><th scope="col">Audit</th><th scope="col">Findings</th><th scope="col">Status</th><th scope="col">Run</th></tr></thead><tbody>${rows}</tbody></table></div>`}
${pagination(view, (offset) => `/audits${offset ? `?offset=${offset}` : ''}`)}
${runForm(frame, view.auditorOf)}`;
  return layout(frame, { title: 'Audits', main });
}

function statisticsTable(title: string, rows: readonly StatisticsRow[], label: (key: string) => string): SafeHtml {
  return html`<div class="table-scroll"><table><caption>${title}</caption><thead><tr><th scope="col"></th><th scope="col">Authorisations</th><th scope="col">Extensions</th><th scope="col">Average original length (days)</th><th scope="col">Average extension (days)</th><th scope="col">Total days authorised</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${label(r.key)}</th><td class="amount">${r.authorizations}</td><td class="amount">${r.extensions}</td><td class="amount">${r.averageOriginalDays}</td><td class="amount">${r.averageExtensionDays}</td><td class="amount">${r.totalDaysAuthorized}</td></tr>`)}</tbody></table></div>`;
}

/** An audit's statistics in the shape of the Wiretap Report's tables, with charts. */
export function statisticsSection(stats: WiretapStatistics, categories: readonly OffenceCategory[], id: string): SafeHtml {
  const offence = (key: string) => categories.find((c) => c.id === key)?.label ?? key;
  return html`<section class="statistics"><h2>Statistics, ${formatDate(stats.period.start)} – ${formatDate(stats.period.end)}</h2>
<p class="muted">In the shape of the US Courts' Wiretap Report (18 U.S.C. § 2519): authorisations by jurisdiction and offence, their length and extensions, notices to targets. Counts and days only — nothing sealed.</p>
${barChart(stats.byOffence.map((r) => ({ label: offence(r.key), value: r.authorizations })), { id: `${id}-offence`, title: 'Authorisations by offence', unit: 'authorisations' })}
${statisticsTable('Authorisations by offence', stats.byOffence, offence)}
${barChart(stats.byJurisdiction.map((r) => ({ label: r.key, value: r.authorizations })), { id: `${id}-jurisdiction`, title: 'Authorisations by jurisdiction', unit: 'authorisations' })}
${statisticsTable('Authorisations by jurisdiction', stats.byJurisdiction, (k) => k)}
${barChart(stats.durations.map((d) => ({ label: d.band, value: d.authorizations })), { id: `${id}-duration`, title: 'Original length of authorisations', unit: 'authorisations' })}
<dl class="facts"><dt>Extensions</dt><dd>${stats.extensions.windows} of windows, ${stats.extensions.notices} of notice dates (each by court order)</dd>
<dt>Notices to targets</dt><dd>${stats.notices.given} given (${stats.notices.givenLate} late), ${stats.notices.overdue} overdue, ${stats.notices.pending} not yet due</dd>
<dt>Uses</dt><dd>${stats.uses.total.toLocaleString('en-US')} recorded, ${stats.uses.flaggedWhenRecorded.toLocaleString('en-US')} flagged when recorded</dd></dl>
${barChart(stats.findings.filter((f) => f.count > 0).map((f) => ({ label: FINDING_LABELS[f.kind], value: f.count })), { id: `${id}-findings`, title: 'Findings by kind', unit: 'findings' })}
</section>`;
}

export function auditPage(frame: PageFrame, view: { audit: Audit; findings: { items: readonly Finding[]; total: number }; categories: readonly OffenceCategory[]; canSignOff: boolean; done: boolean }): SafeHtml {
  const a = view.audit;
  const main = html`<h1>Audit of ${a.agency}, ${formatDate(a.periodStart)} – ${formatDate(a.periodEnd)}</h1>
${view.done ? html`<p class="notice" role="status">Recorded on the log.</p>` : ''}
<dl class="facts"><dt>Run</dt><dd>${a.asOf} by ${a.runBy}</dd><dt>Findings</dt><dd>${a.findingsCount} (digest <code>${a.findingsDigest.slice(0, 16)}…</code>: a replay of the log re-runs the checks and must reach it)</dd>
<dt>Status</dt><dd>${a.status === 'signed-off' ? `Signed off ${day(a.signedOffAt)} by ${a.signedOffBy ?? ''}` : 'Findings recorded, not yet signed off'}</dd>${a.note ? html`<dt>Note</dt><dd>${a.note}</dd>` : ''}</dl>
<ul>${Object.entries(a.findingsByKind).map(([k, n]) => html`<li>${FINDING_LABELS[k as FindingKind] ?? k}: ${n}</li>`)}</ul>
${view.findings.items.length > 0 ? html`<h2>Findings</h2>${findingRows(view.findings.items)}${view.findings.total > view.findings.items.length ? html`<p><a href="/oversight/findings?audit=${a.id}">All ${view.findings.total}</a></p>` : ''}` : ''}
${a.statistics ? statisticsSection(a.statistics, view.categories, `audit-${a.id.slice(0, 8)}`) : ''}
${view.canSignOff && a.status === 'run' ? html`<details class="step-form" open><summary>Sign off and publish the statistics</summary><form method="post" action="/audits/${a.id}/sign-off">${csrfField(frame.auth)}<p><label for="so-note">Note</label><textarea id="so-note" name="note" rows="3" maxlength="4000"></textarea></p><p class="buttons"><button type="submit">Sign off</button></p></form></details>` : ''}`;
  return layout(frame, { title: 'Audit', main });
}

/** The public statistics page: the latest signed-off audit (or the one chosen), with charts. */
export function statisticsPage(frame: PageFrame, view: { audits: readonly Audit[]; chosen: Audit | null; categories: readonly OffenceCategory[] }): SafeHtml {
  const main = html`<h1>Statistics of authorised uses</h1>
<p class="lede">Published by auditors when they sign off an audit: how many authorisations, for which crimes, where, for how long, how often extended, and whether targets were told.</p>
${view.audits.length > 1 ? html`<nav aria-label="Signed-off audits"><p>Signed-off audits:</p><ul>${view.audits.map((a) => html`<li>${view.chosen?.id === a.id ? html`<strong>${a.agency}, ${formatDate(a.periodStart)} – ${formatDate(a.periodEnd)}</strong>` : html`<a href="/oversight/statistics?audit=${a.id}">${a.agency}, ${formatDate(a.periodStart)} – ${formatDate(a.periodEnd)}</a>`}</li>`)}</ul></nav>` : ''}
${view.chosen?.statistics ? html`<p>From the <a href="/audits/${view.chosen.id}">audit of ${view.chosen.agency}</a>.</p>${statisticsSection(view.chosen.statistics, view.categories, 'stats')}` : html`<p class="muted">No audit has been signed off yet.</p>`}`;
  return layout(frame, { title: 'Statistics of authorised uses', main });
}
