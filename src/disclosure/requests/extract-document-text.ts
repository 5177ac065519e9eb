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
 * Reads PDFs in a worker thread of its own (`pdf-text-worker`), one at a time: pdf.js's polyfills
 * stay out of the server's thread, and a PDF that hangs or swells is stopped — the worker is
 * ended and the next PDF gets a new one. The worker starts on the first PDF and stays for the
 * next (starting one costs a fifth of a second); it never keeps the process alive.
 */
class PdfReader {
  #worker: Worker | undefined;
  #nextId = 0;
  #queue: Promise<unknown> = Promise.resolve();

  read(bytes: Uint8Array): Promise<PdfTextAnswer> {
    const run = this.#queue.then(() => this.#readNow(bytes));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #readNow(bytes: Uint8Array): Promise<PdfTextAnswer> {
    const worker = this.#worker ?? this.#start();
    const id = this.#nextId++;
    return new Promise((resolve) => {
      const done = (answer: PdfTextAnswer, broken: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (broken) this.#stop(worker);
        resolve(answer);
      };
      const onMessage = (message: { id: number; answer: PdfTextAnswer }) => {
        if (message.id === id) done(message.answer, false);
      };
      const onError = (error: Error) => done({ ok: false, message: error.message }, true);
      const onExit = (code: number) => done({ ok: false, message: `the reader stopped (exit code ${code})` }, true);
      const timer = setTimeout(() => done({ ok: false, message: `reading it took longer than ${PDF_TIMEOUT_MS / 1000} s` }, true), PDF_TIMEOUT_MS);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      // The worker gets its own copy of the bytes (pdf.js takes ownership of what it is given).
      worker.postMessage({ id, bytes });
    });
  }

  #start(): Worker {
    const worker = new Worker(new URL('./pdf-text-worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: PDF_HEAP_MB } });
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #stop(worker: Worker): void {
    if (this.#worker === worker) this.#worker = undefined;
    void worker.terminate();
  }
}

const pdfReader = new PdfReader();

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
    const read = await pdfReader.read(bytes);
    if (!read.ok) throw new CommandError({ code: 'INVALID_INPUT', message: `the PDF could not be read: ${read.message}`, issues: [{ path: 'file', message: 'unreadable PDF' }] });
    return { text: read.text, pages: read.pages };
  }
  if (mediaType.startsWith('text/')) return { text: new TextDecoder('utf-8', { fatal: false }).decode(bytes), pages: null };
  return { text: '', pages: null };
}
