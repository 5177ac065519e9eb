import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../accounts/actor.js';
import { checkPublicState } from '../../app/check-public-state.js';
import { replayLogInto } from '../../app/replay-log-into.js';
import type { Ledger } from '../../ledger/sequencer/ledger.js';
import { proposeChange } from '../../registry/commands/propose-change.js';
import { acceptChange } from '../../registry/commands/review-change.js';
import { actorWithRole, contextFor } from '../../../test/support/contexts.js';
import { givenGraphiteWorld } from '../../../test/support/oversight-factories.js';
import { uniqueId } from '../../../test/support/registry-factories.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { describeEachBackend, openTestStore } from '../../../test/support/test-store.js';
import { openReview, runReviewStep } from './review-commands.js';

const grant = (role: 'officer' | 'certifying-official', agency: string): Actor => ({ kind: 'user', userId: `u-${role}`, actorId: `a-${role}`, role: 'contributor', grants: [{ role, scope: { kind: 'agency', id: agency } }] });

describeEachBackend('acquisition reviews replay from the log', (getStore, dialect) => {
  let ledger: Ledger;
  let reviewId: string;
  beforeAll(async () => {
    const store = getStore();
    ledger = await openTestLedger(store);
    const w = await givenGraphiteWorld(store);
    const officer = contextFor(grant('officer', w.agency));
    const review = await store.transaction((tx) => openReview({ ctx: officer, input: { agency: w.agency, product: w.product, vendor: w.vendor, purpose: 'Replay', requestedStart: '2027' } }, tx));
    reviewId = review.id;
    const step = (ctx: typeof officer, action: string, input: unknown) => store.transaction((tx) => runReviewStep({ ctx, id: review.id, action, input }, tx));
    await step(officer, 'answer-factor', { factor: 'counterintelligence', presence: 'absent', answer: 'No foreign control found.', evidence: [`source:${w.source}`] });
    await step(officer, 'stop-work', { reason: 'compliance', orderedOn: '2026-10-08' });
    await step(officer, 'resume', { reason: 'done', liftedOn: '2026-11' });
    await step(officer, 'complete-due-diligence', { on: '2026-11-01' });
    await step(contextFor(grant('certifying-official', w.agency)), 'determine', { decision: 'approve', justification: 'Replayable justification.' });
    await step(officer, 'notice', { notifiedAt: '2026-11-02' });
    await step(officer, 'waiver', { grantedAt: '2026-11-01', expiresOn: '2027-10-01', reason: 'waived' });
    const change = await store.transaction((tx) => proposeChange({ ctx: contextFor(actorWithRole('analyst')), proposal: { action: 'upsert', recordType: 'incident', record: { id: uniqueId('graphite-later'), title: 'Later Graphite case', product: w.product, sources: [w.source] } } }, tx));
    await store.transaction((tx) => acceptChange({ ctx: contextFor(actorWithRole('editor')), changeId: change.id }, tx));
    await ledger.sequencer.integrate();
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('rebuilds every review — factors, steps, determination, re-evaluation — from the log alone, and the check finds nothing', async () => {
    const target = await openTestStore(dialect);
    try {
      const outcome = await replayLogInto(getStore(), target.store);
      expect(outcome.differences).toEqual([]);
      const replayed = await target.store.transaction((tx) => tx.oversight.review(reviewId));
      expect(replayed).toMatchObject({ status: 're-evaluation-required', determination: { justification: 'Replayable justification.' } });
      expect(replayed?.reEvaluations).toHaveLength(1);
    } finally {
      await target.dispose();
    }
    expect(await checkPublicState(getStore())).toEqual([]);
  });

  it('names a review edited behind the log\'s back', async () => {
    const store = getStore();
    await store.db.updateTable('acquisitionReviews').set({ status: 'approved' }).where('id', '=', reviewId).execute();
    expect(await checkPublicState(store)).toEqual([expect.objectContaining({ section: 'acquisition-review', key: reviewId, kind: 'changed' })]);
  });
});
