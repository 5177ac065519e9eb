import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { atLeast } from '../../accounts/policy.js';
import { eventRuntime } from '../../app/event-runtime.js';
import { submitTip } from '../../registry/tips/submit-tip.js';
import { tipWorkflow, type TipCase, type TipsTransaction } from '../../registry/tips/tip-workflow.js';
import { deadlinesOfCase } from '../../store/kernel/kysely-deadline-store.js';
import type { Store, StoreTransaction } from '../../store/store.js';
import { actorWithRole, contextFor } from '../../../test/support/contexts.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { stepsFor, type Workflow } from '../workflow/workflow.js';
import type { Deadline } from './deadline.js';
import { runTick } from './run-tick.js';

const step = stepsFor<TipCase, TipsTransaction>();

/** Tips with one step a deadline runs: `expire` dismisses the tip and stops its `answer` deadline. */
const expiringTips: Workflow<TipCase, TipsTransaction> = {
  ...tipWorkflow,
  transitions: {
    ...tipWorkflow.transitions,
    expire: step.transition({ label: 'Expire', event: 'tips.tip.moderated', from: ['pending'], to: 'dismissed', policy: atLeast('admin'), input: z.strictObject({}), deadlines: { stop: ['answer'] },
      async effect() {
        return { data: { decision: 'dismissed' } };
      },
    }),
  },
};
const workflows = new Map([['tip', expiringTips as Workflow<unknown, StoreTransaction>]]);

async function aTip(store: Store): Promise<string> {
  return (await store.transaction((tx) => submitTip({ ctx: contextFor(actorWithRole('analyst')), tip: { subject: 'A lead', body: 'Worth a deadline.' } }, tx))).tip.id;
}

/** Starts an open deadline on a tip; `onFire` names the step the tick runs. */
async function aDeadline(store: Store, caseId: string, kind: string, dueAt: string, onFire: string | null = null): Promise<Deadline> {
  const deadline: Deadline = {
    id: randomUUID(), caseType: 'tip', caseId, kind, label: kind, dueAt, dueDate: null, calendar: null, state: 'open', firesEvent: 'kernel.deadline.fired', onFire,
    startedAt: '2026-01-01T00:00:00.000Z', firedAt: null, stoppedAt: null, stopReason: null,
  };
  await store.transaction((tx) => tx.deadlines.start(deadline));
  return deadline;
}

/** The log entries appended after row `after`, in log order, as [type, what they concern, data]. */
async function entriesAfter(store: Store, after: number): Promise<[string, string, Record<string, unknown>][]> {
  const rows = await store.db.selectFrom('logEntries').select(['type', 'entry']).where('id', '>', after).orderBy('id').execute();
  return rows.map((r) => {
    const entry = z.object({ subjects: z.array(z.string()), data: z.record(z.string(), z.unknown()) }).parse(JSON.parse(r.entry));
    return [r.type, entry.subjects.join(' '), entry.data];
  });
}

async function lastEntryId(store: Store): Promise<number> {
  const row = await store.db.selectFrom('logEntries').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
  return Number(row.id ?? 0);
}

async function stateOf(store: Store, deadline: Deadline): Promise<string | undefined> {
  return (await deadlinesOfCase(store.db, 'tip', deadline.caseId)).find((d) => d.id === deadline.id)?.state;
}

/** The entry one deadline appends when it fires (what firing one by one appended before runs). */
const firedData = (d: Deadline, error?: string) => ({ deadline: d.id, caseType: 'tip', case: d.caseId, kind: d.kind, dueAt: d.dueAt, dueDate: null, ...(error ? { error } : {}) });

