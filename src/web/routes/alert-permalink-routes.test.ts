import type { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { givenOrganization, uniqueId } from '../../../test/support/registry-factories.js';
import { createUser, signedInClient, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { describeEachBackend, openTestStore } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { replayLogInto } from '../../app/replay-log-into.js';
import type { Ledger } from '../../ledger/sequencer/ledger.js';
import { recordScreenedTransactions } from '../../procurement/alerts/record-screened-transactions.js';
import { aScreenedTransaction } from '../../procurement/testing/screened-transaction-factory.js';
import type { AppEnv } from '../../server/app-env.js';
import { PortalClient } from '../testing/portal-client.js';

async function signedIn(app: Hono<AppEnv>, username: string): Promise<PortalClient> {
  const browser = new PortalClient(app);
  await browser.signIn(username, TEST_PASSWORD);
  return browser;
}

describeEachBackend('alert permalinks, annotations and retraction', (getStore, dialect) => {
  let app: Hono<AppEnv>;
  let ledger: Ledger;
  let sourceId: string;
  let organizationId: string;
  let raised: string;
  let second: string;
  let pending: string;
  beforeAll(async () => {
    const store = getStore();
    ledger = await openTestLedger(store);
    ({ sourceId, organizationId } = await givenOrganization(store));
    const piid = uniqueId('70PERMA').toUpperCase();
    await store.transaction((tx) => recordScreenedTransactions({ ctx: SYSTEM_CONTEXT, watchlistVersion: 'w', screened: [
      aScreenedTransaction({ organizationId, piid }),
      aScreenedTransaction({ organizationId, piid: `${piid}B`, event: 'stop-work' }),
      aScreenedTransaction({ organizationId, piid: `${piid}R`, decision: 'review' }),
    ] }, tx));
    const rows = await store.db.selectFrom('alerts').select(['id', 'status', 'transactionKey']).execute();
    raised = rows.find((r) => r.status === 'raised' && r.transactionKey.includes(`${piid}_`))?.id ?? '';
    second = rows.find((r) => r.transactionKey.includes(`${piid}B_`))?.id ?? '';
    pending = rows.find((r) => r.status === 'pending')?.id ?? '';
    app = createCountersignApp({ store, ledger });
    await createUser(store, 'ana', 'analyst');
    await createUser(store, 'eddie', 'editor');
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('gives every published alert a public permalink, linked from the list; review items stay hidden', async () => {
    const page = await new PortalClient(app).get(`/alerts/${raised}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Procurement alert · Alert raised');
    expect(page.text).toContain('No annotations.');
    expect(page.text).not.toContain('Annotate this alert');
    expect((await new PortalClient(app).get('/alerts')).text).toContain(`href="/alerts/${raised}"`);
    expect((await new PortalClient(app).get(`/alerts/${pending}`)).status).toBe(404);
    expect((await (await signedIn(app, 'ana')).get(`/alerts/${pending}`)).status).toBe(200);
    expect((await new PortalClient(app).get('/alerts/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it('lets analysts annotate through the page, with a source, and refuses bad input beside its field', async () => {
    const analyst = await signedIn(app, 'ana');
    const form = await analyst.get(`/alerts/${raised}`);
    expect(form.text).toContain('Annotate this alert');
    expect(form.text).not.toContain('Retract this alert');
    const bad = await analyst.postForm(`/alerts/${raised}/annotations`, { note: 'x', source: 'no-such-source' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/<span class="field-error" id="annotate-note-error">must say what the annotation adds/);
    const unknown = await analyst.postForm(`/alerts/${raised}/annotations`, { note: 'Confirmed by the agency', source: 'no-such-source' });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toMatch(/id="annotate-source-error">unknown source &quot;no-such-source&quot;/);
    const ok = await analyst.postForm(`/alerts/${raised}/annotations`, { note: 'Confirmed by the agency’s press office', source: sourceId });
    expect(ok.status).toBe(303);
    const page = await new PortalClient(app).get(`/alerts/${raised}`);
    expect(page.text).toContain('Confirmed by the agency’s press office');
    expect(page.text).toContain(`source: <a href="/sources/${sourceId}">Report ${sourceId}</a>`);
    const entry = await getStore().db.selectFrom('logEntries').select('entry').where('type', '=', 'procurement.alert.annotated').executeTakeFirstOrThrow();
    expect(entry.entry).toContain('press office');
  });

  it('annotates and retracts over the API with field-level 4xx, and only editors retract', async () => {
    const analyst = await signedInClient(app, 'ana');
    const created = await analyst.request(`/api/v1/alerts/${second}/annotations`, { json: { note: 'Stop-work reported by WIRED too', source: sourceId } });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ alertId: second, source: sourceId, sourceUrl: `/sources/${sourceId}` });
    const bad = await analyst.request(`/api/v1/alerts/${second}/annotations`, { json: { note: '', extra: 1 } });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors?: { path: string; message: string }[] };
    expect(problem.errors?.map((e) => e.path)).toContain('note');
    expect((await analyst.request(`/api/v1/alerts/${second}/retract`, { json: { reason: 'wrong' } })).status).toBe(403);
    const editor = await signedInClient(app, 'eddie');
    expect((await editor.request(`/api/v1/alerts/${second}/retract`, { json: { reason: '' } })).status).toBe(400);
    const retracted = await editor.request(`/api/v1/alerts/${second}/retract`, { json: { reason: 'The stop-work order belongs to another vendor' } });
    expect(retracted.status).toBe(200);
    expect(await retracted.json()).toMatchObject({ status: 'retracted', retraction: { reason: 'The stop-work order belongs to another vendor' } });
    expect((await editor.request(`/api/v1/alerts/${second}/retract`, { json: { reason: 'again' } })).status).toBe(409);
    const annotations = (await (await new PortalClient(app).get(`/api/v1/alerts/${second}/annotations`)).text);
    expect(annotations).toContain('Stop-work reported by WIRED too');
  });

  it('retracts through the page: "Retracted: reason" stays at the permalink, the alert leaves the list and the feeds', async () => {
    const editor = await signedIn(app, 'eddie');
    expect((await editor.get(`/alerts/${raised}`)).text).toContain('Retract this alert');
    expect((await editor.postForm(`/alerts/${raised}/retract`, { reason: '' })).status).toBe(400);
    const res = await editor.postForm(`/alerts/${raised}/retract`, { reason: 'Matched a look-alike contractor' });
    expect(res.status).toBe(303);
    const page = await new PortalClient(app).get(`/alerts/${raised}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<strong>Retracted:</strong> Matched a look-alike contractor');
    expect(page.text).toContain('Procurement alert · Retracted');
    expect(page.text).not.toContain('Annotate this alert');
    const list = await new PortalClient(app).get('/alerts');
    expect(list.text).not.toContain(`href="/alerts/${raised}"`);
    const feed = await new PortalClient(app).get('/feeds/alerts.atom');
    expect(feed.text).not.toContain(raised);
    const api = (await (await new PortalClient(app).get(`/api/v1/alerts/${raised}`)).text);
    expect(api).toContain('Matched a look-alike contractor');
    const listed = await (await new PortalClient(app).get('/api/v1/alerts')).text;
    expect(listed).not.toContain(raised);
    const retractedList = (await (await new PortalClient(app).get('/api/v1/alerts?status=retracted')).text);
    expect(retractedList).toContain(raised);
  });

  it('replays annotations and retractions from the log', async () => {
    await ledger.sequencer.integrate();
    const target = await openTestStore(dialect);
    try {
      const outcome = await replayLogInto(getStore(), target.store);
      expect(outcome.differences).toEqual([]);
      const rows = await target.store.db.selectFrom('alerts').select(['id', 'status', 'retractionReason']).where('id', '=', raised).execute();
      expect(rows).toEqual([{ id: raised, status: 'retracted', retractionReason: 'Matched a look-alike contractor' }]);
      expect(await target.store.db.selectFrom('alertAnnotations').select('note').orderBy('note').execute()).toHaveLength(2);
    } finally {
      await target.dispose();
    }
  });
});
