import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../accounts/actor.js';
import { contextFor, SYSTEM_CONTEXT, actorWithRole } from '../../../test/support/contexts.js';
import { uniqueId } from '../../../test/support/registry-factories.js';
import { givenGraphiteWorld } from '../../../test/support/oversight-factories.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { proposeChange } from '../../registry/commands/propose-change.js';
import { acceptChange } from '../../registry/commands/review-change.js';
import { isApprovalActive, useOpensOn } from './acquisition-review.js';
import { openReview, runReviewStep } from './review-commands.js';

function staff(role: 'officer' | 'certifying-official', agency: string, name: string = role): Actor {
  return { kind: 'user', userId: `user-${name}`, actorId: `actor-${name}`, role: 'contributor', grants: [{ role, scope: { kind: 'agency', id: agency } }] };
}

describeEachBackend('acquisition reviews on the workflow kernel', (getStore) => {
  let w: Awaited<ReturnType<typeof givenGraphiteWorld>>;
  beforeAll(async () => {
    w = await givenGraphiteWorld(getStore());
  });

  const open = (actor: Actor) => getStore().transaction((tx) => openReview({ ctx: contextFor(actor), input: { agency: w.agency, product: w.product, vendor: w.vendor, purpose: 'Investigations of serious crime', requestedStart: '2026-12-01' } }, tx));
  const step = (actor: Actor, id: string, action: string, input: unknown, now?: Date) => getStore().transaction((tx) => runReviewStep({ ctx: contextFor(actor, now), id, action, input }, tx));

  it('pre-fills improper use with the incidents of the product and of the vendor\'s family; approving without a justification is refused, with one accepted', async () => {
    const review = await open(staff('officer', w.agency));
    const improper = review.factors.find((f) => f.kind === 'improper-use');
    expect(improper?.presence).toBe('present');
    expect(improper?.evidence).toEqual(expect.arrayContaining([`incident:${w.italy}`, `incident:${w.viaSubsidiary}`]));
    expect(review.status).toBe('open');

    await expect(step(staff('certifying-official', w.agency), review.id, 'determine', { decision: 'approve' })).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'justification' }] });
    expect((await getStore().transaction((tx) => tx.oversight.review(review.id)))?.status).toBe('open');
    // An officer (or an admin) cannot determine: only the agency's certifying official.
    await expect(step(staff('officer', w.agency), review.id, 'determine', { decision: 'deny' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(step(actorWithRole('admin'), review.id, 'determine', { decision: 'deny' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(step(staff('certifying-official', 'other-agency'), review.id, 'determine', { decision: 'deny' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const { review: approved } = await step(staff('certifying-official', w.agency), review.id, 'determine', { decision: 'approve', justification: 'Narrow use under warrant; vendor cut ties with Italy.' });
    expect(approved.status).toBe('approved');
    expect(approved.determination).toMatchObject({ decision: 'approve', justification: 'Narrow use under warrant; vendor cut ties with Italy.', factorsPresent: ['improper-use'] });
    expect(isApprovalActive(approved)).toBe(true);
  });

  it('refuses another agency\'s officer, and unknown registry ids with the field named', async () => {
    await expect(open(staff('officer', 'someone-else'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getStore().transaction((tx) => openReview({ ctx: contextFor(staff('officer', w.agency)), input: { agency: w.agency, product: 'no-such-product', vendor: w.vendor, purpose: 'x y z', requestedStart: '2026' } }, tx))).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'product' }] });
  });

  it('opens use 7 calendar days after the notice (which needs due diligence), or on consent', async () => {
    const review = await open(staff('officer', w.agency));
    const officer = staff('officer', w.agency);
    await expect(step(officer, review.id, 'notice', { notifiedAt: '2026-11-02' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await step(officer, review.id, 'complete-due-diligence', { on: '2026-11-01', note: 'State Department guidance applied' });
    const { review: noticed } = await step(officer, review.id, 'notice', { notifiedAt: '2026-11-02' });
    expect(useOpensOn(noticed)).toBe('2026-11-09');
    const deadlines = await getStore().transaction((tx) => tx.deadlines.ofCase('acquisition-review', review.id));
    expect(deadlines.find((d) => d.kind === 'use-opens')).toMatchObject({ dueDate: '2026-11-09', state: 'open' });
    const { review: consented } = await step(officer, review.id, 'consent', { consentedAt: '2026-11-04' });
    expect(useOpensOn(consented)).toBe('2026-11-04');
  });

  it('a new incident through the editorial workflow flips the approval to re-evaluation-required, with the incident linked', async () => {
    const review = await open(staff('officer', w.agency));
    await step(staff('certifying-official', w.agency), review.id, 'determine', { decision: 'approve-with-conditions', justification: 'Reviewed.', conditions: 'Warrant only.' });
    const incident = uniqueId('graphite-new');
    const change = await getStore().transaction((tx) => proposeChange({ ctx: contextFor(actorWithRole('analyst')), proposal: { action: 'upsert', recordType: 'incident', record: { id: incident, title: 'Graphite found on a priest\'s phone', date: '2026-10', product: w.product, sources: [w.source] } } }, tx));
    await getStore().transaction((tx) => acceptChange({ ctx: contextFor(actorWithRole('editor')), changeId: change.id }, tx));
    const after = await getStore().transaction((tx) => tx.oversight.review(review.id));
    expect(after?.status).toBe('re-evaluation-required');
    expect(after?.reEvaluations).toEqual([expect.objectContaining({ trigger: `incident:${incident}`, from: 'approved-with-conditions' })]);
    const entry = await getStore().db.selectFrom('logEntries').select('entry').where('type', '=', 'oversight.review.re-evaluation-required').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.entry).toContain(`"trigger":"incident:${incident}"`);
    // A denied or unrelated review is untouched; editing a record the review already weighed changes nothing.
    expect(isApprovalActive(after!)).toBe(false);
  });

  it('stop-work returns to the state it stopped, with reasons; a waiver is at most a year and starts its 72-hour notice', async () => {
    const officer = staff('officer', w.agency);
    const review = await open(officer);
    const { review: stopped } = await step(officer, review.id, 'stop-work', { reason: 'to review and verify compliance with Executive Order 14093', orderedOn: '2026-10-08' });
    expect(stopped).toMatchObject({ status: 'stop-work', stoppedFrom: 'open' });
    const { review: resumed } = await step(officer, review.id, 'resume', { reason: 'review complete' });
    expect(resumed.status).toBe('open');
    expect(resumed.stopWork[0]).toMatchObject({ orderedOn: '2026-10-08', liftReason: 'review complete' });
    await expect(step(officer, review.id, 'waiver', { grantedAt: '2026-11-01', expiresOn: '2027-11-02', reason: 'x y z' })).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'expiresOn' }] });
    const { review: waived } = await step(officer, review.id, 'waiver', { grantedAt: '2026-11-01T12:00:00Z', expiresOn: '2027-11-01', reason: 'national security' });
    const deadlines = await getStore().transaction((tx) => tx.deadlines.ofCase('acquisition-review', review.id));
    expect(deadlines.find((d) => d.kind.startsWith('waiver-notice-'))?.dueAt).toBe('2026-11-04T12:00:00.000Z');
    expect(waived.waivers[0]?.presidentNoticeDueAt).toBe('2026-11-04T12:00:00.000Z');
    const { review: exempt } = await step(officer, review.id, 'exemption', { purpose: 'research', purchasedOn: '2026-10-01', description: 'a test licence' });
    expect(exempt.exemptions[0]?.noticeDueOn).toBe('2026-11-15');
  });

  it('two certifying officials deciding at once: one wins, the other gets 409 and appends nothing', async () => {
    const review = await open(staff('officer', w.agency));
    const before = await getStore().db.selectFrom('logEntries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const results = await Promise.allSettled([
      step(staff('certifying-official', w.agency, 'a'), review.id, 'determine', { decision: 'deny' }),
      step(staff('certifying-official', w.agency, 'b'), review.id, 'determine', { decision: 'approve', justification: 'ok' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    const after = await getStore().db.selectFrom('logEntries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(1);
  });

  it('publishes the justification, and seals a classified part of it: committed in the log, its text only in the seal store', async () => {
    const review = await open(staff('officer', w.agency));
    const secret = `classified-annex-${review.id}`;
    await step(staff('certifying-official', w.agency), review.id, 'determine', { decision: 'approve', justification: 'Public reasons.', sealedJustification: secret });
    const entry = await getStore().db.selectFrom('logEntries').select('entry').where('type', '=', 'oversight.review.determined').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.entry).toContain('Public reasons.');
    expect(entry.entry).not.toContain(secret);
    expect(entry.entry).toContain('sealedJustification');
    const row = await getStore().db.selectFrom('acquisitionReviews').select('document').where('id', '=', review.id).executeTakeFirstOrThrow();
    expect(row.document).not.toContain(secret);
    const values = await getStore().db.selectFrom('sealedValues').select('value').execute();
    expect(values.some((v) => v.value.includes(secret))).toBe(true);
  });

  it('refuses (400, nothing appended) a step that would make the review too large for one log entry', async () => {
    const officer = staff('officer', w.agency);
    const review = await open(officer);
    const long = 'x'.repeat(5000);
    let refused: unknown;
    for (let i = 0; i < 12 && refused === undefined; i++) {
      try {
        await step(officer, review.id, 'stop-work', { reason: long });
        await step(officer, review.id, 'resume', { reason: long });
      } catch (error) {
        refused = error;
      }
    }
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('transparency-log entry') });
    const stored = await getStore().transaction((tx) => tx.oversight.review(review.id));
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThan(56_000);
  });

  it('the system alone may flag re-evaluation', async () => {
    const review = await open(staff('officer', w.agency));
    await expect(step(actorWithRole('admin'), review.id, 're-evaluate', { trigger: `incident:${w.italy}`, title: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    void SYSTEM_CONTEXT;
  });
});
