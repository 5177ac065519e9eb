import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusyWriter } from '../../test/support/busy-writer.js';
import { describeEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.js';
import { DatabaseLockedError, retryWhileLocked } from './retry-while-locked.js';
import { Store } from './store.js';
import { openStore } from '../app/open-store.js';
import { testEntry, TEST_ENTRY_TYPE, withTestEntries } from '../../test/support/test-events.js';

const entry = testEntry;
const sqliteFile = (url: string): string => url.replace(/^sqlite:/, '');

describeEachBackend(
  'writes wait their turn while another connection writes',
  (getStore, dialect, getUrl) => {
    let other: Store | undefined;
    beforeAll(async () => {
      if (dialect === 'postgres') other = await openStore(getUrl());
    });
    afterAll(async () => other?.close());

    /** Another process taking writes for `forMs`, each holding its lock `holdMs`, as `serve` does. */
    async function otherWriter(forMs: number, holdMs: number): Promise<{ done: Promise<number> }> {
      if (dialect === 'sqlite') return startBusyWriter(sqliteFile(getUrl()), { holdMs, forMs });
      const store = other;
      if (store === undefined) throw new Error('no second PostgreSQL connection');
      const done = (async () => {
        let commits = 0;
        for (const until = Date.now() + forMs; Date.now() < until; commits++) {
          await withTestEntries(store).transaction(async (tx) => {
            await tx.log.append(entry(-1));
            await sql`select pg_sleep(${holdMs / 1000})`.execute(tx.db);
          });
        }
        return commits;
      })();
      return { done };
    }

    it('commits every read-then-write transaction (as registry import does) while the other writer runs', async () => {
      const store = getStore();
      const others = await otherWriter(1500, 15);
      let committed = 0;
      for (let i = 0; i < 15; i++) {
        await withTestEntries(store).transaction(async (tx) => {
          // Read first, then write after the other connection has committed in between: on SQLite
          // a DEFERRED transaction fails here with SQLITE_BUSY_SNAPSHOT ("database is locked").
          await tx.db.selectFrom('logEntries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
          await sleep(10);
          await tx.log.append(entry(i));
        });
        committed++;
      }
      expect(committed).toBe(15);
      expect(await others.done).toBeGreaterThan(5);
      const ours = await store.db.selectFrom('logEntries').select('id').where('type', '=', TEST_ENTRY_TYPE).where('entry', 'not like', '%"n":-1%').execute();
      expect(ours).toHaveLength(15);
    });
  },
  { onDisk: true },
);

// SQLite only: PostgreSQL queues a writer behind a row lock and never answers "locked".
describe('retryWhileLocked on SQLite', () => {
  let opened: TestStore;
  beforeAll(async () => {
    opened = await openTestStore('sqlite', { onDisk: true });
  });
  afterAll(async () => opened?.dispose());

  it('gives up after the stated time, saying how long it waited, and writes nothing', async () => {
    const { store, url } = opened;
    const holder = await startBusyWriter(sqliteFile(url), { holdMs: 1500, forMs: 0 });
    store.sqlite?.pragma('busy_timeout = 50');
    try {
      const started = Date.now();
      const error = await retryWhileLocked(() => store.db.transaction().execute((trx) => trx.insertInto('logEntries').values({ entry: '{}', type: 'test.mine', createdAt: 'x' }).execute()), { waitMs: 400 }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DatabaseLockedError);
      expect(String(error)).toMatch(/locked by another process's writes for 0\.\d s \(\d+ attempts; the limit is 0\.4 s\); nothing was written/);
      expect(Date.now() - started).toBeLessThan(1400);
    } finally {
      store.sqlite?.pragma('busy_timeout = 5000');
      await holder.done;
    }
    expect(await store.db.selectFrom('logEntries').select('id').where('type', '=', 'test.mine').execute()).toEqual([]);
  });

  it('passes any other error through at once', async () => {
    let runs = 0;
    await expect(retryWhileLocked(async () => {
      runs++;
      throw new Error('constraint failed');
    })).rejects.toThrow('constraint failed');
    expect(runs).toBe(1);
  });
});
