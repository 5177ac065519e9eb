import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../accounts/actor.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import type { Ledger } from '../../ledger/sequencer/ledger.js';
import { contextFor } from '../../../test/support/contexts.js';
import { givenAgencyAndProduct } from '../../../test/support/oversight-factories.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { databaseBytes } from '../../../test/support/database-bytes.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { openStore } from '../../app/open-store.js';
import { tick } from '../../app/tick.js';
import { transition } from '../../kernel/workflow/transition.js';
import type { Store } from '../../store/store.js';
import { anAuthorizationRequest, givenReview, staffOf } from '../testing/uses-fixtures.js';
import type { AuthorizationRequest } from './authorization-input.js';
import { authorizationWorkflow, TARGET_SHREDDED_EVENT } from './authorization-workflow.js';
import type { Authorization } from './authorization.js';
import { authorizeUse } from './authorize-use.js';
import { targetRetention } from './target-retention.js';

async function givenApprovedReview(store: Store): Promise<{ agency: string; review: string }> {
  const { vendor, product, agency } = await givenAgencyAndProduct(store);
  const review = await store.transaction((tx) => givenReview(tx, (actor) => contextFor(actor, new Date('2026-02-02T00:00:00Z')), { agency, product, vendor }, { notifiedAt: '2026-02-01' }));
  return { agency, review };
}

/** What the seal store still holds of an authorisation's sealed fields (read back from the store itself). */
async function heldValues(store: Store, a: Authorization): Promise<{ docketNumber: unknown; target: unknown }> {
  const refs = [a.docketRef, a.targetRef].filter((r): r is string => r !== null);
  const values = await store.transaction((tx) => tx.seals.values(refs));
  return { docketNumber: a.docketRef ? values.get(a.docketRef) : undefined, target: a.targetRef ? values.get(a.targetRef) : undefined };
}

const shredEntries = async (store: Store, id: string) =>
  (await store.db.selectFrom('logEntries').select(['type', 'entry']).where('type', '=', TARGET_SHREDDED_EVENT).execute()).filter((e) => JSON.parse(e.entry).data.authorization === id);
