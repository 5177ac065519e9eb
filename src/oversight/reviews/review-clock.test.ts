import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../accounts/actor.js';
import { tick } from '../../app/tick.js';
import { recordDesignation } from '../../registry/commands/record-designation.js';
import { actorWithRole, contextFor } from '../../../test/support/contexts.js';
import { givenGraphiteWorld } from '../../../test/support/oversight-factories.js';
import { givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { eoSteps } from './acquisition-review.js';
import { openReview, runReviewStep } from './review-commands.js';

const grant = (role: 'officer' | 'certifying-official', agency: string): Actor => ({ kind: 'user', userId: `u-${role}`, actorId: `a-${role}`, role: 'contributor', grants: [{ role, scope: { kind: 'agency', id: agency } }] });

describeEachBackend('re-evaluation on designations, and the clocks of exemptions and waivers', (getStore) => {
  let w: Awaited<ReturnType<typeof givenGraphiteWorld>>;
  beforeAll(async () => {
    w = await givenGraphiteWorld(getStore());
  });
  const open = () => getStore().transaction((tx) => openReview({ ctx: contextFor(grant('officer', w.agency)), input: { agency: w.agency, product: w.product, vendor: w.vendor, purpose: 'Clock test', requestedStart: '2026' } }, tx));
  const step = (actor: Actor, id: string, action: string, input: unknown, now?: Date) => getStore().transaction((tx) => runReviewStep({ ctx: contextFor(actor, now), id, action, input }, tx));

  it('a designation of the vendor\'s subsidiary flags every active approval, and only those', async () => {
    const approved = await open();
    await step(grant('certifying-official', w.agency), approved.id, 'determine', { decision: 'approve', justification: 'Reviewed.' });
    const pending = await open();
    const elsewhere = uniqueId('elsewhere');
    await givenRecords(getStore(), { organizations: [{ id: elsewhere, name: 'Unrelated Ltd.', kind: 'vendor', sources: [w.source] }] });
    await getStore().transaction((tx) => recordDesignation({ ctx: contextFor(actorWithRole('editor')), designation: { subject: elsewhere, authority: 'US-BIS', list: 'Entity List', listed: '2026-11-01', sources: [w.source] } }, tx));
    expect((await getStore().transaction((tx) => tx.oversight.review(approved.id)))?.status).toBe('approved');
    await getStore().transaction((tx) => recordDesignation({ ctx: contextFor(actorWithRole('editor')), designation: { subject: w.subsidiary, authority: 'US-OFAC', list: 'SDN', listed: '2026-11-02', sources: [w.source] } }, tx));
    const flagged = await getStore().transaction((tx) => tx.oversight.review(approved.id));
    expect(flagged?.status).toBe('re-evaluation-required');
    expect(flagged?.reEvaluations[0]?.trigger).toMatch(new RegExp(`^designation:${w.subsidiary}--us-ofac--sdn--2026-11-02$`));
    expect((await getStore().transaction((tx) => tx.oversight.review(pending.id)))?.status).toBe('open');
    // Re-evaluated, the certifying official may determine again.
    const again = await step(grant('certifying-official', w.agency), approved.id, 'determine', { decision: 'deny', justification: 'Sanctioned subsidiary.' });
    expect(again.review.status).toBe('denied');
  });

  it('an approval under a stop-work order is flagged too: lifting the order leads to re-evaluation, not back to the approval', async () => {
    const review = await open();
    await step(grant('certifying-official', w.agency), review.id, 'determine', { decision: 'approve', justification: 'Reviewed.' });
    await step(grant('officer', w.agency), review.id, 'stop-work', { reason: 'compliance check' });
    await getStore().transaction((tx) => recordDesignation({ ctx: contextFor(actorWithRole('editor')), designation: { subject: w.parent, authority: 'US-BIS', list: 'Entity List', listed: '2026-11-03', sources: [w.source] } }, tx));
    const stopped = await getStore().transaction((tx) => tx.oversight.review(review.id));
    expect(stopped).toMatchObject({ status: 'stop-work', stoppedFrom: 're-evaluation-required', reEvaluations: [expect.objectContaining({ from: 'approved' })] });
    const { review: lifted } = await step(grant('officer', w.agency), review.id, 'resume', { reason: 'check done' });
    expect(lifted.status).toBe('re-evaluation-required');
  });

  it('the tick expires a waiver at its end and fires an exempt purchase\'s 45-day notice deadline, which the case page then shows overdue', async () => {
    const review = await open();
    const officer = grant('officer', w.agency);
    await step(officer, review.id, 'waiver', { grantedAt: '2026-01-01', expiresOn: '2026-06-30', reason: 'urgent' });
    await step(officer, review.id, 'exemption', { purpose: 'testing', purchasedOn: '2026-02-01', description: 'test rig' });
    await tick(getStore(), new Date('2026-07-02T12:00:00Z'));
    const after = await getStore().transaction((tx) => tx.oversight.review(review.id));
    expect(after?.waivers[0]?.expired).toBe(true);
    const deadlines = await getStore().transaction((tx) => tx.deadlines.ofCase('acquisition-review', review.id));
    expect(deadlines.filter((d) => d.state === 'fired').map((d) => d.kind.replace(/-[0-9a-f]{8}$/, '')).sort()).toEqual(['exemption-notice', 'waiver-expiry', 'waiver-notice']);
    const steps = eoSteps(after!, '2026-07-02');
    expect(steps.find((s) => s.key.startsWith('exemption-'))).toMatchObject({ state: 'overdue', date: '2026-03-18' });
    expect(steps.find((s) => s.key.startsWith('waiver-'))?.state).toBe('overdue');
  });
});
