import { grantRole } from '../../src/accounts/commands/grant-role.js';
import { ANONYMOUS } from '../../src/accounts/actor.js';
import { submitComplaint } from '../../src/disclosure/complaints/complaint-commands.js';
import { handleComplaint } from '../../src/disclosure/complaints/complaint-commands.js';
import { targetNoticeWorkflow } from '../../src/disclosure/target-notices/target-notice-workflow.js';
import { vendorReportWorkflow } from '../../src/disclosure/vendor-reports/vendor-report-workflow.js';
import { openCase, transition } from '../../src/kernel/workflow/transition.js';
import type { Store } from '../../src/store/store.js';
import { SYSTEM_CONTEXT } from './contexts.js';
import { uniqueId } from './registry-factories.js';
import { createUser } from './test-app.js';
import { KyselyAccountsStore } from '../../src/store/accounts/kysely-accounts-store.js';

/** The route-access matrix's complaints, reports and notices (all owned by the "own" agency/vendor). */
export interface RemedyWorld {
  readonly complaint: string;
  readonly underReview: string;
  readonly toErase: string;
  readonly token: string;
  readonly eraseToken: string;
  readonly report: string;
  readonly dueNotice: string;
  readonly preparedNotice: string;
}

type World = { remedy: RemedyWorld; organization: string; agencyOwn: string; source: string };
interface RemedySample<A extends string> {
  readonly method: 'GET' | 'POST';
  path(world: World, actor: A): string;
  body?(world: World, actor: A): unknown;
  readonly allowed: readonly A[];
}

/**
 * The matrix lines of the remedy routes, over the matrix's own list of actors (so actors added
 * there are counted in "everyone"). officer-own also handles complaints for the own agency (as
 * an oversight body) and represents the matrix vendor.
 */
export function remedyExpected<A extends string>(everyone: readonly A[]): Readonly<Record<string, readonly RemedySample<A>[]>> {
  const only = (...names: string[]) => everyone.filter((a) => names.includes(a));
  const handlers = only('admin', 'officer-own');
  const get = (path: RemedySample<A>['path'], allowed: readonly A[] = everyone): RemedySample<A> => ({ method: 'GET', path, allowed });
  const post = (path: RemedySample<A>['path'], body: NonNullable<RemedySample<A>['body']>, allowed: readonly A[]): RemedySample<A> => ({ method: 'POST', path, body, allowed });
  return {
    submitComplaint: [post(() => '/complaints', () => ({ account: 'Something happened to my phone after the protest.' }), everyone)],
    listComplaints: [get(() => '/complaints', only('admin', 'officer-own', 'officer-other'))],
    getComplaint: [get((w) => `/complaints/${w.remedy.complaint}`, handlers)],
    routeComplaint: [post((w) => `/complaints/${w.remedy.complaint}/route`, (w) => ({ body: w.agencyOwn }), only('admin'))],
    startComplaintReview: [post((w) => `/complaints/${w.remedy.complaint}/review`, () => ({}), handlers)],
    closeComplaint: [post((w) => `/complaints/${w.remedy.underReview}/close`, () => ({ outcome: 'upheld' }), handlers)],
    linkComplaintToIncident: [post((w) => `/complaints/${w.remedy.complaint}/link`, () => ({ incident: 'no-such-incident' }), handlers)],
    eraseComplaint: [post((w) => `/complaints/${w.remedy.toErase}/erase`, () => ({}), handlers)],
    getComplaintStatus: [get((w) => `/complaints/status/${w.remedy.token}`)],
    consentToIncidentLink: [post((w) => `/complaints/status/${w.remedy.token}/consent`, () => ({}), everyone)],
    eraseOwnComplaint: [post((w) => `/complaints/status/${w.remedy.eraseToken}/erase`, () => ({}), everyone)],
    fileVendorReport: [post(() => '/vendor-reports', (w) => ({ vendor: w.organization, year: 2024, selfIdentification: 'Matrix Vendor', products: ['Tool'], dueDiligence: 'Some', risksAddressed: 'Some', sales: [], rejectedClients: [] }), only('officer-own'))],
    listVendorReports: [get(() => '/vendor-reports')],
    getVendorReport: [get((w) => `/vendor-reports/${w.remedy.report}`)],
    annotateVendorReport: [post((w) => `/vendor-reports/${w.remedy.report}/annotations`, (w) => ({ note: 'omits a sale', source: w.source }), only('analyst', 'editor', 'admin'))],
    listTargetNotices: [get(() => '/target-notices')],
    getTargetNotice: [get((w) => `/target-notices/${w.remedy.dueNotice}`)],
    prepareTargetNotice: [post((w) => `/target-notices/${w.remedy.dueNotice}/prepare`, () => ({}), handlers)],
    sendTargetNotice: [post((w) => `/target-notices/${w.remedy.preparedNotice}/send`, () => ({ sentOn: '2026-01-02', method: 'post' }), handlers)],
  };
}

