import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../../test/support/contexts.js';
import { givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { describeEachBackend, openTestStore } from '../../../test/support/test-store.js';
import { checkPublicState } from '../../app/check-public-state.js';
import { replayLogInto } from '../../app/replay-log-into.js';
import { openCase, transition } from '../../kernel/workflow/transition.js';
import type { Ledger } from '../../ledger/sequencer/ledger.js';
import { readSealedFields } from '../../store/ledger/read-sealed-fields.js';
import { authorizationWorkflow } from '../authorizations/authorization-workflow.js';
import { authorizeUse } from '../authorizations/authorize-use.js';
import type { Authorization } from '../authorizations/authorization.js';
import { auditWorkflow } from '../audits/audit-workflow.js';
import { anAuthorizationRequest, givenReview, staffOf } from '../testing/uses-fixtures.js';
import { recordUse } from './record-use.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const ctx = (actor: Parameters<typeof contextFor>[0]) => contextFor(actor, NOW);

describeEachBackend('authorised uses on the log: replay rebuilds them, a court unseals against the commitment', (getStore, dialect) => {
  let ledger: Ledger;
  let authorization: Authorization;
  let agency: string;
  beforeAll(async () => {
    const store = getStore();
    ledger = await openTestLedger(store);
    const source = uniqueId('src');
    const vendor = uniqueId('vendor');
    const product = uniqueId('graphite');
    agency = uniqueId('agency');
    await givenRecords(store, {
      sources: [{ id: source, title: 'Report', publisher: 'Factory Press' }],
      organizations: [{ id: vendor, name: `Vendor ${vendor}`, kind: 'vendor', sources: [source] }, { id: agency, name: `Agency ${agency}`, kind: 'government-agency', country: 'US', sources: [source] }],
      products: [{ id: product, name: 'Graphite', vendor, sources: [source] }],
    });
    const review = await store.transaction((tx) => givenReview(tx, ctx, { agency, product, vendor }, { notifiedAt: '2026-02-01' }));
    const officer = staffOf('officer', agency);
    authorization = await store.transaction((tx) => authorizeUse({ ctx: ctx(officer), request: anAuthorizationRequest(review) }, tx));
    const other = await store.transaction((tx) => authorizeUse({ ctx: ctx(officer), request: anAuthorizationRequest(review, { offenceCategory: 'kidnapping', validTo: '2026-03-10' }) }, tx));
    const step = (id: string, action: string, input: unknown, occurredAt?: string) => store.transaction((tx) => transition({ ctx: ctx(officer), workflow: authorizationWorkflow, id, action, input, ...(occurredAt ? { occurredAt } : {}) }, tx));
    await step(other.id, 'extend', { validTo: '2026-04-10', courtOrder: 'Extension order of 2026-03-08' });
    await step(other.id, 'extend-notice', { noticeDate: '2026-12-31', courtOrder: 'Order delaying notice' });
    await step(other.id, 'confirm-deletion', { note: 'wiped' }, '2026-05-01');
    await step(authorization.id, 'share', { recipient: 'State police', legalBasis: '18 U.S.C. § 2517(1)' }, '2026-03-20');
    await step(authorization.id, 'share', { recipient: 'A private contractor' }, '2026-03-21');
    await step(authorization.id, 'give-notice', {}, '2026-07-02');
    for (let i = 0; i < 5; i++) await store.transaction((tx) => recordUse({ ctx: ctx(officer), request: { authorization: i === 4 ? 'nothing-on-record' : authorization.id, agency, dataCategories: i === 3 ? ['camera'] : ['messages'], occurredAt: `2026-03-0${i + 2}T10:00:00Z` } }, tx));
    const auditor = staffOf('auditor', agency);
    const { case: audit } = await store.transaction((tx) => openCase({ ctx: ctx(auditor), workflow: auditWorkflow, via: 'run', input: { agency, periodStart: '2026-01-01', periodEnd: '2026-12-31' } }, tx));
    await store.transaction((tx) => transition({ ctx: ctx(auditor), workflow: auditWorkflow, id: audit.id, action: 'sign-off', input: {} }, tx));
    await ledger.sequencer.integrate();
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('a court order unseals the docket number: published in the log, and it opens the commitment made when it was granted', async () => {
    const store = getStore();
    // Only an officer of the agency (or an admin) records the unsealing order.
    await expect(store.transaction((tx) => transition({ ctx: ctx(staffOf('officer', 'elsewhere')), workflow: authorizationWorkflow, id: authorization.id, action: 'unseal', input: { field: 'docketNumber', courtOrder: 'x' } }, tx))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { case: after } = await store.transaction((tx) => transition({ ctx: ctx(staffOf('officer', agency)), workflow: authorizationWorkflow, id: authorization.id, action: 'unseal', input: { field: 'docketNumber', courtOrder: 'Unsealing order, 2026-11-20' } }, tx));
    expect(after.unsealed).toEqual({ docketNumber: '1:26-mj-00417' });
    await ledger.sequencer.integrate();
    const entry = await store.db.selectFrom('logEntries').select(['id', 'leafIndex', 'entry']).where('id', '=', authorization.entryId).executeTakeFirstOrThrow();
    const fields = await readSealedFields(store.db, { entryId: entry.id, index: BigInt(entry.leafIndex ?? -1), sealed: JSON.parse(entry.entry).sealed });
    // A use may cite the authorisation by its log receipt.
    const cited = await store.transaction((tx) => recordUse({ ctx: ctx(staffOf('officer', agency)), request: { authorization: `log:${entry.leafIndex}`, dataCategories: ['messages'], occurredAt: '2026-03-09T10:00:00Z' } }, tx));
    expect(cited.authorization).toBe(authorization.id);
    await ledger.sequencer.integrate();
    expect(fields).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'docketNumber', state: 'unsealed', value: '1:26-mj-00417', opens: true }),
      // Retention ended on 29 April and the notice was recorded (on 23 November): the target was shredded then.
      expect.objectContaining({ field: 'target', state: 'shredded' }),
    ]));
    expect((await store.transaction((tx) => tx.uses.authorization(authorization.id)))?.targetShreddedAt).toBe(NOW.toISOString());
  });

  it('replays the log into an empty database: authorisations, uses, sharings, findings and audits come back the same (the audit re-run reaches its digest)', async () => {
    const target = await openTestStore(dialect);
    try {
      const outcome = await replayLogInto(getStore(), target.store);
      expect(outcome.differences).toEqual([]);
      expect(outcome.replayed.digest).toBe(outcome.live.digest);
      expect(Number((await target.store.db.selectFrom('oversightFindings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(3);
      expect(await checkPublicState(getStore())).toEqual([]);
    } finally {
      await target.dispose();
    }
  });

  it('a direct edit of a finding is named by the check', async () => {
    const store = getStore();
    const finding = await store.db.selectFrom('oversightFindings').select('id').where('agency', '=', agency).orderBy('id').executeTakeFirstOrThrow();
    await store.db.deleteFrom('oversightFindings').where('id', '=', finding.id).execute();
    expect(await checkPublicState(store)).toEqual([{ section: 'finding', key: finding.id, kind: 'only-in-replay' }]);
  });
});
