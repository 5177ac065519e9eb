import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../accounts/actor.js';
import { replayLogInto } from '../../app/replay-log-into.js';
import { WORKFLOWS } from '../../app/workflows.js';
import { runTick } from '../../kernel/deadlines/run-tick.js';
import { actorWithRole, contextFor } from '../../../test/support/contexts.js';
import { givenOrganization } from '../../../test/support/registry-factories.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { describeEachBackend, openTestStore } from '../../../test/support/test-store.js';
import type { Store } from '../../store/store.js';
import { docketStep, openDocket } from './open-docket.js';

const NOW = new Date('2026-11-23T18:00:00.000Z');
const member = (i: number): Actor => ({ ...actorWithRole('contributor', `oak-member-${i}`), grants: [{ role: 'board-member', scope: { kind: 'board', id: 'oakland' } }] });
const clerk: Actor = { ...actorWithRole('contributor', 'oak-clerk'), grants: [{ role: 'board-clerk', scope: { kind: 'board', id: 'oakland' } }] };
const admin = actorWithRole('admin');

describeEachBackend('an Oakland approval: renewal, expiry by the tick, and a rejection the votes carry', (getStore, dialect) => {
  let store: Store;
  let agency: string;
  const step = (id: string, actor: Actor, action: string, input: unknown, now = NOW) => store.transaction((tx) => docketStep({ ctx: contextFor(actor, now), id, action, input }, tx));
  async function votedDocket(title: string, vote: 'yes' | 'no'): Promise<string> {
    const docket = await store.transaction((tx) => openDocket({ ctx: contextFor(admin, new Date('2026-09-01T18:00:00Z')), docket: { jurisdiction: 'oakland', agency, technology: title, title } }, tx));
    await step(docket.id, clerk, 'notice', { publishedAt: '2026-10-01' });
    await step(docket.id, clerk, 'hearing', { heldOn: '2026-11-01' });
    for (let i = 0; i < 5; i++) await step(docket.id, member(i), 'vote', { vote });
    return docket.id;
  }

  beforeAll(async () => {
    store = getStore();
    agency = (await givenOrganization(store, { kind: 'government-agency' })).organizationId;
  });

  it('renews an approval to a new expiry, then the tick flags its report overdue and expires it', async () => {
    const ledger = await openTestLedger(store);
    try {
      const id = await votedDocket('Drones', 'yes');
      const { docket } = await step(id, clerk, 'decide', { outcome: 'approve', expiresOn: '2026-12-31' });
      expect(docket).toMatchObject({ status: 'approved', expiresOn: '2026-12-31', reportDueOn: '2027-11-23' });
      expect(docket.decision?.beforeCommentsClosed).toBe(false);
      await expect(step(id, clerk, 'renew', { expiresOn: '2026-11-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await step(id, clerk, 'renew', { expiresOn: '2027-12-31', note: 'Annual review done.' });
      const open = await store.db.selectFrom('deadlines').select(['kind', 'dueDate', 'state']).where('caseId', '=', id).where('kind', '=', 'approval-expires').orderBy('startedAt').execute();
      expect(open.map((d) => [d.dueDate, d.state])).toEqual([['2026-12-31', 'stopped'], ['2027-12-31', 'open']]);
      // 2027-01-05: the first expiry was stopped by the renewal; nothing happens.
      await runTick({ now: new Date('2027-01-05T12:00:00Z') }, { transaction: (fn) => store.transaction(fn), workflows: WORKFLOWS });
      expect((await store.transaction((tx) => tx.dockets.getDocket(id)))?.status).toBe('approved');
      await runTick({ now: new Date('2028-01-02T12:00:00Z') }, { transaction: (fn) => store.transaction(fn), workflows: WORKFLOWS });
      expect((await store.transaction((tx) => tx.dockets.getDocket(id)))?.status).toBe('expired');
      const reports = await store.db.selectFrom('docketReports').select(['dueOn', 'status']).where('docketId', '=', id).execute();
      expect(reports).toEqual([{ dueOn: '2027-11-23', status: 'overdue' }]);
      await expect(step(id, clerk, 'renew', { expiresOn: '2029-01-01' }, new Date('2028-01-02T12:00:00Z'))).rejects.toMatchObject({ code: 'CONFLICT' });
      await ledger.sequencer.integrate();
      const target = await openTestStore(dialect);
      try {
        expect((await replayLogInto(store, target.store)).differences).toEqual([]);
      } finally {
        await target.dispose();
      }
    } finally {
      await ledger.close();
    }
  });

  it('rejects only when the votes do not carry approval', async () => {
    const id = await votedDocket('Face recognition', 'no');
    await expect(step(id, clerk, 'decide', { outcome: 'approve' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('not carried') });
    await expect(step(id, clerk, 'decide', { outcome: 'reject', reportDueOn: '2027-01-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const { docket } = await step(id, clerk, 'decide', { outcome: 'reject', note: 'Risks outweigh benefits.' });
    expect(docket).toMatchObject({ status: 'rejected', reportDueOn: null, decision: { outcome: 'reject', tally: { yes: 0, no: 5, members: 8 } } });
    expect(await store.db.selectFrom('docketReports').select('dueOn').where('docketId', '=', id).execute()).toEqual([]);
  });

  it('starts an NYC notice\'s deadlines: 45 days of comment, then the 90-day posting period before use', async () => {
    const docket = await store.transaction((tx) => openDocket({ ctx: contextFor(admin, NOW), docket: { jurisdiction: 'nyc', agency, technology: 'Drones', title: 'Drones over parades' } }, tx));
    const { docket: noticed } = await step(docket.id, { ...clerk, grants: [{ role: 'board-clerk', scope: { kind: 'board', id: 'nyc' } }] }, 'notice', { publishedAt: '2026-11-23' });
    expect(noticed.notice).toMatchObject({ commentsCloseOn: '2027-01-07', earliestUseOn: '2027-02-21' });
    const deadlines = await store.db.selectFrom('deadlines').select(['kind', 'dueDate', 'calendar']).where('caseId', '=', docket.id).orderBy('dueAt').execute();
    expect(deadlines).toEqual([{ kind: 'comment-period-ends', dueDate: '2027-01-07', calendar: 'us-ny' }, { kind: 'posting-period-ends', dueDate: '2027-02-20', calendar: 'us-ny' }]);
  });
});
