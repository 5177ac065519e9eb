import { afterAll, beforeAll, expect, it } from 'vitest';
import { actorWithRole, contextFor, SYSTEM_CONTEXT } from '../../test/support/contexts.js';
import { givenOrganization, uniqueId } from '../../test/support/registry-factories.js';
import { openTestLedger } from '../../test/support/test-ledger.js';
import { describeEachBackend, openTestStore } from '../../test/support/test-store.js';
import type { Ledger } from '../ledger/sequencer/ledger.js';
import { recordScreenedTransactions } from '../procurement/alerts/record-screened-transactions.js';
import { reviewScreeningMatch } from '../procurement/alerts/review-screening-match.js';
import { aScreenedTransaction } from '../procurement/testing/screened-transaction-factory.js';
import { proposeChange } from '../registry/commands/propose-change.js';
import { acceptChange, rejectChange } from '../registry/commands/review-change.js';
import { verifyRecord } from '../registry/commands/verify-record.js';
import { moderateTip } from '../registry/tips/moderate-tip.js';
import { submitTip } from '../registry/tips/submit-tip.js';
import { unsealField } from '../kernel/erasure/unseal-field.js';
import { readSealedFields } from '../store/ledger/read-sealed-fields.js';
import { checkPublicState } from './check-public-state.js';
import { replayLogInto } from './replay-log-into.js';

const analyst = contextFor(actorWithRole('analyst'));
const editor = contextFor(actorWithRole('editor'));

