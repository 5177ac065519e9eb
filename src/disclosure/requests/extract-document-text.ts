import { Worker } from 'node:worker_threads';
import { CommandError } from '../../core/command-error.js';
import type { PdfTextAnswer } from './pdf-text-worker.js';

/** A document's text for search, and its page count (PDF) — null for formats without pages. */
export interface ExtractedText {
  readonly text: string;
  readonly pages: number | null;
}

const PDF_MAGIC = '%PDF-';
/** A PDF that takes longer than this to read is refused (the worker is stopped). */
const PDF_TIMEOUT_MS = 60_000;
/** The worker's heap: a hostile PDF that asks for more is refused, not the server's memory. */
const PDF_HEAP_MB = 512;

/**
 * A PDF's text and page count, read in a worker thread of its own (`pdf-text-worker`): pdf.js's
 * polyfills stay out of the server's thread, and a PDF that hangs or swells is stopped.
 */
function readPdf(bytes: Uint8Array): Promise<PdfTextAnswer> {
  return new Promise((resolve) => {
    // The worker gets its own copy of the bytes (pdf.js takes ownership of what it is given).
    const worker = new Worker(new URL('./pdf-text-worker.js', import.meta.url), { workerData: bytes, resourceLimits: { maxOldGenerationSizeMb: PDF_HEAP_MB } });
    let answered = false;
    const answer = (result: PdfTextAnswer) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    };
    const timer = setTimeout(() => answer({ ok: false, message: `reading it took longer than ${PDF_TIMEOUT_MS / 1000} s` }), PDF_TIMEOUT_MS);
    worker.once('message', (message: PdfTextAnswer) => answer(message));
    worker.once('error', (error) => answer({ ok: false, message: error.message }));
    worker.once('exit', (code) => answer({ ok: false, message: `the reader stopped (exit code ${code})` }));
  });
}

/**
 * The text of a received document: a PDF's text layer through pdf.js (no rendering, no fonts, no
 * scripts, no network; in a worker thread, stopped after a minute or at 512 MB of heap), plain
 * text as UTF-8; other formats are stored without text. A file that says it is a PDF and is not
 * one, or that cannot be read, is refused (400), never stored half-read.
 *
 * @example
 * const { text, pages } = await extractDocumentText(bytes, 'application/pdf');
 */
export async function extractDocumentText(bytes: Uint8Array, mediaType: string): Promise<ExtractedText> {
  const isPdf = new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === PDF_MAGIC;
  if (isPdf || mediaType === 'application/pdf') {
    if (!isPdf) throw new CommandError({ code: 'INVALID_INPUT', message: 'the file is labelled a PDF but does not start with %PDF-', issues: [{ path: 'file', message: 'not a PDF' }] });
    const read = await readPdf(bytes);
    if (!read.ok) throw new CommandError({ code: 'INVALID_INPUT', message: `the PDF could not be read: ${read.message}`, issues: [{ path: 'file', message: 'unreadable PDF' }] });
    return { text: read.text, pages: read.pages };
  }
  if (mediaType.startsWith('text/')) return { text: new TextDecoder('utf-8', { fatal: false }).decode(bytes), pages: null };
  return { text: '', pages: null };
}
