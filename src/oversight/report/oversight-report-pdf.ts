import PDFDocument from 'pdfkit';
import type { OversightReport } from './oversight-report.js';

/**
 * The annual report as a PDF (pdfkit, standard Helvetica): the headline figures, then each
 * section with one block per row (column: value), so long justifications wrap instead of
 * overflowing a table cell.
 *
 * @example
 * writeFileSync('report-2026.pdf', await oversightReportPdf(report));
 */
export function oversightReportPdf(report: OversightReport): Promise<Uint8Array> {
  const scope = report.agency ? ` — ${report.agency}` : '';
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Oversight report ${report.year}${scope}`, Author: 'Countersign', Subject: 'Commercial spyware under Executive Order 14093' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(18).text(`Oversight report ${report.year}${scope}`);
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#444').text(`Commercial spyware under Executive Order 14093, generated ${report.generatedAt.slice(0, 10)} from the Countersign record (every entry on its transparency log).`);
  doc.moveDown().fillColor('black').fontSize(12);
  for (const [key, value] of Object.entries(report.summary)) doc.text(`${report.summaryLabels[key] ?? key}: ${value.toLocaleString('en-US')}`);
  for (const section of report.sections) {
    doc.moveDown().font('Helvetica-Bold').fontSize(14).text(section.title);
    doc.font('Helvetica').fontSize(9).fillColor('#444').text(section.description).fillColor('black');
    if (section.rows.length === 0) doc.moveDown(0.3).fontSize(10).text('None.');
    section.rows.forEach((row, index) => {
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).text(`${index + 1}.`);
      doc.font('Helvetica').fontSize(9);
      for (const column of section.columns) {
        const value = row[column.key];
        if (value !== null && value !== undefined && value !== '') doc.text(`${column.label}: ${typeof value === 'number' ? value.toLocaleString('en-US') : value}`, { indent: 14 });
      }
    });
  }
  doc.end();
  return done;
}