describeEachBackend('the log is the history: replay and the public-state check', (getStore, dialect) => {
  let ledger: Ledger;
  let organizationId: string;
  let raisedAlert: string;
  beforeAll(async () => {
    const store = getStore();
    ledger = await openTestLedger(store);
    const given = await givenOrganization(store);
    organizationId = given.organizationId;
    const propose = (name: string) => store.transaction((tx) => proposeChange({ ctx: analyst, proposal: { action: 'upsert', recordType: 'organization', record: { id: uniqueId('org'), name, kind: 'vendor', sources: [given.sourceId] } } }, tx));
    const accepted = await propose('Accepted Ltd.');
    await store.transaction((tx) => acceptChange({ ctx: editor, changeId: accepted.id, note: 'checked' }, tx));
    const rejected = await propose('Rejected Ltd.');
    await store.transaction((tx) => rejectChange({ ctx: editor, changeId: rejected.id, note: 'no source' }, tx));
    await propose('Still Pending Ltd.');
    await store.transaction((tx) => verifyRecord({ ctx: editor, recordType: 'organization', id: organizationId, status: 'verified' }, tx));
    const { tip } = await store.transaction((tx) => submitTip({ ctx: analyst, tip: { subject: 'A lead', body: 'Something worth a look.' } }, tx));
    await store.transaction((tx) => moderateTip({ ctx: analyst, tipId: tip.id, moderation: { decision: 'accepted' } }, tx));
    const screened = [
      aScreenedTransaction({ organizationId, piid: uniqueId('70RAISED').toUpperCase() }),
      aScreenedTransaction({ organizationId, piid: uniqueId('70CONFIRM').toUpperCase(), decision: 'review', event: 'stop-work' }),
      aScreenedTransaction({ organizationId, piid: uniqueId('70DISMISS').toUpperCase(), decision: 'review' }),
    ];
    await store.transaction((tx) => recordScreenedTransactions({ ctx: SYSTEM_CONTEXT, screened, watchlistVersion: 'w' }, tx));
    const alerts = await store.db.selectFrom('alerts').select(['id', 'status', 'transactionKey']).execute();
    const byKey = (piid: string) => alerts.find((a) => a.transactionKey.includes(piid))?.id ?? '';
    raisedAlert = byKey(screened[0]?.transaction.piid ?? '');
    await store.transaction((tx) => reviewScreeningMatch({ ctx: analyst, alertId: byKey(screened[1]?.transaction.piid ?? ''), decision: 'confirm', note: 'same UEI' }, tx));
    await store.transaction((tx) => reviewScreeningMatch({ ctx: analyst, alertId: byKey(screened[2]?.transaction.piid ?? ''), decision: 'dismiss' }, tx));
    await ledger.sequencer.integrate();
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('rebuilds every public item — records, change history, alerts — from the log alone', async () => {
    const target = await openTestStore(dialect);
    try {
      const outcome = await replayLogInto(getStore(), target.store);
      expect(outcome.differences).toEqual([]);
      expect(outcome.replayed.digest).toBe(outcome.live.digest);
      const sections = await target.store.db.selectFrom('alerts').select('status').execute();
      expect(sections.map((a) => a.status).sort()).toEqual(['confirmed', 'raised']);
      const changes = await target.store.db.selectFrom('changes').select(['status']).execute();
      expect(changes.map((c) => c.status).sort()).toEqual(expect.arrayContaining(['applied', 'pending', 'rejected']));
    } finally {
      await target.dispose();
    }
  });

  it('reports nothing while writes arrive: it reads one snapshot and replays the committed entries too', async () => {
    const store = getStore();
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing && i < 200; i++) {
        await store.transaction((tx) => submitTip({ ctx: analyst, tip: { subject: `Lead ${i}`, body: 'Something worth a look.' } }, tx));
        await store.transaction((tx) => verifyRecord({ ctx: editor, recordType: 'organization', id: organizationId, status: i % 2 === 0 ? 'documented' : 'verified' }, tx));
        if (i % 5 === 0) await ledger.sequencer.integrate();
      }
    })();
    try {
      for (let run = 0; run < 3; run++) expect(await checkPublicState(store)).toEqual([]);
    } finally {
      writing = false;
      await writer;
    }
    await ledger.sequencer.integrate();
  });

  it('finds nothing on the untouched database, and names each item a direct edit changed', async () => {
    const store = getStore();
    expect(await checkPublicState(store)).toEqual([]);
    await store.db.updateTable('organizations').set({ name: 'Renamed In SQL' }).where('id', '=', organizationId).execute();
    await store.db.updateTable('alerts').set({ status: 'dismissed' }).where('id', '=', raisedAlert).execute();
    const change = await store.db.selectFrom('changes').select('id').where('status', '=', 'applied').where('recordId', '=', organizationId).executeTakeFirstOrThrow();
    await store.db.updateTable('changes').set({ reviewedBy: 'someone-else' }).where('id', '=', change.id).execute();
    // An unsealed field whose stored value is edited afterwards: the log's publishing entry still says what was published.
    const tipEntry = await store.db.selectFrom('logEntries').select(['leafIndex', 'id']).where('type', '=', 'tips.tip.submitted').where('leafIndex', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    await store.transaction((tx) => unsealField({ ctx: SYSTEM_CONTEXT, index: BigInt(tipEntry.leafIndex ?? -1), field: 'subject' }, tx));
    await ledger.sequencer.integrate();
    const opening = await store.db.selectFrom('sealOpenings').select('valueId').where('logEntryId', '=', tipEntry.id).where('field', '=', 'subject').executeTakeFirstOrThrow();
    await store.db.updateTable('sealedValues').set({ value: JSON.stringify('Something else entirely') }).where('id', '=', opening.valueId).execute();
    const differences = await checkPublicState(store);
    expect(differences).toEqual(expect.arrayContaining([
      { section: 'organization', key: organizationId, kind: 'changed' },
      { section: 'alert', key: raisedAlert, kind: 'only-in-replay' },
      { section: 'change', key: change.id, kind: 'changed' },
      { section: 'unsealed', key: `${tipEntry.leafIndex}/subject`, kind: 'changed' },
    ]));
    expect(differences).toHaveLength(4);
    // What the public is shown is what the log published, not the edited table.
    const [subject] = (await readSealedFields(store.db, { entryId: tipEntry.id, index: BigInt(tipEntry.leafIndex ?? -1), sealed: { subject: JSON.parse((await store.db.selectFrom('logEntries').select('entry').where('id', '=', tipEntry.id).executeTakeFirstOrThrow()).entry).sealed.subject } }));
    expect(subject).toMatchObject({ state: 'unsealed', value: 'A lead', opens: true });
  });
});