// Each test seeds deadlines due in a year of its own and fires all of them, so the ticks of one never reach another's.
describeEachBackend('the tick fires a batch in runs', (getStore) => {
  it.each([500, 2])('logs what firing one by one logs, in that order, and a step that stops a later deadline of the batch stops it (batches of %i)', async (batchSize) => {
    const store = getStore();
    const year = batchSize === 500 ? 2030 : 2031;
    const [first, expiring, last] = [await aTip(store), await aTip(store), await aTip(store)];
    const q1 = await aDeadline(store, first, 'reminder', `${year}-01-01T00:00:01.000Z`);
    const followUp = await aDeadline(store, expiring, 'follow-up', `${year}-01-01T00:00:02.000Z`, 'expire');
    const answer = await aDeadline(store, expiring, 'answer', `${year}-01-01T00:00:03.000Z`);
    const q2 = await aDeadline(store, last, 'reminder', `${year}-01-01T00:00:04.000Z`);
    const notDue = await aDeadline(store, last, 'later', '2099-01-01T00:00:00.000Z');
    const before = await lastEntryId(store);

    const report = await runTick({ now: new Date(`${year}-01-02T00:00:00Z`), batchSize }, { transaction: (fn) => store.transaction(fn), workflows });

    expect(report).toEqual({ fired: 3, transitioned: 1, failed: [] });
    expect(await entriesAfter(store, before)).toEqual([
      ['kernel.deadline.fired', `tip:${first}`, firedData(q1)],
      ['kernel.deadline.fired', `tip:${expiring}`, firedData(followUp)],
      ['tips.tip.moderated', `tip:${expiring}`, expect.objectContaining({ tip: expiring, decision: 'dismissed', from: 'pending', to: 'dismissed' })],
      ['kernel.deadline.fired', `tip:${last}`, firedData(q2)],
    ]);
    expect(await Promise.all([q1, followUp, answer, q2, notDue].map((d) => stateOf(store, d)))).toEqual(['fired', 'fired', 'stopped', 'fired', 'open']);
  });

  it('lets a subscriber of a fired entry act before the next deadline is marked', async () => {
    const store = getStore();
    const [a, b] = [await aTip(store), await aTip(store)];
    // A subscriber that stops the other tip's deadline when the trigger fires: a run must end at the trigger.
    const stopping = store.withEvents(eventRuntime([{ name: 'test.stop-other', on: ['kernel.deadline.fired'], handle: async (event, tx) => {
      if (z.object({ kind: z.string() }).parse(event.data).kind === 'trigger') await tx.deadlines.stop('tip', b, ['later'], event.time, 'stopped by a subscriber');
    } }]));
    const trigger = await aDeadline(store, a, 'trigger', '2032-01-01T00:00:01.000Z');
    const later = await aDeadline(store, b, 'later', '2032-01-01T00:00:02.000Z');
    const before = await lastEntryId(store);

    const report = await runTick({ now: new Date('2032-01-02T00:00:00Z') }, { transaction: (fn) => stopping.transaction(fn), workflows });

    expect(report).toEqual({ fired: 1, transitioned: 0, failed: [] });
    expect(await entriesAfter(store, before)).toEqual([['kernel.deadline.fired', `tip:${a}`, firedData(trigger)]]);
    expect([await stateOf(store, trigger), await stateOf(store, later)]).toEqual(['fired', 'stopped']);
  });

  it('fires each of many deadlines exactly once when two ticks run at once', async () => {
    const store = getStore();
    const tip = await aTip(store);
    const seeded: Deadline[] = [];
    for (let i = 0; i < 120; i += 1) seeded.push(await aDeadline(store, tip, `reminder-${i}`, new Date(Date.UTC(2033, 0, 1, 0, 0, i % 7)).toISOString()));
    const before = await lastEntryId(store);
    const deps = { transaction: <T,>(fn: (tx: StoreTransaction) => Promise<T>) => store.transaction(fn), workflows };

    const [a, b] = await Promise.all([runTick({ now: new Date('2033-01-02T00:00:00Z'), batchSize: 25 }, deps), runTick({ now: new Date('2033-01-02T00:00:00Z'), batchSize: 25 }, deps)]);

    expect(a.fired + b.fired).toBe(120);
    const logged = (await entriesAfter(store, before)).map(([, , data]) => data.deadline);
    expect(logged).toHaveLength(120);
    expect(new Set(logged)).toEqual(new Set(seeded.map((d) => d.id)));
    expect(new Set(await Promise.all(seeded.map((d) => stateOf(store, d))))).toEqual(new Set(['fired']));
  });

  it('rolls a batch back whole when a step fails in it, then fires its deadlines one by one with the error recorded', async () => {
    const store = getStore();
    const [first, broken, last] = [await aTip(store), await aTip(store), await aTip(store)];
    const q1 = await aDeadline(store, first, 'reminder', '2034-01-01T00:00:01.000Z');
    const bad = await aDeadline(store, broken, 'follow-up', '2034-01-01T00:00:02.000Z', 'no-such-step');
    const q2 = await aDeadline(store, last, 'reminder', '2034-01-01T00:00:03.000Z');
    const before = await lastEntryId(store);

    const report = await runTick({ now: new Date('2034-01-02T00:00:00Z') }, { transaction: (fn) => store.transaction(fn), workflows });

    const error = `deadline ${bad.id} names step "no-such-step", which tip does not have`;
    expect(report).toEqual({ fired: 3, transitioned: 0, failed: [{ deadline: bad.id, error }] });
    // Nothing of the failed batch stayed: one entry per deadline, in order.
    expect(await entriesAfter(store, before)).toEqual([
      ['kernel.deadline.fired', `tip:${first}`, firedData(q1)],
      ['kernel.deadline.fired', `tip:${broken}`, firedData(bad, error)],
      ['kernel.deadline.fired', `tip:${last}`, firedData(q2)],
    ]);
  });
});
