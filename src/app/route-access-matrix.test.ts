import type { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { grantRole } from '../accounts/commands/grant-role.js';
import type { UserRole } from '../accounts/roles.js';
import type { Ledger } from '../ledger/sequencer/ledger.js';
import { recordScreenedTransactions } from '../procurement/alerts/record-screened-transactions.js';
import { aScreenedTransaction } from '../procurement/testing/screened-transaction-factory.js';
import { proposeChange } from '../registry/commands/propose-change.js';
import { submitTip } from '../registry/tips/submit-tip.js';
import type { AppEnv } from '../server/app-env.js';
import { actorWithRole, contextFor, SYSTEM_CONTEXT } from '../../test/support/contexts.js';
import { givenRecords, uniqueId } from '../../test/support/registry-factories.js';
import { anonymousClient, createUser, quickClient, type TestClient } from '../../test/support/test-app.js';
import { openTestLedger } from '../../test/support/test-ledger.js';
import { describeEachBackend } from '../../test/support/test-store.js';
import { createCountersignApp } from './create-countersign-app.js';
import { openReview, runReviewStep } from '../oversight/reviews/review-commands.js';
import { SYSTEM } from '../accounts/actor.js';
import { docketStep, openDocket } from '../oversight/dockets/open-docket.js';
import type { Store } from '../store/store.js';
import { localDay } from '../oversight/dockets/docket-dates.js';
import { JURISDICTION_PRESETS } from '../oversight/dockets/jurisdiction-presets.js';

const SEATTLE = JURISDICTION_PRESETS[0] ?? (() => { throw new Error('no Seattle preset'); })();

/**
 * Who may call what: every API route (read from the OpenAPI document, so a new route without a
 * line here fails the test) × every kind of actor — the global ladder, and scoped roles of the
 * route's own resource and of another one — against the table below. "Denied" is 401, 403, or
 * 404 for what the actor may not see; anything else below 500 got past authorisation (a 409 for
 * a step someone else already took counts). Each actor gets a fresh session per request.
 */
const ACTORS = ['anonymous', 'contributor', 'analyst', 'editor', 'admin', 'officer-own', 'officer-other', 'member-own', 'member-other', 'clerk-own'] as const;
type ActorKind = (typeof ACTORS)[number];

const EVERYONE: readonly ActorKind[] = ACTORS;
const SIGNED_IN: readonly ActorKind[] = ACTORS.filter((a) => a !== 'anonymous');
const ANALYSTS: readonly ActorKind[] = ['analyst', 'editor', 'admin'];
const EDITORS: readonly ActorKind[] = ['editor', 'admin'];
const ADMINS: readonly ActorKind[] = ['admin'];
const REVIEW_STAFF: readonly ActorKind[] = ['admin', 'officer-own'];

interface World {
  organization: string;
  agencyOwn: string;
  agencyOther: string;
  source: string;
  designation: string;
  piid: string;
  pendingChanges: string[];
  tip: string;
  pendingAlert: string;
  raisedAlert: string;
  tokenOf: Partial<Record<ActorKind, string>>;
  dockets: { proposed: string; forNotice: string; noticed: string; forHearing: string; hearing: string; pendingComment: string };
  sealedIndex: string;
  treeSize: string;
  review: { id: string; product: string; exemption: string; waiver: string };
  requestPiid: string;
  draftRequest: string;
  filedRequest: string;
  requestDocument: string;
}

interface Sample {
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PUT';
  path(world: World, actor: ActorKind): string;
  body?(world: World, actor: ActorKind): unknown;
  readonly allowed: readonly ActorKind[];
}

const get = (path: (w: World, a: ActorKind) => string, allowed: readonly ActorKind[] = EVERYONE): Sample => ({ method: 'GET', path, allowed });
const post = (path: (w: World, a: ActorKind) => string, body: (w: World, a: ActorKind) => unknown, allowed: readonly ActorKind[]): Sample => ({ method: 'POST', path, body, allowed });

/** The expected table: for each operation, one or more requests and who gets past authorisation. */
const EXPECTED: Readonly<Record<string, readonly Sample[]>> = {
  listOrganizations: [get(() => '/organizations')],
  listPeople: [get(() => '/people')],
  listProducts: [get(() => '/products')],
  listRelationships: [get(() => '/relationships')],
  listIncidents: [get(() => '/incidents')],
  listContracts: [get(() => '/contracts')],
  listSources: [get(() => '/sources')],
  listPolicies: [get(() => '/policies')],
  listDesignations: [get(() => '/designations')],
  recordDesignation: [post(() => '/designations', (w, a) => ({ subject: w.organization, authority: 'US-BIS', list: 'Entity List', listed: `2024-${String(ACTORS.indexOf(a) + 1).padStart(2, '0')}-01`, sources: [w.source] }), EDITORS)],
  getOrganization: [get((w) => `/organizations/${w.organization}`)],
  getPerson: [get(() => '/people/nobody-at-all')].map((s) => ({ ...s, allowed: [] })),
  getProduct: [get(() => '/products/nothing-at-all')].map((s) => ({ ...s, allowed: [] })),
  getIncident: [get(() => '/incidents/nothing-at-all')].map((s) => ({ ...s, allowed: [] })),
  getContract: [get((w) => `/contracts/${w.piid}`)],
  getSource: [get((w) => `/sources/${w.source}`)],
  search: [get(() => '/search?q=vendor')],
  exportRegistry: [get(() => '/export?format=ndjson&type=source')],
  listChanges: [get(() => '/changes'), get(() => '/changes?status=pending')],
  proposeChange: [post(() => '/changes', (w) => ({ action: 'upsert', recordType: 'organization', record: { id: uniqueId('proposed'), name: 'Proposed Ltd.', kind: 'vendor', sources: [w.source] } }), ANALYSTS)],
  acceptChange: [post((w) => `/changes/${w.pendingChanges[0]}/accept`, () => ({}), EDITORS)],
  rejectChange: [post((w) => `/changes/${w.pendingChanges[1]}/reject`, () => ({}), EDITORS)],
  verifyRecord: [post((w) => `/records/organization/${w.organization}/status`, () => ({ status: 'verified' }), EDITORS)],
  delistDesignation: [post((w) => `/designations/${w.designation}/delisting`, (w) => ({ delisted: '2026-01-01', sources: [w.source] }), EDITORS)],
  submitTip: [post(() => '/tips', () => ({ subject: 'A lead', body: 'Something worth a look.' }), EVERYONE)],
  listTips: [get(() => '/tips', ANALYSTS)],
  moderateTip: [post((w) => `/tips/${w.tip}/moderation`, () => ({ decision: 'accepted' }), ANALYSTS)],
  logIn: [post(() => '/session', () => ({ username: 'login-user', password: 'correct horse battery staple' }), EVERYONE)],
  whoAmI: [get(() => '/session')],
  logOut: [{ method: 'DELETE', path: () => '/session', allowed: EVERYONE }],
  createApiToken: [post(() => '/tokens', () => ({ name: 'script' }), SIGNED_IN)],
  // Own token: its holder or an admin; anyone else is told there is no such token of theirs.
  revokeApiToken: [{ method: 'DELETE', path: (w) => `/tokens/${w.tokenOf.contributor}`, allowed: ['contributor', 'admin'] }],
  grantRole: [post(() => '/grants', (w, a) => ({ username: 'grantee', role: 'auditor', scope: `agency:${a === 'admin' ? w.agencyOwn : w.agencyOther}` }), ADMINS)],
  revokeRole: [post(() => '/grants/revoke', (w) => ({ username: 'grantee', role: 'auditor', scope: `agency:${w.agencyOwn}` }), ADMINS)],
  listLogEntryTypes: [get(() => '/log/types')],
  listAlerts: [get(() => '/alerts'), get(() => '/alerts?status=pending', ANALYSTS)],
  getAlert: [get((w) => `/alerts/${w.raisedAlert}`), get((w) => `/alerts/${w.pendingAlert}`, ANALYSTS)],
  reviewAlert: [post((w) => `/alerts/${w.pendingAlert}/review`, () => ({ decision: 'dismiss' }), ANALYSTS)],
  listCaseDeadlines: [get((w) => `/cases/alert/${w.raisedAlert}/deadlines`), get((w) => `/cases/tip/${w.tip}/deadlines`, ANALYSTS)],
  caseDeadlinesCalendar: [get((w) => `/cases/alert/${w.raisedAlert}/deadlines.ics`), get((w) => `/cases/tip/${w.tip}/deadlines.ics`, ANALYSTS)],
  listLogEntries: [get(() => '/log/entries')],
  proveInclusion: [get((w) => `/log/entries/${w.sealedIndex}/proof`)],
  getReceipt: [get(() => '/log/receipts/1?waitMs=0')],
  listCheckpoints: [get(() => '/log/checkpoints')],
  proveConsistency: [get((w) => `/log/consistency?from=1&to=${w.treeSize}`)],
  listSeals: [get((w) => `/log/entries/${w.sealedIndex}/seals`)],
  unsealField: [post((w) => `/log/entries/${w.sealedIndex}/seals/subject/unseal`, () => ({}), ADMINS)],
  shredField: [post((w) => `/log/entries/${w.sealedIndex}/seals/contact/shred`, () => ({}), ADMINS)],
  listAcquisitionReviews: [get(() => '/acquisition-reviews'), get((w) => `/acquisition-reviews?agency=${w.agencyOwn}&status=open`)],
  oversightCalendar: [get((w) => `/oversight/calendar.ics?agency=${w.agencyOwn}`)],
  getOversightReport: [get(() => '/oversight/report?year=2026')],
  getAcquisitionReview: [get((w) => `/acquisition-reviews/${w.review.id}`)],
  openAcquisitionReview: [post(() => '/acquisition-reviews', (w) => ({ agency: w.agencyOwn, product: w.review.product, vendor: w.organization, purpose: 'Matrix purpose', requestedStart: '2027-01' }), REVIEW_STAFF)],
  answerAcquisitionReviewFactor: [post((w) => `/acquisition-reviews/${w.review.id}/factors`, () => ({ factor: 'mitigating', presence: 'unknown', answer: 'None known.' }), REVIEW_STAFF)],
  recordAcquisitionReviewStep: [post((w) => `/acquisition-reviews/${w.review.id}/procurement-steps`, () => ({ step: 'dni-assessment-reviewed', on: '2026-01-05' }), REVIEW_STAFF)],
  // Only the agency's certifying official determines (not delegable, not even to an admin); none of these actors is one.
  determineAcquisitionReview: [post((w) => `/acquisition-reviews/${w.review.id}/determination`, () => ({ decision: 'deny' }), [])],
  recordAcquisitionReviewNotice: [post((w) => `/acquisition-reviews/${w.review.id}/notice`, () => ({ notifiedAt: '2026-01-10' }), REVIEW_STAFF)],
  recordAcquisitionReviewConsent: [post((w) => `/acquisition-reviews/${w.review.id}/consent`, () => ({ consentedAt: '2026-01-12' }), REVIEW_STAFF)],
  stopAcquisitionReviewWork: [post((w) => `/acquisition-reviews/${w.review.id}/stop-work`, () => ({ reason: 'Compliance check' }), REVIEW_STAFF)],
  resumeAcquisitionReviewWork: [post((w) => `/acquisition-reviews/${w.review.id}/resume`, () => ({ reason: 'Check done' }), REVIEW_STAFF)],
  recordAcquisitionReviewExemption: [post((w) => `/acquisition-reviews/${w.review.id}/exemptions`, () => ({ purpose: 'research', purchasedOn: '2026-01-02', description: 'A research licence' }), REVIEW_STAFF)],
  recordAcquisitionReviewExemptionNotice: [post((w) => `/acquisition-reviews/${w.review.id}/exemptions/${w.review.exemption}/notice`, () => ({ notifiedOn: '2026-01-20' }), REVIEW_STAFF)],
  recordAcquisitionReviewWaiver: [post((w) => `/acquisition-reviews/${w.review.id}/waivers`, () => ({ grantedAt: '2026-01-03', expiresOn: '2026-06-30', reason: 'Matrix waiver' }), REVIEW_STAFF)],
  recordAcquisitionReviewWaiverNotice: [post((w) => `/acquisition-reviews/${w.review.id}/waivers/${w.review.waiver}/notice`, () => ({ notifiedAt: '2026-01-04' }), REVIEW_STAFF)],
  // Records requests: drafts and embargoed documents are their requester's ("contributor"); agency steps also an officer of the agency.
  draftDisclosureRequest: [post((w) => '/disclosure-requests', (w) => ({ fromContract: w.requestPiid }), SIGNED_IN)],
  listDisclosureRequests: [get(() => '/disclosure-requests')],
  getDisclosureRequest: [get((w) => `/disclosure-requests/${w.filedRequest}`), get((w) => `/disclosure-requests/${w.draftRequest}`, ['contributor', 'admin'])],
  editDisclosureRequest: [{ method: 'PUT', path: (w) => `/disclosure-requests/${w.draftRequest}`, body: () => ({ title: 'An edited title' }), allowed: ['contributor', 'admin'] }],
  submitDisclosureRequest: [post((w) => `/disclosure-requests/${w.draftRequest}/submit`, () => ({ receivedAt: '2026-05-15' }), ['contributor', 'admin'])],
  recordDisclosureRequestStep: [post((w) => `/disclosure-requests/${w.filedRequest}/steps/acknowledge`, () => ({ trackingNumber: '2026-ICFO-00001' }), ['contributor', 'admin', 'officer-own']), post((w) => `/disclosure-requests/${w.filedRequest}/steps/litigate`, () => ({}), ['contributor', 'admin'])],
  draftDisclosureAppeal: [get((w) => `/disclosure-requests/${w.filedRequest}/appeal-draft`)],
  uploadDisclosureDocument: [post((w) => `/disclosure-requests/${w.filedRequest}/documents`, () => ({ fileName: 'note.txt', mediaType: 'text/plain', contentBase64: Buffer.from('the same note').toString('base64') }), ['contributor', 'admin'])],
  downloadDisclosureDocument: [get((w) => `/disclosure-requests/${w.filedRequest}/documents/${w.requestDocument}`, ['contributor', 'admin'])],
  searchDisclosureDocuments: [get(() => '/disclosure-documents?q=records')],
  disclosureStatistics: [get(() => '/disclosure-statistics')],
  disclosureDeadlinesCalendar: [get(() => '/disclosure-requests.ics')],
  listDocketJurisdictions: [get(() => '/dockets/jurisdictions')],
  listDocketFindings: [get(() => '/dockets/findings')],
  recordDocketFinding: [post(() => '/dockets/findings', (w, a) => ({ jurisdiction: 'seattle', agency: w.agencyOwn, technology: `finding by ${a}`, observedOn: '2026-01-01', description: 'Seen in a court filing.' }), [...ANALYSTS, 'clerk-own'])],
  listDockets: [get(() => '/dockets')],
  openDocket: [post(() => '/dockets', (w, a) => ({ jurisdiction: 'seattle', agency: w.agencyOwn, technology: `technology of ${a}`, title: 'Matrix docket' }), ['admin', 'officer-own'])],
  getDocket: [get((w) => `/dockets/${w.dockets.proposed}`)],
  reviseDocketProposal: [post((w) => `/dockets/${w.dockets.proposed}/proposal`, () => ({ proposal: { impactReport: { purpose: 'Revised.' } } }), ['admin', 'officer-own'])],
  publishDocketNotice: [post((w) => `/dockets/${w.dockets.forNotice}/notice`, () => ({ publishedAt: new Date().toISOString() }), ['admin', 'clerk-own'])],
  listDocketComments: [get((w) => `/dockets/${w.dockets.noticed}/comments`), get((w) => `/dockets/${w.dockets.noticed}/comments?status=pending`, ['admin', 'clerk-own'])],
  submitDocketComment: [post((w) => `/dockets/${w.dockets.noticed}/comments`, () => ({ text: 'A comment from the matrix.' }), EVERYONE)],
  moderateDocketComment: [post((w) => `/dockets/${w.dockets.noticed}/comments/${w.dockets.pendingComment}/moderation`, () => ({ decision: 'publish' }), ['admin', 'clerk-own'])],
  recordDocketHearing: [post((w) => `/dockets/${w.dockets.forHearing}/hearing`, () => ({ heldOn: seattleToday() }), ['admin', 'clerk-own'])],
  listDocketVotes: [get((w) => `/dockets/${w.dockets.hearing}/votes`)],
  castDocketVote: [post((w) => `/dockets/${w.dockets.hearing}/votes`, () => ({ vote: 'abstain' }), ['member-own'])],
  // Without a quorum (or before approval) an allowed actor gets 409: past authorisation all the same.
  decideDocket: [post((w) => `/dockets/${w.dockets.hearing}/decision`, () => ({ outcome: 'approve' }), ['admin', 'clerk-own'])],
  listDocketReports: [get((w) => `/dockets/${w.dockets.hearing}/reports`)],
  fileDocketReport: [post((w) => `/dockets/${w.dockets.hearing}/reports`, () => ({ sections: { costs: 'None.' } }), ['admin', 'officer-own'])],
  renewDocket: [post((w) => `/dockets/${w.dockets.hearing}/renewal`, () => ({ expiresOn: '2099-01-01' }), ['admin', 'clerk-own'])],
};

/** Today in Seattle (dates of notices and hearings are the jurisdiction's local dates). */
const seattleToday = (): string => localDay(SEATTLE, new Date().toISOString());

/** Seattle dockets of the own agency in each state the matrix needs, opened and moved on by the system. */
async function givenDockets(store: Store, agency: string): Promise<World['dockets']> {
  const ctx = contextFor(SYSTEM, new Date());
  const today = seattleToday();
  const open = async (title: string) => (await store.transaction((tx) => openDocket({ ctx, docket: { jurisdiction: 'seattle', agency, technology: title, title } }, tx))).id;
  const stepOn = (id: string, action: string, input: unknown) => store.transaction((tx) => docketStep({ ctx, id, action, input }, tx));
  const [proposed, forNotice, noticed, forHearing, hearing] = [await open('Proposed'), await open('For notice'), await open('Noticed'), await open('For hearing'), await open('Hearing held')];
  for (const id of [noticed, forHearing, hearing]) await stepOn(id, 'notice', { publishedAt: ctx.now.toISOString() });
  await stepOn(hearing, 'hearing', { heldOn: today });
  await stepOn(noticed, 'comment', { text: 'A comment waiting for the clerk.' });
  const pendingComment = (await store.db.selectFrom('docketComments').select('id').where('docketId', '=', noticed).executeTakeFirstOrThrow()).id;
  return { proposed, forNotice, noticed, forHearing, hearing, pendingComment };
}

describeEachBackend('route × role × scope access matrix', (getStore) => {
  let app: Hono<AppEnv>;
  let ledger: Ledger;
  let world: World;
  const roleOf: Record<Exclude<ActorKind, 'anonymous'>, UserRole> = { contributor: 'contributor', analyst: 'analyst', editor: 'editor', admin: 'admin', 'officer-own': 'contributor', 'officer-other': 'contributor', 'member-own': 'contributor', 'member-other': 'contributor', 'clerk-own': 'contributor' };

  beforeAll(async () => {
    const store = getStore();
    ledger = await openTestLedger(store);
    app = createCountersignApp({ store, ledger });
    const source = uniqueId('source');
    const organization = uniqueId('vendor');
    const [agencyOwn, agencyOther] = [uniqueId('agency-own'), uniqueId('agency-other')];
    const requestPiid = uniqueId('70REQUEST').toUpperCase();
    await givenRecords(store, {
      sources: [{ id: source, title: 'Matrix report', publisher: 'Factory' }],
      organizations: [
        { id: organization, name: 'Matrix Vendor Ltd.', kind: 'vendor', sources: [source] },
        { id: agencyOwn, name: 'Own Agency', kind: 'government-agency', sources: [source] },
        { id: agencyOther, name: 'Other Agency', kind: 'government-agency', sources: [source] },
      ],
      designations: [{ subject: organization, authority: 'US-BIS', list: 'Entity List', listed: '2021-11-03', sources: [source] }],
      contracts: [{ piid: requestPiid, buyer: agencyOwn, recipient: organization, sources: [source] }],
    });
    const designation = (await store.db.selectFrom('designations').select('id').where('subjectId', '=', organization).executeTakeFirstOrThrow()).id;
    const pendingChanges: string[] = [];
    for (let i = 0; i < 2; i++) {
      pendingChanges.push((await store.transaction((tx) => proposeChange({ ctx: contextFor(actorWithRole('analyst', 'fixture-analyst')), proposal: { action: 'upsert', recordType: 'organization', record: { id: uniqueId('pending'), name: `Pending ${i} Ltd.`, kind: 'vendor', sources: [source] } } }, tx))).id);
    }
    const { tip } = await store.transaction((tx) => submitTip({ ctx: SYSTEM_CONTEXT, tip: { subject: 'Fixture lead', body: 'Something worth a look.', contact: 'fixture@example.org' } }, tx));
    const piid = uniqueId('70MATRIX').toUpperCase();
    await store.transaction((tx) => recordScreenedTransactions({ ctx: SYSTEM_CONTEXT, screened: [aScreenedTransaction({ organizationId: organization, piid }), aScreenedTransaction({ organizationId: organization, piid: `${piid}R`, decision: 'review' })], watchlistVersion: 'w' }, tx));
    const alerts = await store.db.selectFrom('alerts').select(['id', 'status']).execute();
    await createUser(store, 'login-user', 'contributor');
    await createUser(store, 'grantee', 'contributor');
    await ledger.sequencer.integrate();
    const sealed = await store.db.selectFrom('logEntries').select('leafIndex').where('type', '=', 'tips.tip.submitted').executeTakeFirstOrThrow();
    world = {
      organization, agencyOwn, agencyOther, source, designation, piid, pendingChanges, tip: tip.id,
      pendingAlert: alerts.find((a) => a.status === 'pending')?.id ?? '', raisedAlert: alerts.find((a) => a.status === 'raised')?.id ?? '',
      tokenOf: {}, sealedIndex: String(sealed.leafIndex), treeSize: String(ledger.sequencer.size), requestPiid, draftRequest: '', filedRequest: '', requestDocument: '',
      review: { id: '', product: '', exemption: '', waiver: '' }, dockets: await givenDockets(store, agencyOwn),
    };
    world.review = await givenReview(store, agencyOwn, organization, source);
    // Scoped actors: an officer of the agency the resources belong to, and one of another agency.
    for (const [actor, agency] of [['officer-own', agencyOwn], ['officer-other', agencyOther]] as const) {
      await quickClient(app, store, actor, roleOf[actor]);
      await store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username: actor, role: 'officer', scope: `agency:${agency}` }, scopeExists: async () => true }, tx));
    }
    // Board actors: a member and the clerk of Seattle's board (the dockets' own), a member of Oakland's.
    for (const [actor, role, scope] of [['member-own', 'board-member', 'board:seattle'], ['member-other', 'board-member', 'board:oakland'], ['clerk-own', 'board-clerk', 'board:seattle']] as const) {
      await quickClient(app, store, actor, roleOf[actor]);
      await store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username: actor, role, scope }, scopeExists: async () => true }, tx));
    }
    const contributor = await quickClient(app, store, 'contributor', 'contributor');
    world.tokenOf.contributor = ((await (await contributor.request('/api/v1/tokens', { json: { name: 'fixture' } })).json()) as { id: string }).id;
    const drafted = async () => ((await (await contributor.request('/api/v1/disclosure-requests', { json: { fromContract: requestPiid } })).json()) as { id: string }).id;
    [world.draftRequest, world.filedRequest] = [await drafted(), await drafted()];
    await contributor.request(`/api/v1/disclosure-requests/${world.filedRequest}/submit`, { json: { receivedAt: '2026-05-15' } });
    const uploaded = await contributor.request(`/api/v1/disclosure-requests/${world.filedRequest}/documents`, { json: { fileName: 'records.txt', mediaType: 'text/plain', contentBase64: Buffer.from('records enclosed').toString('base64') } });
    world.requestDocument = ((await uploaded.json()) as { documents: { id: string }[] }).documents[0]?.id ?? '';
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('has a line for every route of the API, and no line for a route that does not exist', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId)).sort();
    expect(Object.keys(EXPECTED).sort()).toEqual(operations);
  });

  it('lets exactly the expected actors past authorisation on every route', async () => {
    const client = async (actor: ActorKind): Promise<TestClient> => (actor === 'anonymous' ? anonymousClient(app) : quickClient(app, getStore(), actor, roleOf[actor]));
    const mismatches: string[] = [];
    for (const [operation, samples] of Object.entries(EXPECTED)) {
      for (const sample of samples) {
        for (const actor of ACTORS) {
          const path = sample.path(world, actor);
          const res = await (await client(actor)).request(`/api/v1${path}`, { method: sample.method, ...(sample.body ? { json: sample.body(world, actor) } : {}) });
          // Read every body: a streamed export holds its connection until it is consumed.
          const text = await res.text();
          if (res.status >= 500) mismatches.push(`${operation} ${sample.method} ${path} as ${actor}: ${res.status} ${text}`);
          const denied = res.status === 401 || res.status === 403 || res.status === 404;
          if (denied === sample.allowed.includes(actor)) mismatches.push(`${operation} ${sample.method} ${path} as ${actor}: ${res.status}, expected ${sample.allowed.includes(actor) ? 'allowed' : 'denied'}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 180_000); // every route × every actor: on PostgreSQL, on a shared machine, well past the default 30 s
});

/** An acquisition review of the own agency, with an exemption and a waiver whose notices are still due. */
async function givenReview(store: Parameters<typeof givenRecords>[0], agency: string, vendor: string, source: string): Promise<World['review']> {
  const product = uniqueId('matrix-product');
  await givenRecords(store, { products: [{ id: product, name: 'Matrix Tool', vendor, sources: [source] }] });
  const review = await store.transaction((tx) => openReview({ ctx: SYSTEM_CONTEXT, input: { agency, product, vendor, purpose: 'Matrix fixture', requestedStart: '2027' } }, tx));
  const ctx = contextFor({ kind: 'system', userId: null, actorId: 'system', role: 'admin', grants: [] });
  const exempt = await store.transaction((tx) => runReviewStep({ ctx, id: review.id, action: 'exemption', input: { purpose: 'testing', purchasedOn: '2026-01-01', description: 'fixture' } }, tx));
  const waived = await store.transaction((tx) => runReviewStep({ ctx, id: review.id, action: 'waiver', input: { grantedAt: '2026-01-01', expiresOn: '2026-12-31', reason: 'fixture' } }, tx));
  return { id: review.id, product, exemption: exempt.review.exemptions[0]?.id ?? '', waiver: waived.review.waivers[0]?.id ?? '' };
}
