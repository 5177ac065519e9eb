import { expect, it } from 'vitest';
import { contextFor } from '../../../test/support/contexts.js';
import { givenAgencyAndProduct } from '../../../test/support/oversight-factories.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { tick } from '../../app/tick.js';
import { authorizeUse } from '../../oversight/authorizations/authorize-use.js';
import { anAuthorizationRequest, givenReview, staffOf } from '../../oversight/testing/uses-fixtures.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

describeEachBackend('the tick opens a notice to the target for the authorisation’s agency', (getStore) => {
  it('fires the delayed-notice deadline and opens one notice, scoped to the agency', async () => {
    const store = getStore();
    const { vendor, product, agency } = await givenAgencyAndProduct(store);
    const ctx = (actor: Parameters<typeof contextFor>[0]) => contextFor(actor, new Date('2026-01-10T00:00:00Z'));
    const review = await store.transaction((tx) => givenReview(tx, ctx, { vendor, product, agency }, { notifiedAt: '2026-01-01' }));
    const a = await store.transaction((tx) => authorizeUse({ ctx: contextFor(staffOf('officer', agency), new Date('2026-02-10T00:00:00Z')), request: anAuthorizationRequest(review, { validFrom: '2026-02-10', validTo: '2026-02-28', noticeDate: '2026-06-30' }) }, tx));
    await tick(store, NOW);
    const notices = await store.db.selectFrom('targetNotices').selectAll().where('authorizationId', '=', a.id).execute();
    expect(notices).toEqual([expect.objectContaining({ agency, status: 'due' })]);
    await tick(store, NOW);
    expect((await store.db.selectFrom('targetNotices').selectAll().where('authorizationId', '=', a.id).execute()).length).toBe(1);
  });
});
