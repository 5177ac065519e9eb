import { expect, it } from 'vitest';
import { DRAFT_SUBJECT_READERS } from '../../app/draft-subject-readers.js';
import { replayLogInto } from '../../app/replay-log-into.js';
import { transition } from '../../kernel/workflow/transition.js';
import { disclosureRequestSection } from '../../store/disclosure/requests/request-public-section.js';
import { actorWithRole, contextFor } from '../../../test/support/contexts.js';
import { givenOrganization, givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { describeEachBackend, openTestStore } from '../../../test/support/test-store.js';
import { draftRequest } from './draft-request.js';
import { requestWorkflow } from './request-workflow.js';

const reporter = contextFor(actorWithRole('contributor', 'reporter'), new Date('2026-05-20T12:00:00Z'));

describeEachBackend('disclosure requests replay from the log', (getStore, dialect) => {
  it('rebuilds every filed request — letter, clock, tracking numbers, correspondence, document hashes — and no draft', async () => {
    const store = getStore();
    const ledger = await openTestLedger(store);
    try {
      const { sourceId, organizationId: agency } = await givenOrganization(store, { name: 'Replay Agency', kind: 'government-agency' });
      const piid = uniqueId('70REPLAY').toUpperCase();
      await givenRecords(store, { contracts: [{ piid, buyer: agency, sources: [sourceId], transactions: [{ event: 'award', date: '2024-09-27', sources: [sourceId] }, { event: 'stop-work', date: '2024-10-08', modification: 'P00001', sources: [sourceId] }] }] });
      const draft = () => store.transaction((tx) => draftRequest({ ctx: reporter, from: { kind: 'contract', id: piid }, readers: DRAFT_SUBJECT_READERS, requesterName: 'A. Reporter' }, tx));
      const step = (id: string, action: string, input: unknown = {}, occurredAt?: string) =>
        store.transaction((tx) => transition({ ctx: reporter, workflow: requestWorkflow, id, action, input, ...(occurredAt ? { occurredAt } : {}) }, tx));
      const filed = await draft();
      await draft(); // stays a draft: not public, not replayed
      await step(filed.id, 'submit', { receivedAt: '2026-05-15' });
      await step(filed.id, 'acknowledge', { trackingNumber: '2026-ICFO-01234', note: 'Received and assigned.' }, '2026-05-18');
      await step(filed.id, 'receive-document', { fileName: 'interim.txt', mediaType: 'text/plain', content: new TextEncoder().encode('Interim release'), text: 'Interim release', pages: null, embargoUntil: '2026-06-30' });
      await step(filed.id, 'determine', { outcome: 'partial', note: 'Released in part.' }, '2026-05-19');
      await step(filed.id, 'appeal');
      await ledger.sequencer.integrate();
      const live = await disclosureRequestSection.items(store.db);
      expect(live.map(([key]) => key)).toEqual([filed.id]);
      expect(live[0]?.[1]).toContain('2026-ICFO-01234');
      const target = await openTestStore(dialect);
      try {
        const outcome = await replayLogInto(store, target.store);
        expect(outcome.differences).toEqual([]);
        expect(await disclosureRequestSection.items(target.store.db)).toEqual(live);
        // The log carries the hash, never the bytes: a replayed copy has the metadata only.
        expect(await target.store.db.selectFrom('disclosureDocumentContents').select('documentId').execute()).toEqual([]);
      } finally {
        await target.dispose();
      }
    } finally {
      await ledger.close();
    }
  });
});
