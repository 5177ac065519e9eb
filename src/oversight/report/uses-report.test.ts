import { beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../../test/support/contexts.js';
import { givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { pdfText } from '../../../test/support/pdf-text.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { openCase, transition } from '../../kernel/workflow/transition.js';
import { readOversightReport } from '../../store/oversight/read-oversight-report.js';
import type { Store } from '../../store/store.js';
import { oversightReportDocument } from '../../web/pages/oversight-report-page.js';
import type { Audit } from '../audits/audit.js';
import { auditWorkflow } from '../audits/audit-workflow.js';
import { authorizationWorkflow } from '../authorizations/authorization-workflow.js';
import type { AuthorizationRequest } from '../authorizations/authorization-input.js';
import { authorizeUse } from '../authorizations/authorize-use.js';
import { anAuthorizationRequest, givenReview, staffOf } from '../testing/uses-fixtures.js';
import { recordUse } from '../uses/record-use.js';
import type { OversightReport } from './oversight-report.js';
import { oversightReportPdf } from './oversight-report-pdf.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const ctx = (actor: Parameters<typeof contextFor>[0]) => contextFor(actor, NOW);

/** A vendor, a product and an agency with a review approved and notified on `notifiedAt`. */
async function givenAgency(store: Store, notifiedAt: string): Promise<{ agency: string; review: string; name: string }> {
  const [source, vendor, product, agency] = [uniqueId('src'), uniqueId('vendor'), uniqueId('graphite'), uniqueId('agency')];
  const name = `Agency ${agency}`;
  await givenRecords(store, {
    sources: [{ id: source, title: 'Report', publisher: 'Factory Press', date: '2025-03-19' }],
    organizations: [{ id: vendor, name: `Vendor ${vendor}`, kind: 'vendor', sources: [source] }, { id: agency, name, kind: 'government-agency', country: 'US', sources: [source] }],
    products: [{ id: product, name: 'Graphite', vendor, sources: [source] }],
  });
  return { agency, name, review: await store.transaction((tx) => givenReview(tx, ctx, { agency, product, vendor }, { notifiedAt })) };
}

const section = (report: OversightReport, key: string) => {
  const found = report.sections.find((s) => s.key === key);
  if (!found) throw new Error(`the report has no section "${key}"`);
  return found;
};
const SECRETS = ['1:26-mj', 'TARGET-'];

describeEachBackend('the annual report’s authorised uses and audits sections', (getStore) => {
  let a: Awaited<ReturnType<typeof givenAgency>>;
  let b: Awaited<ReturnType<typeof givenAgency>>;
  let audit: Audit;

  beforeAll(async () => {
    const store = getStore();
    a = await givenAgency(store, '2026-02-01');
    b = await givenAgency(store, '2026-02-01');
    const officer = staffOf('officer', a.agency);
    const authorize = (agency: { review: string; agency: string }, overrides: Partial<AuthorizationRequest>) =>
      store.transaction((tx) => authorizeUse({ ctx: ctx(staffOf('officer', agency.agency)), request: anAuthorizationRequest(agency.review, { docketNumber: `1:26-mj-${uniqueId('d')}`, target: `TARGET-${uniqueId('t')}`, ...overrides }) }, tx));
    const step = (id: string, action: string, input: unknown, occurredAt?: string) => store.transaction((tx) => transition({ ctx: ctx(officer), workflow: authorizationWorkflow, id, action, input, ...(occurredAt ? { occurredAt } : {}) }, tx));

    // 30 days, warrant, federal court; told a day late — and, retention over, its target is shredded when that is recorded.
    const a1 = await authorize(a, { validFrom: '2026-03-01', validTo: '2026-03-30', noticeDate: '2026-04-15' });
    await step(a1.id, 'give-notice', {}, '2026-04-16');
    await step(a1.id, 'share', { recipient: 'A private contractor' }, '2026-03-20');
    // 10 days by court order, extended 10 days; notice delayed to 31 December; deletion confirmed.
    const a2 = await authorize(a, { legalAuthority: 'court-order', validFrom: '2026-03-01', validTo: '2026-03-10', noticeDate: '2026-06-30' });
    await step(a2.id, 'extend', { validTo: '2026-03-20', courtOrder: 'Extension order, 2026-03-09' });
    await step(a2.id, 'extend-notice', { noticeDate: '2026-12-31', courtOrder: 'Order delaying notice' });
    await step(a2.id, 'confirm-deletion', {}, '2026-05-01');
    // 75 days, kidnapping, a state court; notice never given (overdue).
    const a3 = await authorize(a, { offenceCategory: 'kidnapping', issuingCourt: 'Superior Court of California, County of Los Angeles', jurisdiction: 'california', validFrom: '2026-05-01', validTo: '2026-07-14', noticeDate: '2026-07-31' });
    // Another agency's authorisation: only in the all-agency report.
    await authorize(b, { validFrom: '2026-04-01', validTo: '2026-04-30', noticeDate: '2026-05-31' });

    const use = (request: Record<string, unknown>) => store.transaction((tx) => recordUse({ ctx: ctx(officer), request: { dataCategories: ['messages'], ...request } }, tx));
    await use({ authorization: a1.id, occurredAt: '2026-03-05T10:00:00Z' });
    await use({ authorization: a1.id, occurredAt: '2026-04-10T10:00:00Z' }); // outside the window
    await use({ authorization: 'nothing-on-record', agency: a.agency, occurredAt: '2026-06-01T10:00:00Z' }); // no authorisation
    await use({ authorization: a3.id, dataCategories: ['camera'], occurredAt: '2026-06-01T10:00:00Z' }); // beyond scope
    await use({ authorization: a1.id, occurredAt: '2025-12-30T10:00:00Z' }); // another year (and outside the window)

    const auditor = staffOf('auditor', a.agency);
    const { case: run } = await store.transaction((tx) => openCase({ ctx: ctx(auditor), workflow: auditWorkflow, via: 'run', input: { agency: a.agency, periodStart: '2026-01-01', periodEnd: '2026-12-31' } }, tx));
    ({ case: audit } = await store.transaction((tx) => transition({ ctx: ctx(auditor), workflow: auditWorkflow, id: run.id, action: 'sign-off', input: {} }, tx)));
  });

  it('counts one agency’s authorisations by court, offence, legal authority and length, with extensions, notices and retention', async () => {
    const report = await readOversightReport(getStore().db, { year: 2026, agency: a.agency }, new Date('2026-12-05T00:00:00Z'));
    expect(section(report, 'authorizations-by-court').rows).toEqual([
      { jurisdiction: 'California', jurisdictionCode: 'california', issuingCourt: 'Superior Court of California, County of Los Angeles', authorizations: 1, extensions: 0, averageOriginalDays: 75, averageExtensionDays: 0, totalDaysAuthorized: 75 },
      { jurisdiction: 'Federal', jurisdictionCode: 'federal', issuingCourt: 'US District Court, S.D.N.Y.', authorizations: 2, extensions: 1, averageOriginalDays: 20, averageExtensionDays: 10, totalDaysAuthorized: 50 },
    ]);
    expect(section(report, 'authorizations-by-offence').rows).toEqual([
      expect.objectContaining({ offence: expect.stringMatching(/^Drug offences/), offenceCategory: 'drug-offences', statute: expect.stringContaining('2516(1)(e)'), authorizations: 2, extensions: 1 }),
      expect.objectContaining({ offence: 'Kidnapping', offenceCategory: 'kidnapping', authorizations: 1 }),
    ]);
    expect(section(report, 'authorizations-by-legal-authority').rows).toEqual([
      { legalAuthority: 'Warrant', legalAuthorityCode: 'warrant', authorizations: 2 },
      { legalAuthority: 'Court order', legalAuthorityCode: 'court-order', authorizations: 1 },
    ]);
    expect(section(report, 'authorization-durations').rows.map((r) => r['authorizations'])).toEqual([1, 1, 0, 1, 0]);
    expect(Object.fromEntries(section(report, 'extensions-notices-retention').rows.map((r) => [r['measure'], r['count']]))).toEqual({
      'Windows extended by court order': 1, 'Notices delayed by court order': 1, 'Notices given to the target': 1, 'of which after the date they were due': 1,
      'Notices overdue on 2026-12-05': 1, 'Notices not yet due on 2026-12-05': 1, 'Deletions of collected data confirmed': 1, 'Targets shredded in 2026 at the end of retention': 1,
    });
    expect(report.summary).toMatchObject({ authorizationsGranted: 3, usesRecorded: 4, auditsSignedOff: 1, targetsShredded: 1 });
  });

  it('counts uses, findings by kind (by audits and when recorded) and the audits signed off', async () => {
    const report = await readOversightReport(getStore().db, { year: 2026, agency: a.agency }, new Date('2026-12-05T00:00:00Z'));
    expect(section(report, 'uses-recorded').rows).toEqual([{ agency: a.name, agencyId: a.agency, uses: 4, flagged: 3 }]);
    const findings = section(report, 'findings-by-kind').rows;
    // Raised when recorded, in 2026: the uses outside the window (one of them happened in 2025, before the notice clock, and was recorded now), the one citing nothing, the one beyond scope, the sharing without a basis.
    expect(Object.fromEntries(findings.map((f) => [f['kind'], f['whenRecorded']]))).toEqual({
      'use-outside-window': 2, 'use-before-notice-clock': 1, 'use-without-authorization': 1, 'use-beyond-scope': 1, 'sharing-without-basis': 1, 'deletion-overdue': 0, 'notice-overdue': 0,
    });
    // By audits: exactly what the signed-off audit found, kind by kind.
    expect(Object.fromEntries(findings.filter((f) => Number(f['byAudit']) > 0).map((f) => [f['kind'], f['byAudit']]))).toEqual(audit.findingsByKind);
    // The audit (as of 23 November): notices late or missing for the first and third, deletions unconfirmed or confirmed late for all three.
    expect(audit.findingsByKind).toMatchObject({ 'notice-overdue': 2, 'deletion-overdue': 3 });
    expect(findings.find((f) => f['kind'] === 'notice-overdue')).toMatchObject({ finding: 'Notice to the target overdue' });
    expect(report.summary['findingsByAudits']).toBe(audit.findingsCount);
    expect(section(report, 'audits-signed-off').rows).toEqual([{ audit: audit.id, agency: a.name, agencyId: a.agency, period: '2026-01-01 – 2026-12-31', findings: audit.findingsCount, signedOffOn: '2026-11-23' }]);
  });

  it('scopes by agency and year: the all-agency report adds the other agency, another year has none of it', async () => {
    const at = new Date('2026-12-05T00:00:00Z');
    const [all, onlyA, onlyB] = await Promise.all([null, a.agency, b.agency].map((agency) => readOversightReport(getStore().db, { year: 2026, agency }, at)));
    expect(all?.summary['authorizationsGranted']).toBe((onlyA?.summary['authorizationsGranted'] ?? NaN) + (onlyB?.summary['authorizationsGranted'] ?? NaN));
    expect(onlyB?.summary).toMatchObject({ authorizationsGranted: 1, usesRecorded: 0, auditsSignedOff: 0 });
    const earlier = await readOversightReport(getStore().db, { year: 2025, agency: a.agency }, at);
    expect(section(earlier, 'uses-recorded').rows).toEqual([{ agency: a.name, agencyId: a.agency, uses: 1, flagged: 1 }]);
    for (const key of ['authorizations-by-court', 'authorizations-by-offence', 'authorization-durations', 'extensions-notices-retention', 'audits-signed-off']) expect(section(earlier, key).rows).toEqual([]);
  });

  it('appears in the HTML, JSON and PDF with labels, not codes, and nothing sealed', async () => {
    const report = await readOversightReport(getStore().db, { year: 2026, agency: a.agency }, new Date('2026-12-05T00:00:00Z'));
    const json = JSON.stringify(report);
    const html = oversightReportDocument(report);
    const pdf = await pdfText(await oversightReportPdf(report));
    for (const text of [html, pdf]) {
      for (const shown of ['Authorisations by jurisdiction and issuing court', 'Authorisations by offence', 'Kidnapping', 'Court order', 'California', 'Uses recorded', 'Findings by kind',
        'Use outside the authorised window', 'Sharing without a legal basis', 'Audits signed off', 'Targets shredded at the end of retention', 'Findings raised by audits']) expect(text, shown).toContain(shown);
      for (const code of ['drug-offences', 'court-order', 'use-outside-window', 'sharing-without-basis', 'authorizationsGranted', 'targetsShredded']) expect(text, code).not.toMatch(new RegExp(`\\b${code}\\b`));
    }
    expect(html).toContain(`<a href="/audits/${audit.id}">`);
    for (const secret of SECRETS) for (const text of [json, html, pdf]) expect(text).not.toContain(secret);
    expect(JSON.parse(json)).toMatchObject({ summaryLabels: { usesRecorded: 'Uses recorded', approvalsInForce: 'Approvals in force' } });
  });
});
