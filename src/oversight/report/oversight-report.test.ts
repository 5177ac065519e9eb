import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../accounts/actor.js';
import { projectRoot } from '../../core/project-root.js';
import { readOversightReport } from '../../store/oversight/read-oversight-report.js';
import { oversightReportDocument } from '../../web/pages/oversight-report-page.js';
import { contextFor } from '../../../test/support/contexts.js';
import { givenGraphiteWorld } from '../../../test/support/oversight-factories.js';
import { pdfText } from '../../../test/support/pdf-text.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { openReview, runReviewStep } from '../reviews/review-commands.js';
import { oversightReportPdf } from './oversight-report-pdf.js';

const grant = (role: 'officer' | 'certifying-official', agency: string): Actor => ({ kind: 'user', userId: `u-${role}`, actorId: `a-${role}`, role: 'contributor', grants: [{ role, scope: { kind: 'agency', id: agency } }] });

describeEachBackend('the annual oversight report', (getStore) => {
  let agency: string;
  beforeAll(async () => {
    const store = getStore();
    const w = await givenGraphiteWorld(store);
    agency = w.agency;
    const officer = contextFor(grant('officer', w.agency));
    const certifier = contextFor(grant('certifying-official', w.agency));
    const open = (purpose: string) => store.transaction((tx) => openReview({ ctx: officer, input: { agency: w.agency, product: w.product, vendor: w.vendor, purpose, requestedStart: '2026-12' } }, tx));
    const step = (ctx: typeof officer, id: string, action: string, input: unknown) => store.transaction((tx) => runReviewStep({ ctx, id, action, input }, tx));
    const approved = await open('Approved one');
    await step(certifier, approved.id, 'determine', { decision: 'approve-with-conditions', justification: 'Warrant only; the Italian cases involved another customer.', conditions: 'Serious crimes only' });
    const denied = await open('Denied one');
    await step(certifier, denied.id, 'determine', { decision: 'deny' });
    await step(officer, denied.id, 'exemption', { purpose: 'research', purchasedOn: '2026-03-01', description: 'One research licence' });
  });

  it('lists approvals in force with their justification, denials, and purchases — as JSON, HTML and a PDF that reads back', async () => {
    const report = await readOversightReport(getStore().db, { year: 2026, agency }, new Date('2026-12-05T00:00:00Z'));
    const section = (key: string) => report.sections.find((s) => s.key === key);
    expect(section('approvals-in-force')?.rows).toEqual([expect.objectContaining({ decision: 'Approved with conditions', justification: 'Warrant only; the Italian cases involved another customer.', conditions: 'Serious crimes only', risks: 'Improper use' })]);
    expect(section('approvals-ended')?.rows).toEqual([expect.objectContaining({ what: 'Denied' })]);
    expect(section('purchases')?.rows).toEqual([expect.objectContaining({ kind: 'Exempt purchase (Research)', on: '2026-03-01', notice: 'APNSA notice due 2026-04-15' })]);
    expect(report.summary).toMatchObject({ reviewsOpened: 2, approvalsInForce: 1, denied: 1, exemptPurchases: 1 });
    expect(oversightReportDocument(report)).toContain('Warrant only; the Italian cases involved another customer.');
    const bytes = await oversightReportPdf(report);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Approvals in force');
    expect(text).toContain('Warrant only; the Italian cases involved another customer.');
    expect(text).toContain('Exempt purchase (Research)');
    expect((await readOversightReport(getStore().db, { year: 2025, agency }, new Date())).sections.every((s) => s.key === 'approvals-in-force' || s.rows.length === 0)).toBe(true);
  });
});

describe('countersign oversight report', () => {
  const cli = join(projectRoot(), 'dist', 'src', 'cli', 'main.js');
  const dir = mkdtempSync(join(tmpdir(), 'countersign-report-'));
  const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}` };
  it('writes the 2025 report of the bundled ICE–Paragon case as JSON and as a PDF, and refuses a bad format', async () => {
    const run = (args: string[]) => promisify(execFile)(process.execPath, [cli, 'oversight', 'report', ...args], { env });
    const { stdout } = await run(['--year', '2025', '--format', 'json', '--agency', 'ice']);
    const report = JSON.parse(stdout) as { sections: { key: string; rows: { what?: string; on?: string }[] }[] };
    expect(report.sections.find((s) => s.key === 'approvals-ended')?.rows).toEqual([expect.objectContaining({ what: 'Stop-work order lifted', on: '2025-09' })]);
    const out = join(dir, 'report.pdf');
    await run(['--year', '2024', '--format', 'pdf', '--out', out]);
    const text = await pdfText(new Uint8Array(readFileSync(out)));
    expect(text).toContain('Oversight report 2024');
    expect(text).toContain('Stop-work order');
    await expect(run(['--year', '2025', '--format', 'docx'])).rejects.toMatchObject({ code: 1 });
  }, 60_000);
});
