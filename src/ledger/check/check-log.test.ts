import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, openTestStore } from '../../../test/support/test-store.js';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { contextFor, actorWithRole } from '../../../test/support/contexts.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { delistDesignation } from '../../registry/commands/delist-designation.js';
import { verifyRecord } from '../../registry/commands/verify-record.js';
import { proposeChange } from '../../registry/commands/propose-change.js';
import { acceptChange } from '../../registry/commands/review-change.js';
import { replayLogInto } from '../../app/replay-log-into.js';
import { KyselyLogStorage } from '../../store/ledger/kysely-log-storage.js';
import type { Ledger } from '../sequencer/ledger.js';
import { checkLog } from './check-log.js';

describeEachBackend('log check and replay', (getStore, dialect) => {
  let ledger: Ledger;
  beforeAll(async () => {
    const store = getStore();
    await loadBundledDataset(store);
    ledger = await openTestLedger(store);
    const editor = contextFor(actorWithRole('editor'));
    const analyst = contextFor(actorWithRole('analyst'));
    await store.transaction((tx) => delistDesignation({ ctx: editor, designationId: 'coseinc--us-bis--entity-list--2021-11-03', delisted: '2026-02-01', sources: ['commerce-2021-11-03'] }, tx));
    await store.transaction((tx) => verifyRecord({ ctx: editor, recordType: 'organization', id: 'candiru', status: 'verified' }, tx));
    const change = await store.transaction((tx) => proposeChange({ ctx: analyst, proposal: { action: 'upsert', recordType: 'organization', record: { id: 'memento-labs', name: 'Memento Labs S.r.l.', kind: 'vendor', sources: ['citizenlab-2025-03-19'] } } }, tx));
    await store.transaction((tx) => acceptChange({ ctx: editor, changeId: change.id }, tx));
    await ledger.sequencer.integrate();
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('finds nothing wrong with an untouched log', async () => {
    const report = await checkLog(ledger.storage, ledger.verifierKey, 37);
    expect(report.problems).toEqual([]);
    expect(report.entries).toBe(ledger.sequencer.size);
    expect(report.checkpoints).toBeGreaterThanOrEqual(1);
  });

  it('rebuilds the public registry from the log alone, digest for digest', async () => {
    const target = await openTestStore(dialect);
    try {
      const { report, live, replayed, differences } = await replayLogInto(getStore(), target.store);
      expect(report.entries).toBe(ledger.sequencer.size);
      expect(differences).toEqual([]);
      expect(replayed.records).toBe(live.records);
      expect(replayed.digest).toBe(live.digest);
      const memento = await target.store.transaction((tx) => tx.registry.getRecord('organization', 'memento-labs'));
      expect(memento?.name).toBe('Memento Labs S.r.l.');
    } finally {
      await target.dispose();
    }
  });

  it('reports an edited entry row at its index', async () => {
    const db = getStore().db;
    const row = await db.selectFrom('logEntries').select(['id', 'entry', 'leafIndex']).where('leafIndex', '=', 5).executeTakeFirstOrThrow();
    await db.updateTable('logEntries').set({ entry: row.entry.replace('"v":1', '"v":1 ') }).where('id', '=', row.id).execute();
    const report = await checkLog(new KyselyLogStorage(db, dialect), ledger.verifierKey);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.where)).toContain('entry 5');
    await db.updateTable('logEntries').set({ entry: row.entry.slice(0, -1) + ',"x":1}' }).where('id', '=', row.id).execute();
    const again = await checkLog(new KyselyLogStorage(db, dialect), ledger.verifierKey);
    expect(again.problems.some((p) => p.message.includes('entry 5 does not hash'))).toBe(true);
    await db.updateTable('logEntries').set({ entry: row.entry }).where('id', '=', row.id).execute();
    expect((await checkLog(new KyselyLogStorage(db, dialect), ledger.verifierKey)).ok).toBe(true);
  });

  it('reports a deleted row and an inserted row', async () => {
    const db = getStore().db;
    const row = await db.selectFrom('logEntries').selectAll().where('leafIndex', '=', 20).executeTakeFirstOrThrow();
    await db.deleteFrom('logEntries').where('id', '=', row.id).execute();
    const deleted = await checkLog(new KyselyLogStorage(db, dialect), ledger.verifierKey);
    expect(deleted.problems.map((p) => p.where)).toEqual(expect.arrayContaining(['entries', 'entry 20']));
    await db.insertInto('logEntries').values({ entry: row.entry, type: row.type, createdAt: row.createdAt, leafIndex: row.leafIndex }).execute();
    expect((await checkLog(new KyselyLogStorage(db, dialect), ledger.verifierKey)).ok).toBe(true);

    const size = Number(ledger.sequencer.size);
    await db.insertInto('logEntries').values({ entry: row.entry, type: row.type, createdAt: row.createdAt, leafIndex: size }).execute();
    const inserted = await checkLog(new KyselyLogStorage(db, dialect), ledger.verifierKey);
    expect(inserted.problems.map((p) => p.where)).toContain(`entry ${size}`);
    await db.deleteFrom('logEntries').where('leafIndex', '=', size).execute();
  });

  it('reports an edited tile and an edited checkpoint', async () => {
    const db = getStore().db;
    const tile = await db.selectFrom('logTiles').selectAll().where('level', '=', 0).where('idx', '=', 0).executeTakeFirstOrThrow();
    const bytes = Buffer.from(tile.hashes);
    bytes[33] = (bytes[33] ?? 0) ^ 1;
    await db.updateTable('logTiles').set({ hashes: bytes }).where('level', '=', 0).where('idx', '=', 0).execute();
    const report = await checkLog(new KyselyLogStorage(db, dialect), ledger.verifierKey);
    expect(report.problems.some((p) => p.where === 'tile 0/0' && p.message.includes('entry 1 '))).toBe(true);
    await db.updateTable('logTiles').set({ hashes: Buffer.from(tile.hashes) }).where('level', '=', 0).where('idx', '=', 0).execute();

    const checkpoint = await db.selectFrom('logCheckpoints').selectAll().orderBy('size', 'desc').executeTakeFirstOrThrow();
    await db.updateTable('logCheckpoints').set({ rootHash: '00'.repeat(32) }).where('size', '=', checkpoint.size).execute();
    const edited = await checkLog(new KyselyLogStorage(db, dialect), ledger.verifierKey);
    expect(edited.problems.map((p) => p.where)).toContain(`checkpoint ${checkpoint.size}`);
    await db.updateTable('logCheckpoints').set({ rootHash: checkpoint.rootHash }).where('size', '=', checkpoint.size).execute();
    expect((await checkLog(new KyselyLogStorage(db, dialect), ledger.verifierKey)).ok).toBe(true);
  });
});
