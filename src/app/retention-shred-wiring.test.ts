import { expect, it } from 'vitest';
import { contextFor } from '../../test/support/contexts.js';
import { givenAgencyAndProduct } from '../../test/support/oversight-factories.js';
import { describeEachBackend } from '../../test/support/test-store.js';
import { targetNoticeWorkflow } from '../disclosure/target-notices/target-notice-workflow.js';
import { transition } from '../kernel/workflow/transition.js';
import { authorizeUse } from '../oversight/authorizations/authorize-use.js';
import { anAuthorizationRequest, givenReview, staffOf } from '../oversight/testing/uses-fixtures.js';
import { tick } from './tick.js';

describeEachBackend('the retention shred waits for a notice sent through the remedy module', (getStore) => {
  it('holds the target past retention while the notice is only opened, and shreds it when the notice is recorded as sent', async () => {
    const store = getStore();
    const { vendor, product, agency } = await givenAgencyAndProduct(store);
    const officer = staffOf('officer', agency);
    const review = await store.transaction((tx) => givenReview(tx, (actor) => contextFor(actor, new Date('2026-02-02T00:00:00Z')), { vendor, product, agency }, { notifiedAt: '2026-02-01' }));
    // Window to 30 March, notice due 15 April, retention ends 29 April.
    const a = await store.transaction((tx) => authorizeUse({ ctx: contextFor(officer, new Date('2026-03-01T00:00:00Z')), request: anAuthorizationRequest(review, { noticeDate: '2026-04-15', target: 'TARGET-VIA-REMEDY' }) }, tx));
    await tick(store, new Date('2026-04-30T12:00:00Z'));
    const notice = await store.transaction((tx) => tx.remedy.notices.findNoticeForAuthorization(a.id));
    expect(notice).toMatchObject({ status: 'due' });
    // Retention ended, the target has not been told: held.
    expect(await store.transaction((tx) => tx.uses.authorization(a.id))).toMatchObject({ targetShreddedAt: null, targetRef: a.targetRef });

    const at = new Date('2026-05-04T09:00:00Z');
    const step = (action: string, input: unknown) => store.transaction((tx) => transition({ ctx: contextFor(officer, at), workflow: targetNoticeWorkflow, id: notice?.id ?? '', action, input }, tx));
    await step('prepare', {});
    expect((await store.transaction((tx) => tx.uses.authorization(a.id)))?.targetShreddedAt).toBeNull();
    await step('send', { sentOn: '2026-05-04', method: 'post' });
    expect(await store.transaction((tx) => tx.uses.authorization(a.id))).toMatchObject({ targetShreddedAt: at.toISOString(), targetRef: null, noticeGivenAt: null });
    expect((await store.transaction((tx) => tx.seals.values([a.targetRef ?? '']))).size).toBe(0);
  });
});
