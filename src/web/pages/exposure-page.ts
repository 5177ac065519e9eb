import type { ExposureReport, MatchedHolding } from '../../exposure/report/exposure-report.js';
import { findingLines, holdingLine, stepLine } from '../../exposure/report/exposure-text.js';
import { recordUrl } from '../../registry/search/search-result.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';

function holdingsTable(caption: string, entries: readonly MatchedHolding[]): SafeHtml | string {
  if (entries.length === 0) return '';
  const rows = entries.map((entry) => html`<tr>
<td data-label="Holding">${holdingLine(entry.holding)}</td>
<td data-label="Issuer in the registry"><a href="${recordUrl('organization', entry.issuer.organizationId)}">${entry.issuer.organizationName}</a><br><span class="muted">${entry.issuer.reasons[0] ?? ''}</span></td>
<td data-label="Chain and findings">${entry.exposures.length === 0 ? html`<span class="muted">Nothing recorded at the end of its chains.</span>` : entry.exposures.map((exposure) => html`<ol class="chain">${exposure.chain.map((step) => html`<li>${stepLine(step)}</li>`)}<li><strong><a href="${recordUrl('organization', exposure.organization.id)}">${exposure.organization.name}</a></strong>: ${findingLines(exposure).join('; ')}</li></ol>`)}</td>
</tr>`);
  return html`<div class="table-scroll"><table class="stack">
<caption>${caption}</caption>
<thead><tr><th scope="col">Holding</th><th scope="col">Issuer in the registry</th><th scope="col">Chain and findings</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

/**
 * Investor exposure: upload a fund's holdings (a Form 13F information table or a CSV of names and
 * identifiers) and see which holdings are tied to designated surveillance vendors or documented
 * abuse, with the chain of ownership from the issuer; or download the same as a PDF.
 *
 * @example
 * pageResponse(c, exposurePage(pageFrame(c), report));
 */
export function exposurePage(frame: PageFrame, report?: ExposureReport, problem?: string): SafeHtml {
  const t = report?.totals;
  const main = html`<section>
<h1>Investor exposure</h1>
<p>Which holdings of a fund are tied to surveillance vendors the registry lists? Upload an SEC Form 13F information table (XML) or a CSV with columns such as name, CUSIP, ISIN, LEI, ticker and value. Holdings are matched by identifier first (a CUSIP's first six characters name its issuer), then by name; ownership and investment links are followed to the designations and incidents the registry records.</p>
${problem ? html`<div class="notice error" role="alert"><p>${problem}</p></div>` : ''}
<form method="post" action="/exposure" enctype="multipart/form-data">
${csrfField(frame.auth)}
<p><label for="holdings-file">Holdings file</label><br><input id="holdings-file" type="file" name="file" required></p>
<p><label for="holdings-output">Report as</label><br><select id="holdings-output" name="output"><option value="page">This page</option><option value="pdf">PDF, to take to a meeting</option></select></p>
<p><button type="submit">Check the holdings</button></p>
</form>
</section>
${report && t ? html`<section aria-labelledby="exposure-heading">
<h2 id="exposure-heading">${report.file}</h2>
<p>${t.holdings.toLocaleString('en-US')} holdings; ${t.matched.toLocaleString('en-US')} tied to registry organisations; <strong>${t.flagged.toLocaleString('en-US')} tied to designated vendors or documented abuse</strong> (value as filed ${t.flaggedValue.toLocaleString('en-US')} of ${t.value.toLocaleString('en-US')}); ${t.possible.toLocaleString('en-US')} possible name matches to check.</p>
${t.flagged === 0 ? html`<p>No holding is tied to a designated vendor or a documented incident in the registry.</p>` : ''}
${holdingsTable('Holdings tied to designated vendors or documented abuse', report.flagged)}
${holdingsTable('Other holdings tied to registry organisations', report.matched)}
${holdingsTable('Possible matches by name only: check them before relying on them', report.possible)}
${report.invalidIdentifiers.length > 0 ? html`<h3>Identifiers that fail their check digit</h3><ul>${report.invalidIdentifiers.map((b) => html`<li>Line ${b.line}: ${b.name}: ${b.problems.join('; ')}</li>`)}</ul>` : ''}
<p class="muted">Values are as filed (Form 13F: dollars in filings from 3 January 2023 on, thousands before).</p>
</section>` : ''}`;
  return layout(frame, { title: 'Investor exposure', description: 'Which holdings of a fund are tied to designated surveillance vendors or documented abuse.', main });
}
