import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { atLeast } from '../../accounts/policy.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { serverSettings } from '../../server/server-settings.js';
import { eventRuntime } from '../../app/event-runtime.js';
import { tick } from '../../app/tick.js';
import { openStore } from '../../app/open-store.js';
import { submitTip } from '../../registry/tips/submit-tip.js';
import { tipWorkflow, type TipCase, type TipsTransaction } from '../../registry/tips/tip-workflow.js';
import { proposeChange } from '../../registry/commands/propose-change.js';
import type { StoreTransaction } from '../../store/store.js';
import { deadlinesOfCase } from '../../store/kernel/kysely-deadline-store.js';
import { actorWithRole, contextFor } from '../../../test/support/contexts.js';
import { givenOrganization, uniqueId } from '../../../test/support/registry-factories.js';
import { quickClient } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { US_FEDERAL } from '../calendar/presets/us-federal.js';
import { dueInBusinessDays, dueInHours } from '../deadlines/due.js';
import { transition } from './transition.js';
import { stepsFor, type Workflow } from './workflow.js';

const analyst = contextFor(actorWithRole('analyst'));
const step = stepsFor<TipCase, TipsTransaction>();

/**
 * The tip workflow with two more steps, to exercise deadlines on real tables: `watch` keeps a
 * tip pending and starts a 48-hour follow-up deadline and a 20-business-day one; when the
 * follow-up fires, the tick dismisses the tip.
 */
const watchedTips: Workflow<TipCase, TipsTransaction> = {
  ...tipWorkflow,
  transitions: {
    ...tipWorkflow.transitions,
    watch: step.transition({
      label: 'Watch', event: 'tips.tip.moderated', from: ['pending'], to: 'pending', policy: atLeast('analyst'), input: z.strictObject({}), backdate: true,
      async effect() {
        return { data: { decision: 'accepted' } };
      },
      deadlines: {
        start: [
          { kind: 'follow-up', label: 'Follow-up due (48 hours)', firesEvent: 'kernel.deadline.fired', onFire: 'expire', due: ({ occurredAt }) => dueInHours(occurredAt, 48) },
          { kind: 'answer', label: 'Answer due (20 business days)', firesEvent: 'kernel.deadline.fired', due: ({ occurredAt }) => dueInBusinessDays(US_FEDERAL, occurredAt, 20) },
        ],
      },
    }),
    expire: step.transition({ label: 'Expire', event: 'tips.tip.moderated', from: ['pending'], to: 'dismissed', policy: atLeast('admin'), input: z.strictObject({}), deadlines: { stop: ['answer'] },
      async effect() {
        return { data: { decision: 'dismissed' } };
      },
    }),
  },
};
const workflows = new Map([['tip', watchedTips as Workflow<unknown, StoreTransaction>]]);

async function aTip(store: import('../../store/store.js').Store): Promise<string> {
  return (await store.transaction((tx) => submitTip({ ctx: analyst, tip: { subject: 'A lead', body: 'Something worth following up.' } }, tx))).tip.id;
}

