import type { OversightReport, ReportSection } from '../../oversight/report/oversight-report.js';
import { html, type SafeHtml } from '../components/html.js';
import { layout, type PageFrame } from '../components/layout.js';

function sectionTable(section: ReportSection): SafeHtml {
  return html`<section aria-labelledby="s-${section.key}"><h2 id="s-${section.key}">${section.title}</h2>
<p class="note">${section.description}</p>
${section.rows.length === 0 ? html`<p class="muted">None.</p>` : html`<div class="table-scroll"><table><thead><tr>${section.columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
<tbody>${section.rows.map((row) => html`<tr>${section.columns.map((c) => {
    const value = row[c.key];
    if (c.linkTo && typeof value === 'string') return html`<td><a href="${c.linkTo}${value}">${value}</a></td>`;
    return html`<td>${value === null || value === undefined ? '' : typeof value === 'number' ? value.toLocaleString('en-US') : value}</td>`;
  })}</tr>`)}</tbody></table></div>`}
</section>`;
}

/** The report's body: headline figures and every section's table (escaped). */
export function oversightReportBody(report: OversightReport): SafeHtml {
  const scope = report.agency ? ` — ${report.agency}` : '';
  return html`<h1>Oversight report ${report.year}${scope}</h1>
<p class="lede">Commercial spyware under Executive Order 14093, generated ${report.generatedAt.slice(0, 10)} from the record: every figure below comes from steps on the transparency log.</p>
<dl class="facts">${Object.entries(report.summary).map(([k, v]) => html`<dt>${report.summaryLabels[k] ?? k}</dt><dd>${v.toLocaleString('en-US')}</dd>`)}</dl>
${report.sections.map(sectionTable)}`;
}

/** The report as a portal page, with links to its JSON and PDF. */
export function oversightReportPage(frame: PageFrame, report: OversightReport): SafeHtml {
  const query = `year=${report.year}${report.agency ? `&agency=${encodeURIComponent(report.agency)}` : ''}`;
  return layout(frame, {
    title: `Oversight report ${report.year}`,
    main: html`<form method="get" action="/oversight/report" class="filters"><p><label for="r-year">Year</label><input id="r-year" name="year" type="number" min="2023" max="2100" value="${report.year}"></p>
<p><label for="r-agency">Agency <span class="muted">(registry id, optional)</span></label><input id="r-agency" name="agency" value="${report.agency ?? ''}" pattern="[a-z0-9-]*"></p><p><button type="submit">Show</button></p></form>
<p><a href="/oversight/report.json?${query}" type="application/json">JSON</a> · <a href="/oversight/report.pdf?${query}" type="application/pdf">PDF</a></p>
${oversightReportBody(report)}`,
  });
}

/** The report as a stand-alone HTML document (what `countersign oversight report --format html` writes). */
export function oversightReportDocument(report: OversightReport): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Oversight report ${report.year}</title></head>
<body>${oversightReportBody(report)}</body></html>`.toString();
}
