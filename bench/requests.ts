import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import PDFDocument from 'pdfkit';
import type { Actor } from '../src/accounts/actor.js';
import { SYSTEM } from '../src/accounts/actor.js';
import { DRAFT_SUBJECT_READERS } from '../src/app/draft-subject-readers.js';
import { openStore } from '../src/app/open-store.js';
import { tick } from '../src/app/tick.js';
import { draftRequest } from '../src/disclosure/requests/draft-request.js';
import { extractDocumentText } from '../src/disclosure/requests/extract-document-text.js';
import { requestWorkflow } from '../src/disclosure/requests/request-workflow.js';
import { transition } from '../src/kernel/workflow/transition.js';
import { importDataset } from '../src/registry/commands/import-dataset.js';
import { parseDataset } from '../src/registry/dataset/parse-dataset.js';

/**
 * bench:requests — records requests on SQLite: drafting (reading the contract, writing the letter)
 * and filing N requests, the tick flagging all N overdue (each with a follow-up drafted), and
 * extracting the text of a PDF of P pages.
 */
const { values } = parseArgs({ options: { requests: { type: 'string', default: '2000' }, pages: { type: 'string', default: '50' } } });
const N = Number(values.requests);
const PAGES = Number(values.pages);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const requester: Actor = { kind: 'user', userId: 'bench-requester', actorId: 'a_bench', role: 'contributor', grants: [] };

const dir = mkdtempSync(join(tmpdir(), 'countersign-bench-requests-'));
const store = await openStore(`sqlite:${join(dir, 'requests.db')}`);
try {
  const dataset = {
    format: 'countersign-dataset/1',
    sources: [{ id: 'bench-source', title: 'Bench source', publisher: 'Bench' }],
    organizations: [{ id: 'bench-agency', name: 'Bench Agency', kind: 'government-agency', sources: ['bench-source'] }, { id: 'bench-vendor', name: 'Bench Vendor Ltd.', kind: 'vendor', sources: ['bench-source'] }],
    contracts: [{ piid: '70BENCH0001', buyer: 'bench-agency', recipient: 'bench-vendor', sources: ['bench-source'], transactions: [{ event: 'award', date: '2024-09-27', sources: ['bench-source'] }, { event: 'stop-work', date: '2024-10-08', modification: 'P00001', sources: ['bench-source'] }] }],
  };
  await store.transaction((tx) => importDataset({ ctx: { actor: SYSTEM, now: new Date('2026-05-15T12:00:00Z') }, dataset: parseDataset(JSON.stringify(dataset), 'bench') }, tx));
  const ctx = { actor: requester, now: new Date('2026-05-15T12:00:00Z') };
  let started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    for (let i = next++; i < N; i = next++) {
      const request = await store.transaction((tx) => draftRequest({ ctx, from: { kind: 'contract', id: '70BENCH0001' }, readers: DRAFT_SUBJECT_READERS, requesterName: 'Bench' }, tx));
      await store.transaction((tx) => transition({ ctx, workflow: requestWorkflow, id: request.id, action: 'submit', input: { receivedAt: '2026-05-15' } }, tx));
    }
  }));
  const drafted = (performance.now() - started) / 1000;
  console.log(`draft + file:   ${fmt(N)} requests in ${fmt(drafted, 2)} s — ${fmt(N / drafted)} requests/s (two durable transactions each, 32 callers)`);
  started = performance.now();
  const report = await tick(store, new Date('2026-06-16T12:00:00Z'));
  const ticked = (performance.now() - started) / 1000;
  console.log(`tick:           ${fmt(report.fired)} deadlines fired, ${fmt(report.transitioned)} requests flagged overdue with a follow-up, in ${fmt(ticked, 2)} s — ${fmt(report.transitioned / ticked)} /s`);
  const pdf = await new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument({ compress: true });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (let p = 0; p < PAGES; p++) {
      if (p > 0) doc.addPage();
      doc.text(`Page ${p + 1}. ${'Statement of work, licences, hardware, maintenance and training. '.repeat(30)}`);
    }
    doc.end();
  });
  started = performance.now();
  const extracted = await extractDocumentText(new Uint8Array(pdf), 'application/pdf');
  const seconds = (performance.now() - started) / 1000;
  console.log(`pdf text:       ${extracted.pages} pages (${fmt(pdf.length / 1024)} KiB) → ${fmt(extracted.text.length)} characters in ${fmt(seconds, 2)} s — ${fmt((extracted.pages ?? 0) / seconds)} pages/s`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
