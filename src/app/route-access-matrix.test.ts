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

/**
 * Who may call what: every API route (read from the OpenAPI document, so a new route without a
 * line here fails the test) × every kind of actor — the global ladder, and scoped roles of the
 * route's own resource and of another one — against the table below. "Denied" is 401, 403, or
 * 404 for what the actor may not see; anything else below 500 got past authorisation (a 409 for
 * a step someone else already took counts). Each actor gets a fresh session per request.
 */
const ACTORS = ['anonymous', 'contributor', 'analyst', 'editor', 'admin', 'officer-own', 'officer-other'] as const;
type ActorKind = (typeof ACTORS)[number];

const EVERYONE: readonly ActorKind[] = ACTORS;
const SIGNED_IN: readonly ActorKind[] = ACTORS.filter((a) => a !== 'anonymous');
const ANALYSTS: readonly ActorKind[] = ['analyst', 'editor', 'admin'];
const EDITORS: readonly ActorKind[] = ['editor', 'admin'];
const ADMINS: readonly ActorKind[] = ['admin'];

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
  sealedIndex: string;
  treeSize: string;
}

interface Sample {
  readonly method: 'GET' | 'POST' | 'DELETE';
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
  recordDesignation: [post(() => '/designations', (w, a) => ({ subject: w.organization, authority: 'US-BIS', list: 'Entity List', listed: `2024-0${ACTORS.indexOf(a) + 1}-01`, sources: [w.source] }), EDITORS)],
  getOrganization: [get((w) => `/organizations/${w.organization}`)],
  getPerson: [get(() => '/people/nobody-at-all')].map((s) => ({ ...s, allowed: [] })),
  getProduct: [get(() => '/products/nothing-at-all')].map((s) => ({ ...s, allowed: [] })),
  getIncident: [get(() => '/incidents/nothing-at-all')].map((s) => ({ ...s, allowed: [] })),
  getContract: [get((w) => `/contracts/${w.piid}`)],
  getSource: [get((w) => `/sources/${w.source}`)],
  search: [get(() => '/search?q=vendor')],
  exportRegistry: [get(() => '/export?format=ndjson&type=source')],
  getRecordSchema: [get(() => '/record-schemas/organization')],
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
  listAlertAnnotations: [get((w) => `/alerts/${w.raisedAlert}/annotations`), get((w) => `/alerts/${w.pendingAlert}/annotations`, ANALYSTS)],
  annotateAlert: [post((w) => `/alerts/${w.raisedAlert}/annotations`, () => ({ note: 'checked against USAspending' }), ANALYSTS)],
  retractAlert: [post((w) => `/alerts/${w.raisedAlert}/retract`, () => ({ reason: 'matched a look-alike' }), EDITORS)],
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
};

describeEachBackend('route × role × scope access matrix', (getStore) => {
  let app: Hono<AppEnv>;
  let ledger: Ledger;
  let world: World;
  const roleOf: Record<Exclude<ActorKind, 'anonymous'>, UserRole> = { contributor: 'contributor', analyst: 'analyst', editor: 'editor', admin: 'admin', 'officer-own': 'contributor', 'officer-other': 'contributor' };

  beforeAll(async () => {
    const store = getStore();
    ledger = await openTestLedger(store);
    app = createCountersignApp({ store, ledger });
    const source = uniqueId('source');
    const organization = uniqueId('vendor');
    const [agencyOwn, agencyOther] = [uniqueId('agency-own'), uniqueId('agency-other')];
    await givenRecords(store, {
      sources: [{ id: source, title: 'Matrix report', publisher: 'Factory' }],
      organizations: [
        { id: organization, name: 'Matrix Vendor Ltd.', kind: 'vendor', sources: [source] },
        { id: agencyOwn, name: 'Own Agency', kind: 'government-agency', sources: [source] },
        { id: agencyOther, name: 'Other Agency', kind: 'government-agency', sources: [source] },
      ],
      designations: [{ subject: organization, authority: 'US-BIS', list: 'Entity List', listed: '2021-11-03', sources: [source] }],
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
      tokenOf: {}, sealedIndex: String(sealed.leafIndex), treeSize: String(ledger.sequencer.size),
    };
    // Scoped actors: an officer of the agency the resources belong to, and one of another agency.
    for (const [actor, agency] of [['officer-own', agencyOwn], ['officer-other', agencyOther]] as const) {
      await quickClient(app, store, actor, roleOf[actor]);
      await store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username: actor, role: 'officer', scope: `agency:${agency}` }, scopeExists: async () => true }, tx));
    }
    const contributor = await quickClient(app, store, 'contributor', 'contributor');
    world.tokenOf.contributor = ((await (await contributor.request('/api/v1/tokens', { json: { name: 'fixture' } })).json()) as { id: string }).id;
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
  });
});