describeEachBackend('the workflow kernel on real tables', (getStore) => {
  it('starts deadlines on a step, records when it happened, and the tick fires each once, running the step it names', async () => {
    const store = getStore();
    const id = await aTip(store);
    const watched = await store.transaction((tx) => transition({ ctx: contextFor(actorWithRole('analyst'), new Date('2026-05-15T16:00:00Z')), workflow: watchedTips, id, action: 'watch', occurredAt: '2026-05-15T12:00:00Z' }, tx));
    expect(watched.to).toBe('pending');
    const deadlines = await deadlinesOfCase(store.db, 'tip', id);
    expect(deadlines.map((d) => [d.kind, d.dueAt, d.dueDate])).toEqual([
      ['follow-up', '2026-05-17T12:00:00.000Z', null],
      // 20 business days from Friday 15 May 2026, Memorial Day skipped: Monday 15 June, end of day in Washington.
      ['answer', '2026-06-16T04:00:00.000Z', '2026-06-15'],
    ]);
    const entry = await store.db.selectFrom('logEntries').select('entry').where('id', '=', watched.entryId).executeTakeFirstOrThrow();
    expect(JSON.parse(entry.entry)).toMatchObject({ time: '2026-05-15T16:00:00.000Z', data: { occurredAt: '2026-05-15T12:00:00Z', from: 'pending', to: 'pending' } });

    const deps = { transaction: <T,>(fn: (tx: StoreTransaction) => Promise<T>) => store.transaction(fn), workflows };
    const { runTick } = await import('../deadlines/run-tick.js');
    expect((await runTick({ now: new Date('2026-05-17T11:59:59Z') }, deps)).fired).toBe(0);
    // Two ticks at once (two processes): the deadline fires once.
    const [a, b] = await Promise.all([runTick({ now: new Date('2026-05-17T12:00:00Z') }, deps), runTick({ now: new Date('2026-05-17T12:00:00Z') }, deps)]);
    expect(a.fired + b.fired).toBe(1);
    expect(a.transitioned + b.transitioned).toBe(1);
    expect((await runTick({ now: new Date('2026-05-18T00:00:00Z') }, deps)).fired).toBe(0);
    const after = await deadlinesOfCase(store.db, 'tip', id);
    expect(after.map((d) => [d.kind, d.state])).toEqual([['follow-up', 'fired'], ['answer', 'stopped']]);
    expect((await store.transaction((tx) => watchedTips.load(tx, id)))?.status).toBe('dismissed');
    const fired = await store.db.selectFrom('logEntries').select('entry').where('type', '=', 'kernel.deadline.fired').execute();
    expect(fired.map((f) => JSON.parse(f.entry).data).filter((d: { case: string }) => d.case === id)).toEqual([expect.objectContaining({ caseType: 'tip', kind: 'follow-up', dueAt: '2026-05-17T12:00:00.000Z' })]);
  });

  it('refuses a step from the wrong state (409), a backdate in the future, and a backdate on a step that records the present', async () => {
    const store = getStore();
    const id = await aTip(store);
    await store.transaction((tx) => transition({ ctx: analyst, workflow: tipWorkflow, id, action: 'dismiss' }, tx));
    await expect(store.transaction((tx) => transition({ ctx: analyst, workflow: tipWorkflow, id, action: 'accept' }, tx))).rejects.toMatchObject({ code: 'CONFLICT' });
    const other = await aTip(store);
    await expect(store.transaction((tx) => transition({ ctx: analyst, workflow: watchedTips, id: other, action: 'watch', occurredAt: '2099-01-01' }, tx))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(store.transaction((tx) => transition({ ctx: analyst, workflow: tipWorkflow, id: other, action: 'accept', occurredAt: '2026-01-01' }, tx))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(store.transaction((tx) => transition({ ctx: contextFor(actorWithRole('contributor')), workflow: tipWorkflow, id: other, action: 'accept' }, tx))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('serves a case\'s deadlines as an iCalendar feed a real parser reads, to those who may read the case', async () => {
    const store = getStore();
    const id = await aTip(store);
    await store.transaction((tx) => transition({ ctx: contextFor(actorWithRole('analyst'), new Date('2026-05-29T15:00:00Z')), workflow: watchedTips, id, action: 'watch' }, tx));
    const app = createCountersignApp({ store, settings: serverSettings({ publicUrl: new URL('https://countersign.example') }) });
    expect((await app.request(`/api/v1/cases/tip/${id}/deadlines.ics`)).status).toBe(404);
    const client = await quickClient(app, store, 'ivy', 'analyst');
    const res = await client.request(`/api/v1/cases/tip/${id}/deadlines.ics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(['Follow-up due (48 hours)', 'Answer due (20 business days)']);
    const answer = events[1];
    // Received Friday 29 May 2026: 20 business days later, Juneteenth skipped, is Monday 29 June.
    expect(answer?.startDate.toString()).toBe('2026-06-29');
    expect(answer?.startDate.isDate).toBe(true);
    expect(events[0]?.startDate.toJSDate().toISOString()).toBe('2026-05-31T15:00:00.000Z');
    expect(answer?.uid).toMatch(/^deadline-[0-9a-f-]{36}@countersign\.example$/);
  });
});

describeEachBackend('the event catalogue and subscribers', (getStore) => {
  let sourceId: string;
  beforeAll(async () => {
    ({ sourceId } = await givenOrganization(getStore()));
  });

  it('refuses an undeclared entry type, data its schema refuses, and an undeclared sealed field — and the transaction rolls back', async () => {
    const store = getStore();
    const id = await aTip(store);
    const count = async () => Number((await store.db.selectFrom('logEntries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const base = { actor: 'system', time: new Date().toISOString(), subjects: [] };
    await expect(store.transaction((tx) => tx.log.append({ ...base, type: 'registry.thing.happened', data: {} }))).rejects.toThrow(/not declared/);
    await expect(store.transaction((tx) => tx.log.append({ ...base, type: 'tips.tip.moderated', data: { tip: id, decision: 'maybe' } }))).rejects.toThrow(/data\.decision/);
    await expect(store.transaction(async (tx) => {
      await tx.tips.recordModeration(id, { moderatedBy: 'x', moderatedAt: base.time, moderationNote: 'should roll back' });
      await tx.log.append({ ...base, type: 'tips.tip.moderated', data: { tip: id, decision: 'accepted' }, sealed: { secret: 'x' } });
    })).rejects.toThrow(/seals "secret"/);
    expect(await count()).toBe(before);
    expect((await store.transaction((tx) => tipWorkflow.load(tx, id)))?.moderationNote).toBeNull();
  });

  it('runs a subscriber in the same transaction as the event that caused it, without the emitter knowing it', async () => {
    const store = getStore();
    const seen: string[] = [];
    // The same database with one more subscriber: a proposed change dismisses the newest tip (a stand-in for cross-module work).
    const runtime = eventRuntime([{ name: 'test.dismiss-tip', on: ['registry.change.proposed'], handle: async (event, tx) => {
      seen.push(event.type);
      const tipId = z.string().parse((await tx.db.selectFrom('tips').select('id').where('status', '=', 'pending').orderBy('submittedAt', 'desc').limit(1).executeTakeFirstOrThrow()).id);
      await transition({ ctx: analyst, workflow: tipWorkflow, id: tipId, action: 'dismiss' }, tx);
    } }]);
    const tipId = await aTip(store);
    const proposal = { action: 'upsert', recordType: 'organization', record: { id: uniqueId('sub-org'), name: 'Subscribed Ltd.', kind: 'vendor', sources: [sourceId] } };
    await store.withEvents(runtime).transaction((tx) => proposeChange({ ctx: analyst, proposal }, tx));
    expect(seen).toEqual(['registry.change.proposed']);
    expect((await store.transaction((tx) => tipWorkflow.load(tx, tipId)))?.status).toBe('dismissed');
    // A failing subscriber rolls back the event that triggered it.
    const failing = eventRuntime([{ name: 'test.fail', on: ['registry.change.proposed'], handle: async () => { throw new Error('subscriber failed'); } }]);
    const id2 = uniqueId('never-org');
    const pending = async () => (await store.db.selectFrom('changes').select('id').where('status', '=', 'pending').execute()).length;
    const before = await pending();
    await expect(store.withEvents(failing).transaction((tx) => proposeChange({ ctx: analyst, proposal: { ...proposal, record: { ...proposal.record, id: id2 } } }, tx))).rejects.toThrow('subscriber failed');
    expect(await pending()).toBe(before);
  });
});

describe('the app tick', () => {
  it('fires nothing on an empty database', async () => {
    const store = await openStore('sqlite::memory:');
    expect(await tick(store, new Date())).toEqual({ fired: 0, transitioned: 0, failed: [] });
    await store.close();
  });
});
