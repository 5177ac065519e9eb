import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { shredField } from '../../kernel/erasure/unseal-field.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { givenOrganization, givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { anonymousClient, quickClient } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import type { AppEnv } from '../../server/app-env.js';
import { KyselyAlertStore } from '../../store/procurement/kysely-alert-store.js';
import { aScreenedTransaction } from '../testing/screened-transaction-factory.js';
import { recordScreenedTransactions } from './record-screened-transactions.js';

describeEachBackend('alerts on the workflow kernel', (getStore) => {
  let app: Hono<AppEnv>;
  let vendor: string;
  beforeAll(async () => {
    app = createCountersignApp({ store: getStore() });
    ({ organizationId: vendor } = await givenOrganization(getStore()));
  });

  const save = (screened: Parameters<typeof recordScreenedTransactions>[0]['screened']) =>
    getStore().transaction((tx) => recordScreenedTransactions({ ctx: SYSTEM_CONTEXT, screened, watchlistVersion: 'w1' }, tx));

  it('never publishes the server path of a screened file: the origin is its name and line', async () => {
    const screened = aScreenedTransaction({ organizationId: vendor, piid: uniqueId('70ORIGIN').toUpperCase() });
    await save([screened]);
    const list = (await (await anonymousClient(app).request(`/api/v1/alerts?organization=${vendor}`)).json()) as { items: { origin: string; piid: string }[] };
    const alert = list.items.find((a) => a.piid === screened.transaction.piid);
    expect(alert?.origin).toMatch(/^screen-\d+\.csv:\d+$/);
    expect(JSON.stringify(list)).not.toContain('/data/incoming');
    const entries = await getStore().db.selectFrom('logEntries').select('entry').where('type', '=', 'procurement.alert.raised').execute();
    expect(entries.map((e) => e.entry).join('\n')).not.toContain('/data/incoming');
  });

  it('answers 409 (not 500) when a confirmed match has an award key another contract holds, and keeps it in the queue', async () => {
    const holder = uniqueId('70HOLDER').toUpperCase();
    const awardKey = `CONT_AWD_${holder}_7012_-NONE-_-NONE-`;
    const { sourceId } = await givenOrganization(getStore());
    await givenRecords(getStore(), { sources: [{ id: uniqueId('src'), title: 'x', publisher: 'y' }], contracts: [{ piid: holder, awardKey, recipient: vendor, sources: [sourceId] }] });
    const other = uniqueId('70OTHER').toUpperCase();
    const summary = await save([aScreenedTransaction({ organizationId: vendor, piid: other, decision: 'review', awardKey })]);
    expect(summary.queued).toBe(1);
    const analyst = await quickClient(app, getStore(), 'ana', 'analyst');
    const queue = (await (await analyst.request('/api/v1/alerts?status=pending')).json()) as { items: { id: string; piid: string }[] };
    const item = queue.items.find((a) => a.piid === other);
    const res = await analyst.request(`/api/v1/alerts/${item?.id}/review`, { json: { decision: 'confirm' } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toContain(`already belongs to contract ${holder}`);
    expect((await new KyselyAlertStore(getStore().db).get(item?.id ?? ''))?.status).toBe('pending');
    // A confident match with the same conflict is held for review instead of failing the whole save.
    const again = await save([aScreenedTransaction({ organizationId: vendor, piid: uniqueId('70AGAIN').toUpperCase(), decision: 'alert', awardKey })]);
    expect(again).toMatchObject({ raised: 0, queued: 1 });
  });

  it('keeps a review item\'s details only in the seal store: the row holds none, and shredding erases them', async () => {
    const piid = uniqueId('70SEALED').toUpperCase();
    await save([aScreenedTransaction({ organizationId: vendor, piid, decision: 'review' })]);
    const row = await getStore().db.selectFrom('alerts').selectAll().where('transactionKey', 'like', `CONT_TX_${piid}_%`).executeTakeFirstOrThrow();
    expect([row.piid, row.organizationId, row.organizationName, row.transaction, row.awardKey]).toEqual([null, null, null, null, null]);
    expect((await new KyselyAlertStore(getStore().db).get(row.id))?.piid).toBe(piid);
    const ledger = await openTestLedger(getStore());
    await ledger.sequencer.integrate();
    const entry = await getStore().db.selectFrom('logEntries').innerJoin('logEntrySubjects', 'logEntrySubjects.logEntryId', 'logEntries.id').select('logEntries.leafIndex').where('logEntrySubjects.subject', '=', `alert:${row.id}`).executeTakeFirstOrThrow();
    await getStore().transaction((tx) => shredField({ ctx: SYSTEM_CONTEXT, index: BigInt(entry.leafIndex ?? -1), field: 'match' }, tx));
    await ledger.close();
    expect(await new KyselyAlertStore(getStore().db).get(row.id)).toBeNull();
    const values = await getStore().db.selectFrom('sealedValues').select('value').execute();
    expect(values.map((v) => v.value).join('\n')).not.toContain(piid);
  });
});