const entryCount = async (store: Store) => Number((await store.db.selectFrom('logEntries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describeEachBackend('the sealed target is shredded when retention ends (issue #8: shredding follows the retention rules)', (getStore) => {
  let agency: string;
  let review: string;
  let clock = new Date('2026-03-01T12:00:00Z');
  const officer = () => staffOf('officer', agency);
  const authorize = (overrides: Partial<AuthorizationRequest>) => getStore().transaction((tx) => authorizeUse({ ctx: contextFor(officer(), clock), request: anAuthorizationRequest(review, overrides) }, tx));
  const step = (id: string, action: string, input: unknown, at: Date) => getStore().transaction((tx) => transition({ ctx: contextFor(officer(), at), workflow: authorizationWorkflow, id, action, input }, tx));
  const reload = async (a: Authorization) => (await getStore().transaction((tx) => tx.uses.authorization(a.id))) ?? a;

  // Told before retention ends: shredded when it ends.
  let told: Authorization;
  // Not told when retention ends (notice delayed to 30 June): held until told.
  let untold: Authorization;
  // The court extended the window: retention ends later.
  let extended: Authorization;
  let ledger: Ledger;
  afterAll(async () => {
    await ledger?.close();
  });

  beforeAll(async () => {
    ledger = await openTestLedger(getStore());
    ({ agency, review } = await givenApprovedReview(getStore()));
    // Window 1–30 March, 30 days' retention: deletion due 29 April (the end of that day, New York time).
    told = await authorize({ target: 'TARGET-TOLD +1 212 555 0101', docketNumber: '1:26-mj-00101', noticeDate: '2026-04-15' });
    untold = await authorize({ target: 'TARGET-UNTOLD +1 212 555 0102', docketNumber: '1:26-mj-00102', noticeDate: '2026-06-30' });
    extended = await authorize({ target: 'TARGET-EXTENDED +1 212 555 0103', docketNumber: '1:26-mj-00103', noticeDate: '2026-05-31' });
    await step(extended.id, 'extend', { validTo: '2026-04-20', courtOrder: 'Extension order, 2026-03-28' }, new Date('2026-03-28T12:00:00Z'));
    await step(told.id, 'give-notice', {}, new Date('2026-04-16T12:00:00Z'));
    await step(extended.id, 'give-notice', {}, new Date('2026-05-02T12:00:00Z'));
    await ledger.sequencer.integrate();
  });

  it('before the deadline the tick shreds nothing: every sealed value is still in the seal store', async () => {
    clock = new Date('2026-04-29T20:00:00Z'); // 16:00 in New York on the due date: retention has not ended
    await tick(getStore(), clock);
    for (const a of [told, untold, extended]) {
      const now = await reload(a);
      expect(now.targetShreddedAt).toBeNull();
      expect(now.targetRef).not.toBeNull();
      expect((await heldValues(getStore(), now)).target).toMatch(/^TARGET-/);
      expect(await shredEntries(getStore(), a.id)).toEqual([]);
    }
    // Once told, nothing is shredded early either: the notice on 16 April left the target held.
    expect(targetRetention(await reload(told), clock)).toBe('held');
  });

  it('when retention ends the tick shreds the target of a told target; the docket number stays sealed; the log says so; a second tick changes nothing', async () => {
    clock = new Date('2026-04-30T12:00:00Z');
    await tick(getStore(), clock);
    const after = await reload(told);
    expect(after).toMatchObject({ targetRef: null, targetShreddedAt: clock.toISOString() });
    // Read back from the seal store: the target is gone, the docket number is not.
    const values = await getStore().transaction((tx) => tx.seals.values([told.targetRef ?? '', told.docketRef ?? '']));
    expect(values.has(told.targetRef ?? '')).toBe(false);
    expect(values.get(told.docketRef ?? '')).toBe('1:26-mj-00101');
    const entries = await shredEntries(getStore(), told.id);
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]?.entry ?? '{}')).toMatchObject({ actor: 'system', data: { authorization: told.id, shredded: ['target'], keptSealed: ['docketNumber'], deletionDueOn: '2026-04-29', valuesShredded: 1 } });
    // The kernel's own entry too, against the granting entry's index: the log's seal pages show the field shredded.
    const index = await getStore().transaction((tx) => tx.uses.entryIndex(told.entryId));
    const kernel = await getStore().db.selectFrom('logEntries').select('entry').where('type', '=', 'ledger.seal.shredded').execute();
    expect(kernel.map((e) => JSON.parse(e.entry).data)).toContainEqual({ index: String(index), field: 'target' });
    // The window extended by court order to 20 April keeps its target until 20 May.
    expect((await heldValues(getStore(), await reload(extended))).target).toBe('TARGET-EXTENDED +1 212 555 0103');

    const before = await entryCount(getStore());
    await tick(getStore(), clock);
    await tick(getStore(), new Date('2026-05-01T12:00:00Z'));
    expect(await entryCount(getStore())).toBe(before);
    expect(await reload(told)).toMatchObject({ targetShreddedAt: clock.toISOString() });
    // The step itself refuses a second shred, and nobody but the system may run it.
    await expect(getStore().transaction((tx) => transition({ ctx: contextFor(SYSTEM, clock), workflow: authorizationWorkflow, id: told.id, action: 'shred-target', input: {} }, tx))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(step(untold.id, 'shred-target', {}, clock)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A court can no longer unseal what was shredded, and the refusal says when.
    await expect(step(told.id, 'unseal', { field: 'target', courtOrder: 'Unsealing order' }, clock)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('shredded under the retention rules on 2026-04-30') });
    // The docket number can still be unsealed by a court: it was never shredded.
    const { case: unsealed } = await step(told.id, 'unseal', { field: 'docketNumber', courtOrder: 'Unsealing order' }, clock);
    expect(unsealed.unsealed).toEqual({ docketNumber: '1:26-mj-00101' });
  });

  it('a target not yet told is held past retention, and shredded in the same transaction that records the notice', async () => {
    const held = await reload(untold);
    expect(targetRetention(held, clock)).toBe('held-for-notice');
    expect((await heldValues(getStore(), held)).target).toBe('TARGET-UNTOLD +1 212 555 0102');
    const toldOn = new Date('2026-07-01T09:00:00Z');
    await step(untold.id, 'give-notice', { note: 'by post' }, toldOn);
    expect(await reload(untold)).toMatchObject({ status: 'notice-given', targetRef: null, targetShreddedAt: toldOn.toISOString() });
    expect((await getStore().transaction((tx) => tx.seals.values([untold.targetRef ?? '']))).size).toBe(0);
    expect(await shredEntries(getStore(), untold.id)).toHaveLength(1);
  });

  it('an extension by court order moves the shred with the deletion date', async () => {
    await tick(getStore(), new Date('2026-05-20T20:00:00Z'));
    expect((await reload(extended)).targetShreddedAt).toBeNull();
    await tick(getStore(), new Date('2026-05-21T12:00:00Z'));
    expect(await reload(extended)).toMatchObject({ deletionDueOn: '2026-05-20', targetShreddedAt: '2026-05-21T12:00:00.000Z', targetRef: null });
    expect((await heldValues(getStore(), extended)).docketNumber).toBe('1:26-mj-00103');
  });

  it('the API and the public page say the target was shredded, and when; the docket number stays sealed', async () => {
    const app = createCountersignApp({ store: getStore(), now: () => new Date('2026-07-02T00:00:00Z') });
    const api = await app.request(`http://localhost/api/v1/authorizations/${told.id}`);
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ id: told.id, targetShreddedAt: '2026-04-30T12:00:00.000Z' });
    const page = await (await app.request(`http://localhost/authorizations/${extended.id}`)).text();
    expect(page).toContain('<strong>Shredded</strong> 21 May 2026 under the retention rules (retention ended 20 May 2026)');
    expect(page).toContain('kept sealed after retention ends');
    expect(page).not.toContain('TARGET-EXTENDED');
    const waiting = await authorize({ target: 'TARGET-PENDING', noticeDate: '2026-09-30', validFrom: '2026-07-05', validTo: '2026-07-31', retentionDays: 10 });
    const pending = await (await app.request(`http://localhost/authorizations/${waiting.id}`)).text();
    expect(pending).toContain('shredded when retention ends (10 August 2026), once the target has been told');
  });
});


