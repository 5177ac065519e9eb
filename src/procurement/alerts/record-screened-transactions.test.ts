import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { actorWithRole, contextFor, SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { anonymousClient, createUser, signedInClient, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { PortalClient } from '../../web/testing/portal-client.js';
import { SAMPLE_TRANSACTIONS, screenFiles } from '../../../test/support/screen-fixture.js';
import { readWatchlist } from '../../store/registry/queries/read-watchlist.js';
import { readContracts } from '../../store/registry/queries/read-contracts.js';
import { getRecord } from '../../store/registry/get-record.js';
import { addAlertRoutes } from '../../server/api/routes/alert-routes.js';
import type { AppEnv } from '../../server/app-env.js';
import { createApp } from '../../server/create-app.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import type { ScreenedTransaction } from '../screening/screen-transaction.js';
import { recordScreenedTransactions } from './record-screened-transactions.js';
import { reviewScreeningMatch } from './review-screening-match.js';
import { recordInRegistry } from './record-in-registry.js';

describeEachBackend('recording screening matches', (getStore) => {
  let app: Hono<AppEnv>;
  let portal: Hono<AppEnv>;
  let screened: ScreenedTransaction[];
  beforeAll(async () => {
    const store = getStore();
    await loadBundledDataset(store);
    screened = await screenFiles([SAMPLE_TRANSACTIONS], await readWatchlist(store.db));
    app = createApp({ store, mount: [(a, router) => addAlertRoutes(a, router, store, () => new Date())] });
    await createUser(store, 'ana', 'analyst');
    await createUser(store, 'eddie', 'editor');
    portal = createCountersignApp({ store });
  });

  it('cites the screened file and keeps documented values, putting what the file says beside them', async () => {
    const store = getStore();
    const version = (await readWatchlist(store.db)).version;
    const sha256 = createHash('sha256').update(readFileSync(SAMPLE_TRANSACTIONS)).digest('hex');
    const fileDigests = new Map([[SAMPLE_TRANSACTIONS, sha256]]);
    const summary = await store.transaction((tx) => recordScreenedTransactions({ ctx: SYSTEM_CONTEXT, screened, watchlistVersion: version, fileDigests }, tx));
    expect(summary).toEqual({ raised: 3, queued: 0, unchanged: 0 });
    const [view] = await readContracts(store.db, ['70CTD024P00000012']);
    // The documented dates stand: the sample file's 29 August did not overwrite the reported September.
    expect(view?.transactions.map((t) => [t.event, t.date, t.status])).toEqual([
      ['award', '2024-09-27', 'documented'],
      ['stop-work', '2024-10-08', 'documented'],
      ['stop-work-lifted', '2025-09', 'documented'],
    ]);
    const lift = view?.transactions[2];
    expect(lift?.sources).toEqual(['msnbc-2025-09']);
    expect(lift?.note).toMatch(/lift the stop work order/);
    const source = `screened-file-${sha256.slice(0, 16)}`;
    expect(lift?.screened).toEqual([
      expect.objectContaining({ source, file: 'sample-contract-transactions.csv', sha256, row: 4, values: expect.objectContaining({ date: '2025-08-29', modification: 'P00002' }) }),
    ]);
    expect(view?.contract.sources).not.toContain(source);
    expect(view?.contract.status).toBe('documented');
    expect(Object.keys(view?.sources ?? {})).toContain(source);
    expect(view?.buyer?.id).toBe('ice');
    const cited = await getRecord(store.db, 'source', source);
    expect(cited).toMatchObject({ title: 'Screened procurement file sample-contract-transactions.csv', status: 'reported' });
    expect(cited?.noLinkReason).toContain(sha256);
    const systems = await readContracts(store.db, ['70FBR224F00000311']);
    expect(systems).toEqual([]);
  });

  it('records a row the registry lacks as reported, citing the file and row', async () => {
    const store = getStore();
    const base = screened[2];
    if (!base) throw new Error('no screened transaction');
    const origin = { kind: 'file' as const, file: '/srv/uploads/delta.csv', line: 9, sha256: 'b'.repeat(64) };
    const extra = { ...base.transaction, transactionKey: 'k-new-modification', modification: 'P00003', actionDate: '2025-10-02', amount: 150000, origin };
    await store.transaction((tx) => recordInRegistry(tx, SYSTEM_CONTEXT, extra, 'paragon-solutions-us', 'modification'));
    const [view] = await readContracts(store.db, ['70CTD024P00000012']);
    const added = view?.transactions.find((t) => t.modification === 'P00003');
    expect(added).toMatchObject({ status: 'reported', date: '2025-10-02', sources: [`screened-file-${'b'.repeat(16)}`] });
    expect(added?.screened).toEqual([expect.objectContaining({ file: 'delta.csv', row: 9, sha256: 'b'.repeat(64), values: {} })]);
    // The contract page says so: the new row is Reported, the lift shows both dates with their sources.
    const page = await (await anonymousClient(portal).request('/contracts/70CTD024P00000012')).text();
    expect(page).toMatch(/Reported/);
    expect(page).toContain('sample-contract-transactions.csv');
    expect(page).toMatch(/row 4/);
    expect(page).toMatch(/29 August 2025|2025-08-29/);
    expect(page).toMatch(/September 2025|2025-09/);
    expect(page).toContain('Reported, not yet verified');
    // Reported until an editor verifies it — from the contract page; an analyst may not.
    const analyst = new PortalClient(portal);
    await analyst.signIn('ana', TEST_PASSWORD);
    await analyst.get('/contracts/70CTD024P00000012');
    expect((await analyst.postForm('/contracts/70CTD024P00000012/verify', { recordType: 'transaction', id: added?.id ?? '' })).status).toBe(403);
    const editor = new PortalClient(portal);
    await editor.signIn('eddie', TEST_PASSWORD);
    const withForm = await editor.get('/contracts/70CTD024P00000012');
    expect(withForm.text).toContain(`<input type="hidden" name="id" value="${added?.id}">`);
    expect((await editor.postForm('/contracts/70CTD024P00000012/verify', { recordType: 'transaction', id: 'not-of-this-contract' })).status).toBe(404);
    expect((await editor.postForm('/contracts/70CTD024P00000012/verify', { recordType: 'transaction', id: added?.id ?? '' })).status).toBe(303);
    const [after] = await readContracts(store.db, ['70CTD024P00000012']);
    expect(after?.transactions.find((t) => t.id === added?.id)?.status).toBe('verified');
  });

  it('changes nothing when the same file is screened and saved again', async () => {
    const store = getStore();
    const count = async () => ({
      log: Number((await store.db.selectFrom('logEntries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      alerts: Number((await store.db.selectFrom('alerts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    });
    const before = await count();
    const again = await screenFiles([SAMPLE_TRANSACTIONS], await readWatchlist(store.db));
    const summary = await store.transaction((tx) => recordScreenedTransactions({ ctx: SYSTEM_CONTEXT, screened: again, watchlistVersion: 'x' }, tx));
    expect(summary).toEqual({ raised: 0, queued: 0, unchanged: 3 });
    expect(await count()).toEqual(before);
  });

  it('publishes the alerts in the API and the Atom feed', async () => {
    const list = (await (await anonymousClient(app).request('/api/v1/alerts')).json()) as { items: { event: string; organizationName: string; contractUrl: string }[]; total: number };
    expect(list.total).toBe(3);
    expect(list.items.map((a) => a.event).sort()).toEqual(['award', 'stop-work', 'stop-work-lifted']);
    const feed = await anonymousClient(app).request('/feeds/alerts.atom');
    expect(feed.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    const xml = await feed.text();
    expect(xml.match(/<entry>/g)?.length).toBe(3);
    expect(xml).toContain('Stop-work order lifted: Paragon Solutions (US) Inc., contract 70CTD024P00000012 (modification P00002)');
    expect(xml).toContain('<link rel="alternate" type="text/html" href="http://localhost/contracts/70CTD024P00000012"/>');
    expect(xml).not.toContain('PARAGON SYSTEMS');
    // Summaries are read by people: the event in words, not its slug.
    expect(xml).toMatch(/— Stop-work order lifted of contract 70CTD024P00000012 with Paragon Solutions \(US\) Inc\./);
    expect(xml).not.toMatch(/— stop-work-lifted of/);
  });

  it('keeps weak matches in a review queue analysts confirm or dismiss', async () => {
    const store = getStore();
    const base = screened[0];
    if (!base) throw new Error('no screened transaction');
    const weak = (key: string, piid: string): ScreenedTransaction => ({
      ...base,
      transaction: { ...base.transaction, transactionKey: key, piid, awardKey: `CONT_AWD_${piid}_7012_-NONE-_-NONE-`, recipient: { ...base.transaction.recipient, uei: '' } },
      match: { ...base.match, decision: 'review', score: 0.7, reasons: ['name matches alias "Paragon Solutions" (generic)'] },
    });
    const summary = await store.transaction((tx) =>
      recordScreenedTransactions({ ctx: SYSTEM_CONTEXT, screened: [weak('k-review-1', '70REVIEW0001'), weak('k-review-2', '70REVIEW0002')], watchlistVersion: 'x' }, tx),
    );
    expect(summary.queued).toBe(2);
    const queuedEntries = await store.db.selectFrom('logEntries').select('entry').where('type', '=', 'procurement.review.queued').execute();
    expect(queuedEntries).toHaveLength(2);
    for (const { entry } of queuedEntries) {
      expect(entry).not.toContain('70REVIEW');
      expect(entry).not.toContain('paragon');
    }
    expect(await readContracts(store.db, ['70REVIEW0001'])).toEqual([]);
    expect((await anonymousClient(app).request('/api/v1/alerts?status=pending')).status).toBe(401);
    const analyst = await signedInClient(app, 'ana');
    const queue = (await (await analyst.request('/api/v1/alerts?status=pending')).json()) as { items: { id: string; piid: string }[] };
    expect(queue.items.map((a) => a.piid).sort()).toEqual(['70REVIEW0001', '70REVIEW0002']);
    const first = queue.items.find((a) => a.piid === '70REVIEW0001');
    const second = queue.items.find((a) => a.piid === '70REVIEW0002');
    const confirmed = await analyst.request(`/api/v1/alerts/${first?.id}/review`, { json: { decision: 'confirm' } });
    expect(confirmed.status).toBe(200);
    expect((await readContracts(store.db, ['70REVIEW0001']))[0]?.recipient?.id).toBe('paragon-solutions-us');
    await store.transaction((tx) => reviewScreeningMatch({ ctx: contextFor(actorWithRole('analyst')), alertId: second?.id ?? '', decision: 'dismiss', note: 'look-alike' }, tx));
    expect(await readContracts(store.db, ['70REVIEW0002'])).toEqual([]);
    const again = await analyst.request(`/api/v1/alerts/${second?.id}/review`, { json: { decision: 'confirm' } });
    expect(again.status).toBe(409);
    const publicList = (await (await anonymousClient(app).request('/api/v1/alerts')).json()) as { total: number };
    expect(publicList.total).toBe(4);
  });
});
