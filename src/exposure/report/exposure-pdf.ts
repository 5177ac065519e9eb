import PDFDocument from 'pdfkit';
import type { ExposureReport, MatchedHolding } from './exposure-report.js';
import { findingLines, holdingLine, stepLine } from './exposure-text.js';

/**
 * The exposure report as a PDF a pension trustee can take to a meeting: a title page summary
 * (what was checked, against what, how many holdings are tied to designated vendors), then each
 * flagged holding with its chain and findings, the other matches, and the possible ones to check.
 * Built with pdfkit's standard Helvetica (no font files to ship); text outside Windows-1252 is
 * shown as pdfkit's standard fonts can (a known limit).
 *
 * @example
 * writeFileSync('exposure.pdf', await exposurePdf(report));
 */
export function exposurePdf(report: ExposureReport): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Exposure report: ${report.file}`, Author: 'Countersign', Subject: 'Holdings tied to surveillance vendors' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const t = report.totals;
  doc.font('Helvetica-Bold').fontSize(18).text('Investor exposure report');
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#444').text(`${report.file} — ${report.format === '13f' ? 'SEC Form 13F information table' : 'holdings file'} — checked ${report.generatedAt.slice(0, 10)} against the Countersign registry`);
  doc.moveDown().fillColor('black').fontSize(12);
  doc.text(`Holdings in the file: ${t.holdings.toLocaleString('en-US')}`);
  doc.text(`Tied to registry organisations: ${t.matched.toLocaleString('en-US')}`);
  doc.font('Helvetica-Bold').text(`Tied to designated vendors or documented abuse: ${t.flagged.toLocaleString('en-US')} (value as filed ${t.flaggedValue.toLocaleString('en-US')} of ${t.value.toLocaleString('en-US')})`);
  doc.font('Helvetica').text(`Possible matches by name, to check: ${t.possible.toLocaleString('en-US')}`);

  const section = (title: string, entries: readonly MatchedHolding[]): void => {
    if (entries.length === 0) return;
    doc.moveDown().font('Helvetica-Bold').fontSize(14).text(title);
    entries.forEach((entry, index) => {
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).text(`${index + 1}. ${holdingLine(entry.holding)}`);
      doc.font('Helvetica').fontSize(10).text(`Issuer: ${entry.issuer.organizationName} — ${entry.issuer.reasons[0] ?? ''}`, { indent: 14 });
      for (const exposure of entry.exposures) {
        for (const step of exposure.chain) doc.text(`-> ${stepLine(step)}`, { indent: 14 });
        doc.font('Helvetica-Oblique').text(`${exposure.organization.name}: ${findingLines(exposure).join('; ')}`, { indent: 14 }).font('Helvetica');
      }
    });
  };
  section('Holdings tied to designated vendors or documented abuse', report.flagged);
  section('Other holdings tied to registry organisations', report.matched);
  section('Possible matches by name only (check before relying on them)', report.possible);
  if (report.flagged.length === 0) doc.moveDown().fontSize(11).text('No holding is tied to a designated vendor or a documented incident in the registry.');
  doc.moveDown().fontSize(8).fillColor('#444').text('Values are as filed (Form 13F: whole dollars in filings from 3 January 2023 on, thousands before). Every link of a chain is a relationship in the registry, with its sources; the relationship ids are shown. Designations and incidents are those the registry records with their sources.');
  doc.end();
  return done;
}
