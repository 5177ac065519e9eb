import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createCountersignApp } from '../../../app/create-countersign-app.js';
import { givenOrganization, uniqueId } from '../../../../test/support/registry-factories.js';
import { describeEachBackend } from '../../../../test/support/test-store.js';
import { quickClient } from '../../../../test/support/test-app.js';
import type { AppEnv } from '../../app-env.js';

describeEachBackend('change routes: one pending change, many reviewers', (getStore) => {
  let app: Hono<AppEnv>;
  let sourceId: string;
  beforeAll(async () => {
    app = createCountersignApp({ store: getStore() });
    ({ sourceId } = await givenOrganization(getStore()));
  });
  
  it('20 concurrent accepts: exactly one 200, nineteen 409s, and one log entry for the change', async () => {
    const analyst = await quickClient(app, getStore(), 'anna', 'analyst');
    const id = uniqueId('raced-org');
    const proposed = await analyst.request('/api/v1/changes', { json: { action: 'upsert', recordType: 'organization', record: { id, name: 'Raced Vendor Ltd.', kind: 'vendor', sources: [sourceId] } } });
    expect(proposed.status).toBe(201);
    const changeId = ((await proposed.json()) as { id: string }).id;
    const editors = await Promise.all(Array.from({ length: 20 }, (_, i) => quickClient(app, getStore(), `editor${i}`, 'editor')));
    const statuses = await Promise.all(editors.map((e) => e.request(`/api/v1/changes/${changeId}/accept`, { json: {} }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const entries = await getStore().db.selectFrom('logEntries').innerJoin('logEntrySubjects', 'logEntrySubjects.logEntryId', 'logEntries.id').select('logEntries.type').where('logEntrySubjects.subject', '=', `change:${changeId}`).execute();
    expect(entries.map((e) => e.type).sort()).toEqual(['registry.change.accepted', 'registry.change.proposed']);
    const written = await getStore().db.selectFrom('logEntries').innerJoin('logEntrySubjects', 'logEntrySubjects.logEntryId', 'logEntries.id').select('logEntries.type').where('logEntrySubjects.subject', '=', `organization:${id}`).execute();
    expect(written.map((e) => e.type)).toEqual(['registry.organization.upserted', 'registry.change.accepted']);
  });

  it('refuses to let the proposer accept their own change (two-person rule), and lets someone else', async () => {
    const solo = await quickClient(app, getStore(), 'solo', 'editor');
    const proposed = await solo.request('/api/v1/changes', { json: { action: 'upsert', recordType: 'organization', record: { id: uniqueId('solo-org'), name: 'Solo Ltd.', kind: 'vendor', sources: [sourceId] } } });
    const changeId = ((await proposed.json()) as { id: string }).id;
    const own = await solo.request(`/api/v1/changes/${changeId}/accept`, { json: {} });
    expect(own.status).toBe(403);
    expect(((await own.json()) as { detail: string }).detail).toMatch(/two-person rule/);
    expect((await (await quickClient(app, getStore(), 'editor0', 'editor')).request(`/api/v1/changes/${changeId}/accept`, { json: {} })).status).toBe(200);
  });

  it('refuses a proposal too large for the log when it is proposed, naming the field (not a 500 on every accept)', async () => {
    const analyst = await quickClient(app, getStore(), 'anna', 'analyst');
    const res = await analyst.request('/api/v1/changes', { json: { action: 'upsert', recordType: 'organization', record: { id: uniqueId('big'), name: 'Big Ltd.', kind: 'vendor', aliases: Array.from({ length: 400 }, (_, i) => `Alias number ${i} ${'x'.repeat(250)}`), sources: [sourceId] } } });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors[0]?.path).toBe('record.aliases');
  });
});
