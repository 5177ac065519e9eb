import { countNoun } from '../../core/count-noun.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../imports/import-batch.js';
import { IMPORT_OUTCOMES, type ImportReport } from '../../imports/import-report.js';
import { recordUrl } from '../../registry/search/search-result.js';
import { html, type SafeHtml } from '../components/html.js';
import { csrfField, layout, type PageFrame } from '../components/layout.js';

const FORMAT_LABELS: Readonly<Record<ImportFormat, string>> = {
  sii: 'Surveillance Industry Index (companies.json)',
  atlas: 'EFF Atlas of Surveillance (CSV)',
  ftm: 'FollowTheMoney / OpenSanctions entities (JSON lines)',
  granitt: 'GranittHQ victims (CSV; CC BY-NC-SA: your own instance only)',
};
const OUTCOME_LABELS = { created: 'Created', merged: 'Merged', queued: 'Queued for review', rejected: 'Rejected' } as const;

/** What the form was sent with, to show it again. */
export interface ImportFormValues {
  readonly format?: ImportFormat;
  readonly dryRun: boolean;
  readonly sourceUrl?: string;
  readonly licence?: string;
  readonly spyware?: string;
}

function reportTable(report: ImportReport): SafeHtml {
  const rows = report.items.map((item) => html`<tr>
<td data-label="Outcome">${OUTCOME_LABELS[item.outcome]}${item.outcome === 'merged' && !item.changed ? html` <span class="muted">(nothing new)</span>` : ''}</td>
<td data-label="Where"><code>${report.file}:${item.line}</code></td>
<td data-label="Item">${item.label}</td>
<td data-label="Record">${item.recordId ? (report.dryRun && item.outcome === 'created' ? html`<code>${item.recordId}</code>` : html`<a href="${recordUrl(item.recordType, item.recordId)}">${item.recordId}</a>`) : ''}</td>
<td data-label="Reasons">${item.reasons.length > 0 ? html`<ul>${item.reasons.map((r) => html`<li>${r}</li>`)}</ul>` : ''}</td>
</tr>`);
  return html`<section aria-labelledby="report-heading">
<h2 id="report-heading">${report.dryRun ? 'Dry run: nothing was written' : 'Imported'}</h2>
<p>${report.file} (${FORMAT_LABELS[report.format]}), licence: ${report.licence}. ${IMPORT_OUTCOMES.map((o) => `${report.counts[o]} ${OUTCOME_LABELS[o].toLowerCase()}`).join(', ')}; ${countNoun(report.written, 'record')} ${report.dryRun ? 'would be ' : ''}written, ${countNoun(report.proposed, 'proposal')} ${report.dryRun ? 'would be ' : ''}queued.</p>
<div class="table-scroll"><table class="stack">
<thead><tr><th scope="col">Outcome</th><th scope="col">Where</th><th scope="col">Item</th><th scope="col">Record</th><th scope="col">Reasons</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
</section>`;
}

/**
 * Admins: upload a file another project publishes, see what a dry run would do, then import it.
 * The report lists every item with its file and line, what became of it and why.
 *
 * @example
 * pageResponse(c, adminImportPage(pageFrame(c), { dryRun: true }));
 */
export function adminImportPage(frame: PageFrame, values: ImportFormValues, report?: ImportReport, problem?: string): SafeHtml {
  const main = html`<section>
<h1>Import a file</h1>
<p>Records are matched against the registry with the screening matcher: a sure match is merged (new names become aliases, the file is cited), a near one is queued for an editor's review with the reasons, anything else is created as <em>reported</em>. A malformed file is rejected whole and nothing is written. Importing the same file again changes nothing.</p>
${problem ? html`<div class="notice error" role="alert"><p>${problem}</p></div>` : ''}
<form method="post" action="/admin/import" enctype="multipart/form-data">
${csrfField(frame.auth)}
<p><label for="import-file">File</label><br><input id="import-file" type="file" name="file" required></p>
<p><label for="import-format">Format</label><br><select id="import-format" name="format">
${IMPORT_FORMATS.map((f) => html`<option value="${f}"${values.format === f ? html` selected` : ''}>${FORMAT_LABELS[f]}</option>`)}
</select></p>
<p><label for="import-url">Where it was downloaded (optional, cited on every fact)</label><br><input id="import-url" type="url" name="sourceUrl" value="${values.sourceUrl ?? ''}"></p>
<p><label for="import-licence">Licence, if not the format's own (optional)</label><br><input id="import-licence" type="text" name="licence" value="${values.licence ?? ''}"></p>
<p><label for="import-spyware">GranittHQ: the spyware the file is about (optional: read from the file name)</label><br><input id="import-spyware" type="text" name="spyware" value="${values.spyware ?? ''}"></p>
<p><input id="import-dry-run" type="checkbox" name="dryRun" value="1"${values.dryRun ? html` checked` : ''}> <label for="import-dry-run">Dry run: report what would happen, write nothing</label></p>
<p><button type="submit">Import</button></p>
</form>
</section>
${report ? reportTable(report) : ''}`;
  return layout(frame, { title: 'Import a file', main });
}
