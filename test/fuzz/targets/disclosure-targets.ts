import fc from 'fast-check';
import { CommandError } from '../../../src/core/command-error.js';
import { extractDocumentText } from '../../../src/disclosure/requests/extract-document-text.js';
import { fuzzTarget, invariant, refusedWithAsync, type FuzzTarget } from '../fuzz-target.js';

/** Pieces of PDF syntax, so the fuzzer reaches pdf.js's parser rather than its magic-number check. */
const pdfPiece = fc.constantFrom('%PDF-1.4\n', '1 0 obj\n', '<< /Type /Catalog /Pages 2 0 R >>', 'endobj\n', 'stream\n', 'endstream\n', 'xref\n0 1\n', 'trailer\n<< /Root 1 0 R >>\n', 'startxref\n9\n', '%%EOF', '(', ')', '[', ']', 'BT /F1 12 Tf (Hello) Tj ET', '\u0000', 'é');

/** A received document's text extraction: refuses with a CommandError (400) or reads, never crashes. */
export const DISCLOSURE_TARGETS: readonly FuzzTarget[] = [
  fuzzTarget('received documents (PDF text via pdf.js, plain text)', fc.tuple(fc.array(pdfPiece, { maxLength: 30 }), fc.constantFrom('application/pdf', 'text/plain', 'application/octet-stream')), async ([pieces, mediaType]) => {
    const bytes = new TextEncoder().encode(`%PDF-1.4\n${pieces.join('')}`);
    const read = await refusedWithAsync(() => extractDocumentText(bytes, mediaType), CommandError);
    if (read) invariant(read.pages === null || read.pages >= 0, 'a page count is never negative');
  }),
];
