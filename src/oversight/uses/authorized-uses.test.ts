import { beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../../test/support/contexts.js';
import { givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { transition, openCase } from '../../kernel/workflow/transition.js';
import type { Store } from '../../store/store.js';
import { authorizationWorkflow, TARGET_NOTICE_DUE_EVENT } from '../authorizations/authorization-workflow.js';
import { authorizeUse } from '../authorizations/authorize-use.js';
import { auditWorkflow } from '../audits/audit-workflow.js';
import { anAuthorizationRequest, givenReview, staffOf } from '../testing/uses-fixtures.js';
import { recordUse } from './record-use.js';
import { tick } from '../../app/tick.js';
import { actorWithRole } from '../../../test/support/contexts.js';
import { configureOffenceCategories } from '../authorizations/configure-offence-categories.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const ctx = (actor: Parameters<typeof contextFor>[0]) => contextFor(actor, NOW);

async function givenWorld(store: Store) {
  const source = uniqueId('src');
  const vendor = uniqueId('vendor');
  const product = uniqueId('graphite');
  const agency = uniqueId('agency');
  await givenRecords(store, {
    sources: [{ id: source, title: 'Report', publisher: 'Factory Press', date: '2025-03-19' }],
    organizations: [{ id: vendor, name: `Vendor ${vendor}`, kind: 'vendor', sources: [source] }, { id: agency, name: `Agency ${agency}`, kind: 'government-agency', country: 'US', sources: [source] }],
    products: [{ id: product, name: 'Graphite', vendor, sources: [source] }],
  });
  return { vendor, product, agency };
}

describeEachBackend('authorised uses and post-use audits', (getStore) => {
  let w: Awaited<ReturnType<typeof givenWorld>>;
  let review: string;
  const officer = () => staffOf('officer', w.agency);
  const authorize = (request: unknown, actor = officer()) => getStore().transaction((tx) => authorizeUse({ ctx: ctx(actor), request }, tx));
  const use = (request: unknown) => getStore().transaction((tx) => recordUse({ ctx: ctx(officer()), request }, tx));
  const entryCount = async () => Number((await getStore().db.selectFrom('logEntries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    w = await givenWorld(getStore());
    // Notice to the APNSA on 1 February 2026: operational use opens on 8 February.
    review = await getStore().transaction((tx) => givenReview(tx, ctx, w, { notifiedAt: '2026-02-01' }));
  });

  it('refuses an authorisation with no serious-crime category, or one not configured, and changes nothing', async () => {
    const before = await entryCount();
    const { offenceCategory: _none, ...withoutCategory } = anAuthorizationRequest(review);
    await expect(authorize(withoutCategory)).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ path: 'offenceCategory' })] });
    await expect(authorize(anAuthorizationRequest(review, { offenceCategory: 'jaywalking' }))).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('no category, no authorisation') });
    expect(await entryCount()).toBe(before);
  });

  it('refuses a window that starts before the notice clock opens, naming the opening date', async () => {
    await expect(authorize(anAuthorizationRequest(review, { validFrom: '2026-02-05' }))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('opens on 2026-02-08') });
    const unnoticed = await getStore().transaction((tx) => givenReview(tx, ctx, w));
    await expect(authorize(anAuthorizationRequest(unnoticed))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('notice clock has not started') });
  });

  it('refuses under a review that is not an active approval, and another agency’s officer', async () => {
    const open = await getStore().transaction((tx) => givenReview(tx, ctx, w, { notifiedAt: '2026-02-01', approve: false }));
    await expect(authorize(anAuthorizationRequest(open))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('not an active approval') });
    await expect(authorize(anAuthorizationRequest(review), staffOf('officer', 'another-agency'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(authorize(anAuthorizationRequest(review), staffOf('auditor', w.agency))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('grants an authorisation: docket and target sealed (only a keyed pseudonym public), notice and deletion deadlines started', async () => {
    const a = await authorize(anAuthorizationRequest(review));
    const again = await authorize(anAuthorizationRequest(review, { docketNumber: '1:26-mj-00999', target: '  +1 212 555 0148 ' }));
    expect(a).toMatchObject({ status: 'authorized', agency: w.agency, product: w.product, deletionDueOn: '2026-04-29', noticeDueOn: '2026-06-30' });
    expect(a.targetPseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect(again.targetPseudonym).toBe(a.targetPseudonym);
    const entry = (await getStore().db.selectFrom('logEntries').select('entry').where('id', '=', a.entryId).executeTakeFirstOrThrow()).entry;
    expect(entry).not.toContain('555 0148');
    expect(entry).not.toContain('00417');
    expect(JSON.parse(entry)).toMatchObject({ type: 'oversight.authorization.granted', sealed: { docketNumber: expect.any(String), target: expect.any(String) } });
    const deadlines = await getStore().transaction((tx) => tx.deadlines.ofCase('authorization', a.id));
    expect(deadlines.find((d) => d.kind === 'target-notice')).toMatchObject({ dueDate: '2026-06-30', firesEvent: TARGET_NOTICE_DUE_EVENT, state: 'open' });
    expect(deadlines.find((d) => d.kind === 'deletion-due')).toMatchObject({ dueDate: '2026-04-29', state: 'open' });

    // A court order moves the notice date; the deadline moves with it.
    await getStore().transaction((tx) => transition({ ctx: ctx(officer()), workflow: authorizationWorkflow, id: a.id, action: 'extend-notice', input: { noticeDate: '2026-09-30', courtOrder: 'Order of 2026-06-20' } }, tx));
    const moved = await getStore().transaction((tx) => tx.deadlines.ofCase('authorization', a.id));
    expect(moved.filter((d) => d.kind === 'target-notice').map((d) => [d.dueDate, d.state])).toEqual(expect.arrayContaining([['2026-06-30', 'stopped'], ['2026-09-30', 'open']]));
  });

  it('records every use — out of window, beyond scope, before the clock, citing nothing — each breach a public finding', async () => {
    const a = await authorize(anAuthorizationRequest(review, { dataCategories: ['location'] }));
    const clean = await use({ authorization: a.id, dataCategories: ['location'], occurredAt: '2026-03-05T09:00:00Z' });
    const outside = await use({ authorization: a.id, dataCategories: ['location', 'messages'], occurredAt: '2026-04-05T09:00:00Z' });
    const early = await use({ authorization: a.id, dataCategories: ['location'], occurredAt: '2026-02-02T09:00:00Z' });
    const nothing = await use({ authorization: 'no-such-authorisation', agency: w.agency, dataCategories: ['contacts'], occurredAt: '2026-03-05' });
    const findings = await getStore().db.selectFrom('oversightFindings').select(['kind', 'subject']).where('agency', '=', w.agency).where('auditId', 'is', null).execute();
    const kindsOf = (id: string) => findings.filter((f) => f.subject === `use:${id}`).map((f) => f.kind).sort();
    expect(kindsOf(clean.id)).toEqual([]);
    expect(kindsOf(outside.id)).toEqual(['use-beyond-scope', 'use-outside-window']);
    expect(kindsOf(early.id)).toEqual(['use-before-notice-clock', 'use-outside-window']);
    expect(kindsOf(nothing.id)).toEqual(['use-without-authorization']);
    await expect(use({ authorization: 'no-such-authorisation', dataCategories: ['contacts'] })).rejects.toMatchObject({ code: 'NOT_FOUND', issues: [{ path: 'agency' }] });
  });

  it('an audit finds the overdue deletion and notice, a sharing without basis; sign-off publishes statistics with nothing sealed', async () => {
    const agency = uniqueId('audited');
    const world = { ...w, agency };
    const source = uniqueId('src');
    await givenRecords(getStore(), { sources: [{ id: source, title: 'Report', publisher: 'Factory Press' }], organizations: [{ id: agency, name: `Audited ${agency}`, kind: 'government-agency', sources: [source] }] });
    const r = await getStore().transaction((tx) => givenReview(tx, ctx, world, { notifiedAt: '2026-02-01' }));
    const o = staffOf('officer', agency);
    const overdue = await getStore().transaction((tx) => authorizeUse({ ctx: ctx(o), request: anAuthorizationRequest(r) }, tx));
    const deleted = await getStore().transaction((tx) => authorizeUse({ ctx: ctx(o), request: anAuthorizationRequest(r, { offenceCategory: 'terrorism', jurisdiction: 'NY' }) }, tx));
    await getStore().transaction((tx) => transition({ ctx: ctx(o), workflow: authorizationWorkflow, id: deleted.id, action: 'confirm-deletion', input: {}, occurredAt: '2026-04-20' }, tx));
    await getStore().transaction((tx) => transition({ ctx: ctx(o), workflow: authorizationWorkflow, id: deleted.id, action: 'give-notice', input: {}, occurredAt: '2026-06-29' }, tx));
    await getStore().transaction((tx) => transition({ ctx: ctx(o), workflow: authorizationWorkflow, id: deleted.id, action: 'share', input: { recipient: 'A foreign service' }, occurredAt: '2026-03-10' }, tx));
    await getStore().transaction((tx) => recordUse({ ctx: ctx(o), request: { authorization: overdue.id, dataCategories: ['messages'], occurredAt: '2026-03-02T08:00:00Z' } }, tx));
    await getStore().transaction((tx) => recordUse({ ctx: ctx(o), request: { authorization: overdue.id, dataCategories: ['camera'], occurredAt: '2026-04-15T08:00:00Z' } }, tx));
    await getStore().transaction((tx) => recordUse({ ctx: ctx(o), request: { authorization: 'a-warrant-nobody-recorded', agency, dataCategories: ['contacts'], occurredAt: '2026-05-01' } }, tx));

    const auditor = staffOf('auditor', agency);
    await expect(getStore().transaction((tx) => openCase({ ctx: ctx(o), workflow: auditWorkflow, via: 'run', input: { agency, periodStart: '2026-01-01', periodEnd: '2026-12-31' } }, tx))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { case: audit } = await getStore().transaction((tx) => openCase({ ctx: ctx(auditor), workflow: auditWorkflow, via: 'run', input: { agency, periodStart: '2026-01-01', periodEnd: '2026-12-31' } }, tx));
    expect(audit.findingsByKind).toEqual({ 'deletion-overdue': 1, 'notice-overdue': 1, 'sharing-without-basis': 1, 'use-outside-window': 1, 'use-beyond-scope': 1, 'use-without-authorization': 1 });
    const found = await getStore().db.selectFrom('oversightFindings').select(['kind', 'subject', 'detail']).where('auditId', '=', audit.id).execute();
    expect(found).toEqual(expect.arrayContaining([{ kind: 'deletion-overdue', subject: `authorization:${overdue.id}`, detail: 'deletion was due on 2026-04-29 and is not confirmed' }]));

    const { case: signed } = await getStore().transaction((tx) => transition({ ctx: ctx(auditor), workflow: auditWorkflow, id: audit.id, action: 'sign-off', input: { note: 'Two authorisations reviewed.' } }, tx));
    expect(signed.status).toBe('signed-off');
    expect(signed.statistics).toMatchObject({
      byJurisdiction: [expect.objectContaining({ key: 'NY', authorizations: 1 }), expect.objectContaining({ key: 'federal', authorizations: 1, averageOriginalDays: 30 })],
      byOffence: [expect.objectContaining({ key: 'drug-offences' }), expect.objectContaining({ key: 'terrorism' })],
      notices: { given: 1, givenLate: 0, overdue: 1, pending: 0 },
      uses: { total: 3, flaggedWhenRecorded: 2 },
    });
    expect(JSON.stringify(signed.statistics)).not.toContain('555');
  });

  it('the tick fires the delayed-notice date as oversight.authorization.target-notice-due, naming the authorisation (what remedies listen for)', async () => {
    const a = await authorize(anAuthorizationRequest(review, { validFrom: '2026-04-01', validTo: '2026-04-10', noticeDate: '2026-04-20' }));
    await tick(getStore(), new Date('2026-04-21T12:00:00Z'));
    const entries = await getStore().db.selectFrom('logEntries').select('entry').where('type', '=', TARGET_NOTICE_DUE_EVENT).execute();
    const fired = entries.map((e) => JSON.parse(e.entry) as { data: { case: string; caseType: string; kind: string; dueDate: string } }).find((e) => e.data.case === a.id);
    expect(fired?.data).toMatchObject({ caseType: 'authorization', kind: 'target-notice', dueDate: '2026-04-20' });
    const deadlines = await getStore().transaction((tx) => tx.deadlines.ofCase('authorization', a.id));
    expect(deadlines.find((d) => d.kind === 'target-notice')?.state).toBe('fired');
  });

  it('first authorisations of an agency arriving together agree on one pseudonym key', async () => {
    const world = await givenWorld(getStore());
    const r = await getStore().transaction((tx) => givenReview(tx, ctx, world, { notifiedAt: '2026-02-01' }));
    const o = staffOf('officer', world.agency);
    const granted = await Promise.all(Array.from({ length: 6 }, (_, i) => getStore().transaction((tx) => authorizeUse({ ctx: ctx(o), request: anAuthorizationRequest(r, { docketNumber: `d-${i}` }) }, tx))));
    expect(new Set(granted.map((a) => a.targetPseudonym)).size).toBe(1);
    expect(await getStore().db.selectFrom('oversightAgencyKeys').select('agency').where('agency', '=', world.agency).execute()).toHaveLength(1);
  });

  it('an admin configures another list of serious crimes, on the log; an authorisation must then name one of those', async () => {
    const list = [{ id: 'state-wiretap-felony', label: 'A felony listed in the state wiretap statute', statute: 'Mass. Gen. Laws ch. 272, § 99(B)(7)' }];
    await expect(getStore().transaction((tx) => configureOffenceCategories({ ctx: ctx(officer()), categories: list }, tx))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getStore().transaction((tx) => configureOffenceCategories({ ctx: ctx(actorWithRole('admin')), categories: [{ id: 'x' }] }, tx))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await getStore().transaction((tx) => configureOffenceCategories({ ctx: ctx(actorWithRole('admin')), categories: list }, tx));
    expect(await getStore().transaction((tx) => tx.uses.offenceCategories())).toEqual(list);
    await expect(authorize(anAuthorizationRequest(review))).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'offenceCategory' }] });
    expect(await authorize(anAuthorizationRequest(review, { offenceCategory: 'state-wiretap-felony' }))).toMatchObject({ offenceCategory: 'state-wiretap-felony' });
  });

});
