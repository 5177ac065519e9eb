import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { join } from 'node:path';
import { CommandError } from '../../core/command-error.js';
import { projectRoot } from '../../core/project-root.js';

/** A document's text for search, and its page count (PDF) — null for formats without pages. */
export interface ExtractedText {
  readonly text: string;
  readonly pages: number | null;
}

const PDF_MAGIC = '%PDF-';
/** pdf.js's bundled metrics of the 14 standard fonts, read from disk (never fetched). */
const STANDARD_FONTS = `${join(projectRoot(), 'node_modules', 'pdfjs-dist', 'standard_fonts')}/`;

/**
 * The text of a received document: a PDF's text layer through pdf.js (no rendering, no fonts, no
 * scripts, no network), plain text as UTF-8; other formats are stored without text. A file that
 * says it is a PDF and is not one is refused (400), never stored half-read.
 *
 * @example
 * const { text, pages } = await extractDocumentText(bytes, 'application/pdf');
 */
export async function extractDocumentText(bytes: Uint8Array, mediaType: string): Promise<ExtractedText> {
  const isPdf = new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === PDF_MAGIC;
  if (isPdf || mediaType === 'application/pdf') {
    if (!isPdf) throw new CommandError({ code: 'INVALID_INPUT', message: 'the file is labelled a PDF but does not start with %PDF-', issues: [{ path: 'file', message: 'not a PDF' }] });
    try {
      // pdf.js takes ownership of the buffer it is given: hand it a copy.
      const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, standardFontDataUrl: STANDARD_FONTS, verbosity: 0, stopAtErrors: true }).promise;
      const pages: string[] = [];
      for (let n = 1; n <= pdf.numPages; n++) {
        const content = await (await pdf.getPage(n)).getTextContent();
        pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      }
      await pdf.destroy();
      return { text: pages.join('\n\f\n').trim(), pages: pdf.numPages };
    } catch (cause) {
      throw new CommandError({ code: 'INVALID_INPUT', message: `the PDF could not be read: ${cause instanceof Error ? cause.message : String(cause)}`, issues: [{ path: 'file', message: 'unreadable PDF' }], cause });
    }
  }
  if (mediaType.startsWith('text/')) return { text: new TextDecoder('utf-8', { fatal: false }).decode(bytes), pages: null };
  return { text: '', pages: null };
}
