import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import { checkStoredLog } from '../../store/ledger/check-stored-log.js';
import type { Ledger } from '../sequencer/ledger.js';
import { testEntry, TEST_ENTRY_TYPE, withTestEntries } from '../../../test/support/test-events.js';

const entry = testEntry;

// What `log check` did not see before: a checkpoint deleted from the middle (entries and tiles
// around it intact) and a tile row that no entry produces.
describeEachBackend('log check finds what leaves the entries intact', (getStore) => {
  let ledger: Ledger;
  const sizes: bigint[] = [];
  beforeAll(async () => {
    const store = getStore();
    ledger = await openTestLedger(store);
    for (const count of [100, 200, 30, 5]) {
      await withTestEntries(store).transaction(async (tx) => {
        for (let i = 0; i < count; i++) await tx.log.append(entry(i));
      });
      await ledger.sequencer.integrate();
      sizes.push(ledger.sequencer.size);
    }
  });
  afterAll(async () => {
    await ledger?.close();
  });
  const check = () => checkStoredLog(getStore(), ledger.verifierKey);

  it('chains the checkpoints: each names the one before it', async () => {
    expect((await check()).problems).toEqual([]);
    const rows = await getStore().db.selectFrom('logCheckpoints').select(['size', 'previousSize']).orderBy('size').execute();
    expect(rows.map((r) => [Number(r.size), r.previousSize === null ? null : Number(r.previousSize)])).toEqual([
      [100, null],
      [300, 100],
      [330, 300],
      [335, 330],
    ]);
  });

  it('reports a checkpoint deleted from the middle, and the first one', async () => {
    const db = getStore().db;
    for (const size of [300, 100]) {
      const row = await db.selectFrom('logCheckpoints').selectAll().where('size', '=', size).executeTakeFirstOrThrow();
      await db.deleteFrom('logCheckpoints').where('size', '=', size).execute();
      const report = await check();
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual({ where: `checkpoint ${size}`, message: expect.stringContaining('is missing') });
      await db.insertInto('logCheckpoints').values(row).execute();
      expect((await check()).problems).toEqual([]);
    }
  });

  it('reports a tile row beyond the tree, and a tile stored wider than the tree gives it', async () => {
    const db = getStore().db;
    const hashes = Buffer.alloc(32 * 3);
    await db.insertInto('logTiles').values({ level: 0, idx: 7, width: 3, hashes, inner: null }).execute();
    await db.insertInto('logTiles').values({ level: 3, idx: 0, width: 1, hashes: Buffer.alloc(32), inner: null }).execute();
    const beyond = await check();
    expect(beyond.problems).toContainEqual({ where: 'tile 0/7', message: expect.stringContaining('beyond the tree') });
    expect(beyond.problems).toContainEqual({ where: 'tile 3/0', message: expect.stringContaining('beyond the tree') });
    await db.deleteFrom('logTiles').where('level', 'in', [0, 3]).where('idx', 'in', [7, 0]).where('width', '<', 4).execute();

    // The partial level-0 tile holds 335 - 256 = 79 hashes; store one more.
    const partial = await db.selectFrom('logTiles').selectAll().where('level', '=', 0).where('idx', '=', 1).executeTakeFirstOrThrow();
    await db.updateTable('logTiles').set({ width: 80, hashes: Buffer.concat([Buffer.from(partial.hashes), Buffer.alloc(32)]) }).where('level', '=', 0).where('idx', '=', 1).execute();
    const wider = await check();
    expect(wider.problems).toContainEqual({ where: 'tile 0/1', message: expect.stringContaining('80 hashes wide') });
    await db.updateTable('logTiles').set({ width: partial.width, hashes: Buffer.from(partial.hashes) }).where('level', '=', 0).where('idx', '=', 1).execute();
    expect((await check()).problems).toEqual([]);
  });
});