/**
 * Grants officer-own the complaint-handler role for the own agency and the vendor-representative
 * role for the matrix vendor (officer-other handles the other agency's complaints), then files the
 * complaints, report and notices the matrix's requests act on.
 */
export async function givenRemedyWorld(store: Store, { organization, agencyOwn, agencyOther }: { organization: string; agencyOwn: string; agencyOther: string }): Promise<RemedyWorld> {
  const accounts = new KyselyAccountsStore(store.db);
  for (const username of ['officer-own', 'officer-other']) if (!(await accounts.findUserByUsername(username))) await createUser(store, username, 'contributor');
  const grant = (username: string, role: 'complaint-handler' | 'vendor-representative', scope: string) => store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username, role, scope }, scopeExists: async () => true }, tx));
  await grant('officer-own', 'complaint-handler', `body:${agencyOwn}`);
  await grant('officer-own', 'vendor-representative', `vendor:${organization}`);
  await grant('officer-other', 'complaint-handler', `body:${agencyOther}`);
  const file = () => store.transaction((tx) => submitComplaint({ ctx: SYSTEM_CONTEXT, complaint: { body: agencyOwn, account: 'A fixture complaint about a phone.', name: 'Fixture Person' } }, tx));
  const [complaint, underReview, toErase, erasable] = [await file(), await file(), await file(), await file()];
  await store.transaction((tx) => handleComplaint({ ctx: SYSTEM_CONTEXT, id: underReview.complaint.id, action: 'review', input: {} }, tx));
  const rep = { ...SYSTEM_CONTEXT, actor: { ...ANONYMOUS, kind: 'user' as const, userId: 'fixture-rep', actorId: 'fixture-rep', grants: [{ role: 'vendor-representative' as const, scope: { kind: 'vendor' as const, id: organization } }] } };
  const report = await store.transaction((tx) => openCase({ ctx: rep, workflow: vendorReportWorkflow, via: 'file', input: { vendor: organization, year: 2023, selfIdentification: 'Matrix Vendor', products: ['Tool'], dueDiligence: 'Some', risksAddressed: 'Some', sales: [], rejectedClients: [] } }, tx));
  const notice = () => store.transaction((tx) => openCase({ ctx: SYSTEM_CONTEXT, workflow: targetNoticeWorkflow, via: 'open', input: { authorization: uniqueId('matrix-auth'), agency: agencyOwn, dueAt: '2026-01-01T00:00:00.000Z' } }, tx));
  const [due, prepared] = [await notice(), await notice()];
  await store.transaction((tx) => transition({ ctx: SYSTEM_CONTEXT, workflow: targetNoticeWorkflow, id: prepared.case.id, action: 'prepare' }, tx));
  return {
    complaint: complaint.complaint.id, underReview: underReview.complaint.id, toErase: toErase.complaint.id, token: complaint.token, eraseToken: erasable.token,
    report: report.case.id, dueNotice: due.case.id, preparedNotice: prepared.case.id,
  };
}
