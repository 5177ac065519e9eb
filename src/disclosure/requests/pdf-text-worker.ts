/**
 * The worker thread `extractDocumentText` reads a PDF in: pdf.js's text layer (no rendering, no
 * fonts, no scripts, no network). pdf.js's Node build installs core-js polyfills over built-ins
 * (`Array.prototype.push`, `JSON.stringify`, …) that made every request of the server several
 * times slower; loaded here, they stay in this thread. Reads one document per message
 * (`{ id, bytes }`) and answers each with its id.
 */
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { projectRoot } from '../../core/project-root.js';

/** pdf.js's bundled metrics of the 14 standard fonts, read from disk (never fetched). */
const STANDARD_FONTS = `${join(projectRoot(), 'node_modules', 'pdfjs-dist', 'standard_fonts')}/`;

export type PdfTextAnswer = { readonly ok: true; readonly text: string; readonly pages: number } | { readonly ok: false; readonly message: string };

async function read(bytes: Uint8Array): Promise<PdfTextAnswer> {
  try {
    const pdf = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, standardFontDataUrl: STANDARD_FONTS, verbosity: 0, stopAtErrors: true }).promise;
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    await pdf.destroy();
    return { ok: true, text: pages.join('\n\f\n').trim(), pages: pdf.numPages };
  } catch (cause) {
    return { ok: false, message: cause instanceof Error ? cause.message : String(cause) };
  }
}

const port = parentPort;
if (port === null) throw new Error('pdf-text-worker.js runs only as a worker thread');
port.on('message', (message: { id: number; bytes: Uint8Array }) => {
  void read(message.bytes).then((answer) => port.postMessage({ id: message.id, answer }));
});
