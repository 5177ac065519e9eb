import type { InputIssue } from '../../core/command-error.js';
import { NOTICE_METHOD_LABELS, NOTICE_METHODS, type TargetNoticeRow } from '../../disclosure/target-notices/target-notice-store.js';
import { targetNoticeWorkflow } from '../../disclosure/target-notices/target-notice-workflow.js';
import { AGENCY_TYPE_LABELS, AGENCY_TYPES, type VendorReportRow } from '../../disclosure/vendor-reports/vendor-report-store.js';
import { formatDate, formatTimestamp } from '../components/format-date.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';

export interface VendorReportFormValues {
  readonly vendor: string;
  readonly year: string;
  readonly selfIdentification: string;
  readonly products: string;
  readonly dueDiligence: string;
  readonly risksAddressed: string;
  readonly sales: string;
  readonly rejectedClients: string;
}

const LABELS: Readonly<Record<string, string>> = {
  vendor: 'Vendor', year: 'Year covered', selfIdentification: 'Who you are', products: 'Products and services', dueDiligence: 'Due diligence and its results',
  risksAddressed: 'How the risks found were addressed', sales: 'Sales made', rejectedClients: 'Clients rejected for failing human-rights standards',
};

const issueLabel = (path: string) => LABELS[path.split(/[.[]/)[0] ?? path] ?? path;

/** The report form for a vendor's representative; list fields are one item a line, `country | type of agency | text`. */
export function vendorReportFormPage(frame: PageFrame, vendorName: string, values: VendorReportFormValues, issues: readonly InputIssue[]): SafeHtml {
  const area = (field: keyof VendorReportFormValues, hint: string, rows = 5) => html`<p><label for="report-${field}">${LABELS[field]}</label>
<span class="hint" id="report-${field}-hint">${hint}</span>
<textarea id="report-${field}" name="${field}" rows="${rows}" aria-describedby="report-${field}-hint">${values[field]}</textarea></p>`;
  const types = AGENCY_TYPES.map((t) => AGENCY_TYPE_LABELS[t]).join(', ');
  const main = html`<section class="narrow">
<h1>Transparency report: ${vendorName}</h1>
<p>The 2021 joint civil-society letter asks surveillance vendors to publish, every year, who they are, what they sell, their due diligence, who they sold to and which clients they turned down. Your report is published on your registry page as filed.</p>
${issues.length > 0 ? html`<div class="error-message" role="alert"><p>The report was not filed. Please check:</p><ul>${issues.map((i) => html`<li>${issueLabel(i.path)}: ${i.message}</li>`)}</ul></div>` : ''}
<form method="post" action="/vendor-reports/new" class="stacked">
${csrfField(frame.auth)}
<input type="hidden" name="vendor" value="${values.vendor}">
<p><label for="report-year">${LABELS['year']}</label><input id="report-year" name="year" type="number" min="2000" required value="${values.year}"></p>
${area('selfIdentification', 'Legal name, seat, owners, and how to reach you.')}
${area('products', 'One product or service a line.')}
${area('dueDiligence', 'What human-rights due diligence you did, and what it found.')}
${area('risksAddressed', 'What you did about each risk found.')}
${area('sales', `One sale a line: country code | type of agency | what was sold. Types: ${types}.`)}
${area('rejectedClients', `One client a line: country code | type of agency | why it was rejected. Types: ${types}.`)}
<p><button type="submit">File the report</button></p>
</form>
</section>`;
  return layout(frame, { title: `Transparency report: ${vendorName}`, main });
}

function place(country: string, agencyType: keyof typeof AGENCY_TYPE_LABELS): string {
  return `${country} · ${AGENCY_TYPE_LABELS[agencyType]}`;
}

/** A report's body, on its own page and on the vendor's organisation page. */
export function vendorReportDetails(report: VendorReportRow, headingLevel: 'h2' | 'h3', labels: ReadonlyMap<string, string>): SafeHtml {
  const heading = headingLevel === 'h2' ? html`<h2>Transparency report for ${report.year}</h2>` : html`<h3><a href="/vendor-reports/${report.id}">Transparency report for ${report.year}</a></h3>`;
  return html`<div class="vendor-report">${heading}
<p class="muted">Filed ${formatTimestamp(report.filedAt)} by the vendor’s representative; published as filed.</p>
<dl class="facts">
<dt>Who they are</dt><dd>${report.selfIdentification}</dd>
<dt>Products and services</dt><dd><ul>${report.products.map((p) => html`<li>${p}</li>`)}</ul></dd>
<dt>Due diligence</dt><dd>${report.dueDiligence}</dd>
<dt>How risks were addressed</dt><dd>${report.risksAddressed}</dd>
<dt>Sales made</dt><dd>${report.sales.length === 0 ? 'None reported' : html`<ul>${report.sales.map((s) => html`<li>${place(s.country, s.agencyType)}${s.description ? `: ${s.description}` : ''}</li>`)}</ul>`}</dd>
<dt>Clients rejected</dt><dd>${report.rejectedClients.length === 0 ? 'None reported' : html`<ul>${report.rejectedClients.map((r) => html`<li>${place(r.country, r.agencyType)}: ${r.reason}</li>`)}</ul>`}</dd>
</dl>
${report.annotations.length > 0 ? html`<h4>Contradictions noted by analysts</h4><ul>${report.annotations.map((a) => html`<li>${a.note}${a.sourceId ? html` — source: <a href="/sources/${a.sourceId}">${labels.get(`source:${a.sourceId}`) ?? a.sourceId}</a>` : ''}${a.incidentId ? html` — incident: <a href="/incidents/${a.incidentId}">${labels.get(`incident:${a.incidentId}`) ?? a.incidentId}</a>` : ''} <span class="muted">(${formatTimestamp(a.createdAt)})</span></li>`)}</ul>` : ''}
</div>`;
}

/**
 * The organisation page's section: every report the vendor filed, and "No transparency report for
 * YEAR" for the last completed year when none was filed.
 */
export function vendorReportsSection(reports: readonly VendorReportRow[], expectedYear: number, canFile: { vendor: string } | null, labels: ReadonlyMap<string, string>): SafeHtml {
  const missing = !reports.some((r) => r.year === expectedYear);
  return html`<section aria-labelledby="transparency-heading"><h2 id="transparency-heading">Transparency reports</h2>
${missing ? html`<p class="no-report">No transparency report for ${expectedYear}: the vendor filed no report for that year.</p>` : ''}
${reports.map((r) => vendorReportDetails(r, 'h3', labels))}
${canFile ? html`<p><a href="/vendor-reports/new?vendor=${canFile.vendor}">File a transparency report</a></p>` : ''}
</section>`;
}

/** A report's own page, with the analysts' annotation form. */
export function vendorReportPage(frame: PageFrame, report: VendorReportRow, vendorName: string, canAnnotate: boolean, labels: ReadonlyMap<string, string>): SafeHtml {
  const main = html`<article class="record">
<p class="record-type">Transparency report</p>
<h1><a href="/organizations/${report.vendor}">${vendorName}</a>, ${report.year}</h1>
${vendorReportDetails(report, 'h2', labels)}
${canAnnotate ? html`<form method="post" action="/vendor-reports/${report.id}/annotations" class="stacked">${csrfField(frame.auth)}
<h2>Note a contradiction</h2>
<p><label for="annotation-note">What the report leaves out or gets wrong</label><textarea id="annotation-note" name="note" rows="3" required maxlength="5000"></textarea></p>
<p><label for="annotation-source">Registry source id</label><input id="annotation-source" name="source" type="text" maxlength="100"></p>
<p><label for="annotation-incident">Registry incident id</label><input id="annotation-incident" name="incident" type="text" maxlength="100"></p>
<p><button type="submit">Add the annotation</button></p></form>` : ''}
</article>`;
  return layout(frame, { title: `${vendorName}: transparency report ${report.year}`, main });
}

/** Notices owed to targets, each with the step its agency may take next. */
export function targetNoticesPage(frame: PageFrame, notices: readonly { notice: TargetNoticeRow; canAct: boolean }[], labels: ReadonlyMap<string, string>): SafeHtml {
  const main = html`<section>
<h1>Notices to people targeted</h1>
<p>When an authorisation’s delayed-notice date passes, the person targeted is owed a notice. Each is tracked here until sent; who was targeted stays sealed.</p>
${notices.length === 0 ? html`<p>No notices are due.</p>` : html`<table><thead><tr><th scope="col">Authorisation</th><th scope="col">Agency</th><th scope="col">Due since</th><th scope="col">Status</th><th scope="col">Sent</th><th scope="col">Next step</th></tr></thead><tbody>
${notices.map(({ notice: n, canAct }) => html`<tr><td><code>${n.authorizationId}</code></td><td>${n.agency ? html`<a href="/organizations/${n.agency}">${labels.get(`organization:${n.agency}`) ?? n.agency}</a>` : 'Not stated'}</td><td>${formatTimestamp(n.dueAt)}</td><td>${targetNoticeWorkflow.states[n.status]?.label ?? n.status}</td>
<td>${n.sentOn ? `${formatDate(n.sentOn)}, ${n.method ? NOTICE_METHOD_LABELS[n.method] : ''}` : ''}</td>
<td>${!canAct ? '' : n.status === 'due' ? html`<form method="post" action="/target-notices/${n.id}/prepare">${csrfField(frame.auth)}<button type="submit">Mark prepared</button></form>`
    : n.status === 'prepared' ? html`<form method="post" action="/target-notices/${n.id}/send">${csrfField(frame.auth)}<label for="sent-${n.id}">Sent on</label> <input id="sent-${n.id}" name="sentOn" type="date" required>
<label for="method-${n.id}">How</label> <select id="method-${n.id}" name="method">${NOTICE_METHODS.map((m) => html`<option value="${m}">${NOTICE_METHOD_LABELS[m]}</option>`)}</select> <button type="submit">Record as sent</button></form>` : ''}</td></tr>`)}
</tbody></table>`}
</section>`;
  return layout(frame, { title: 'Notices to people targeted', main });
}
