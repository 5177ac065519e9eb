import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addFactoryOrganizations } from '../../../test/support/bulk-organizations.js';
import { openTestLedger, TEST_ORIGIN } from '../../../test/support/test-ledger.js';
import { Store } from '../store.js';
import { backupSqlite } from './backup-sqlite.js';
import { requiredLogOrigin } from './log-restore-table.js';
import { readLogPosition } from './read-log-position.js';
import { restoreSqlite } from './restore-sqlite.js';
import { openStore } from '../../app/open-store.js';

/** Builds `count` records and sequences them into the log. */
async function grow(store: Store, count: number, prefix: string): Promise<number> {
  await addFactoryOrganizations(store, count, { prefix });
  const ledger = await openTestLedger(store);
  await ledger.close();
  const position = readLogPosition(storeFile(store));
  const size = position.latestSize;
  position.close();
  return size;
}

function storeFile(store: Store): string {
  return store.description.replace(/^sqlite:/, '');
}

async function organizations(file: string): Promise<number> {
  const store = await openStore(`sqlite:${file}`);
  try {
    return Number((await store.db.selectFrom('organizations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  } finally {
    await store.close();
  }
}

function codeOf(run: () => unknown): Promise<string | null> {
  return Promise.resolve()
    .then(run)
    .then(() => null, (error: unknown) => (error instanceof Error && 'code' in error ? String(error.code) : 'other'));
}

// SQLite only: these commands copy SQLite files; PostgreSQL is backed up with pg_dump (README).
describe('countersign backup and restore (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'countersign-backup-'));
  const database = join(dir, 'countersign.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up a consistent state while another connection is writing, into a new private file', async () => {
    const store = await openStore(`sqlite:${database}`);
    const writer = await openStore(`sqlite:${database}`);
    try {
      await grow(store, 5, 'first');
      const raw = writer.sqlite;
      if (!raw) throw new Error('the writer is not SQLite');
      raw.exec('begin immediate');
      raw.prepare("insert into sources (id, title, status, created_at, updated_at) values ('uncommitted', 'written during the backup', 'documented', 'x', 'x')").run();
      const file = join(dir, 'during-write.db');
      backupSqlite(store.sqlite, file);
      raw.exec('commit');
      expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
      const copy = await openStore(`sqlite:${file}`);
      try {
        expect(await copy.db.selectFrom('sources').select('id').where('id', '=', 'uncommitted').executeTakeFirst()).toBeUndefined();
        expect(Number((await copy.db.selectFrom('organizations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(5);
      } finally {
        await copy.close();
      }
      expect(await codeOf(() => backupSqlite(store.sqlite, file))).toBe('TARGET_EXISTS');
    } finally {
      await writer.close();
      await store.close();
    }
  });

  it('refuses to restore a log older than the last witnessed checkpoint, unless a new origin starts', async () => {
    const store = await openStore(`sqlite:${database}`);
    const old = join(dir, 'old.db');
    backupSqlite(store.sqlite, old);
    const witnessed = await grow(store, 5, 'second');
    await store.db.insertInto('logCosignatures').values({ size: witnessed, witness: 'clerk.example/witness', signatureLine: '— clerk.example/witness AAAA', receivedAt: '2026-12-05T00:00:00Z' }).execute();
    const newer = join(dir, 'newer.db');
    backupSqlite(store.sqlite, newer);
    await store.close();

    expect(await codeOf(() => restoreSqlite({ backupFile: old, databaseFile: database, now: new Date() }))).toBe('ROLLS_BACK_WITNESSED_LOG');
    expect(await organizations(database)).toBe(10);
    expect(await codeOf(() => restoreSqlite({ backupFile: old, databaseFile: database, now: new Date(), newOrigin: TEST_ORIGIN }))).toBe('SAME_ORIGIN');

    // A backup holding the witnessed tree restores as it is.
    const same = await restoreSqlite({ backupFile: newer, databaseFile: database, now: new Date('2026-12-05T01:00:00Z') });
    expect(same).toMatchObject({ witnessedSize: witnessed, requiredOrigin: null });
    expect(same.replacedFile !== null && existsSync(same.replacedFile)).toBe(true);
    expect(await organizations(database)).toBe(10);

    // The old one only as the start of a new origin, which serve then requires.
    const restarted = await restoreSqlite({ backupFile: old, databaseFile: database, now: new Date('2026-12-05T02:00:00Z'), newOrigin: 'countersign.test/log-2' });
    expect(restarted.requiredOrigin).toBe('countersign.test/log-2');
    expect(await organizations(database)).toBe(5);
    expect((statSync(database).mode & 0o777).toString(8)).toBe('600');
    const reopened = await openStore(`sqlite:${database}`);
    try {
      expect(await requiredLogOrigin(reopened.db)).toBe('countersign.test/log-2');
    } finally {
      await reopened.close();
    }
  });

  it('refuses a file that is not a Countersign database', async () => {
    const other = join(dir, 'not-countersign.db');
    const { default: BetterSqlite3 } = await import('better-sqlite3');
    new BetterSqlite3(other).exec('create table t (x)');
    expect(await codeOf(() => restoreSqlite({ backupFile: other, databaseFile: database, now: new Date() }))).toBe('NOT_A_BACKUP');
  });
});
