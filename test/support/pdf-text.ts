import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { projectRoot } from '../../src/core/project-root.js';

/**
 * The text of every page of a PDF, as pdf.js reads it back (pages joined by newlines).
 *
 * @example
 * expect(await pdfText(await oversightReportPdf(report))).toContain('Approvals in force');
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false, standardFontDataUrl: `${join(projectRoot(), 'node_modules', 'pdfjs-dist', 'standard_fonts')}/` }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) pages.push((await (await pdf.getPage(n)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' '));
  await pdf.destroy();
  return pages.join('\n');
}
