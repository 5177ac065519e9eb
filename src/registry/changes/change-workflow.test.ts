import { beforeAll, expect, it } from 'vitest';
import { shredField } from '../../kernel/erasure/unseal-field.js';
import { actorWithRole, contextFor, SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { givenOrganization, uniqueId } from '../../../test/support/registry-factories.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { proposeChange } from '../commands/propose-change.js';
import { acceptChange } from '../commands/review-change.js';

describeEachBackend('the change workflow keeps a proposal sealed', (getStore) => {
  let sourceId: string;
  beforeAll(async () => {
    ({ sourceId } = await givenOrganization(getStore()));
  });

  it('stores a pending proposal only in the seal store; once shredded it cannot be accepted', async () => {
    const store = getStore();
    const id = uniqueId('secret-target-org');
    const change = await store.transaction((tx) => proposeChange({ ctx: contextFor(actorWithRole('analyst')), proposal: { action: 'upsert', recordType: 'organization', record: { id, name: 'Sealed Proposal Ltd.', kind: 'vendor', sources: [sourceId] } } }, tx));
    expect(change).toMatchObject({ status: 'pending', recordId: id });
    const row = await store.db.selectFrom('changes').selectAll().where('id', '=', change.id).executeTakeFirstOrThrow();
    expect([row.recordId, row.data]).toEqual([null, null]);
    expect(JSON.stringify(row)).not.toContain('Sealed Proposal');

    const ledger = await openTestLedger(store);
    await ledger.sequencer.integrate();
    const entry = await store.db.selectFrom('logEntries').innerJoin('logEntrySubjects', 'logEntrySubjects.logEntryId', 'logEntries.id').select('logEntries.leafIndex').where('logEntrySubjects.subject', '=', `change:${change.id}`).executeTakeFirstOrThrow();
    await store.transaction((tx) => shredField({ ctx: SYSTEM_CONTEXT, index: BigInt(entry.leafIndex ?? -1), field: 'proposal' }, tx));
    await ledger.close();
    const values = await store.db.selectFrom('sealedValues').select('value').execute();
    expect(values.map((v) => v.value).join('\n')).not.toContain('Sealed Proposal');
    expect(values.map((v) => v.value).join('\n')).not.toContain(id);
    await expect(store.transaction((tx) => acceptChange({ ctx: contextFor(actorWithRole('editor')), changeId: change.id }, tx))).rejects.toThrow(/shredded/);
  });
});