describe('the shred at the end of retention erases the target from the SQLite files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'countersign-retention-shred-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the target is in the files before the tick and in no byte after it; the docket number stays', async () => {
    const file = join(dir, 'countersign.db');
    const store = await openStore(`sqlite:${file}`);
    const { agency, review } = await givenApprovedReview(store);
    const target = 'TARGET-MARKER-4c7e signal:+1 202 555 0177';
    const docket = 'DOCKET-MARKER-1:26-mj-09d2';
    const a = await store.transaction((tx) => authorizeUse({ ctx: contextFor(staffOf('officer', agency), new Date('2026-03-01T12:00:00Z')), request: anAuthorizationRequest(review, { target, docketNumber: docket, noticeDate: '2026-04-10' }) }, tx));
    await store.transaction((tx) => transition({ ctx: contextFor(staffOf('officer', agency), new Date('2026-04-11T12:00:00Z')), workflow: authorizationWorkflow, id: a.id, action: 'give-notice', input: {} }, tx));
    store.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
    expect(databaseBytes(file).includes(target)).toBe(true);
    await tick(store, new Date('2026-04-30T12:00:00Z'));
    await store.close();
    const bytes = databaseBytes(file);
    expect(bytes.includes(target)).toBe(false);
    expect(bytes.includes(docket)).toBe(true);
  });
});
