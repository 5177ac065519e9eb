import PDFDocument from 'pdfkit';

/**
 * A PDF with one page per string, as pdfkit writes it: what a records office sends back.
 *
 * @example
 * const bytes = await aPdf(['Contract 70CTD024P00000012', 'Stop-work order lifted']);
 */
export function aPdf(pages: readonly string[], { compress = true }: { compress?: boolean } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    pages.forEach((text, i) => {
      if (i > 0) doc.addPage();
      doc.text(text);
    });
    doc.end();
  });
}
