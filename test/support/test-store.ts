import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { DialectName } from '../../src/store/dialect-name.js';
import { openStore } from '../../src/app/open-store.js';
import type { Store } from '../../src/store/store.js';

/**
 * The backends every storage test runs against: SQLite always; PostgreSQL when
 * TEST_DATABASE_URL names a server (CI sets it — see .ci/run). Each PostgreSQL suite gets a
 * schema of its own, dropped afterwards, so suites run in parallel.
 */
export const BACKENDS: readonly DialectName[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** What a test may ask of its database. */
export interface TestStoreOptions {
  /** SQLite in a file (default: in memory), so a second connection (`openStore(url)`) shares it. */
  readonly onDisk?: boolean;
}

/** An open test database, its URL (to open more connections to it) and how to dispose of it. */
export interface TestStore {
  readonly store: Store;
  readonly url: string;
  readonly dispose: () => Promise<void>;
}

/** Opens a fresh, migrated, empty database on the given backend. */
export async function openTestStore(dialect: DialectName, options: TestStoreOptions = {}): Promise<TestStore> {
  if (dialect === 'sqlite' && options.onDisk) {
    const dir = mkdtempSync(join(tmpdir(), 'countersign-test-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    const store = await openStore(url);
    return { store, url, dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    } };
  }
  if (dialect === 'sqlite') {
    const store = await openStore('sqlite::memory:');
    return { store, url: 'sqlite::memory:', dispose: () => store.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const url = `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
  const store = await openStore(url);
  return {
    store,
    url,
    dispose: async () => {
      await store.close();
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

/**
 * Runs one test body against every backend (Kysely's habit: one suite, all dialects).
 *
 * @example
 * describeEachBackend('importDataset', (getStore) => { it('…', async () => { const store = getStore(); … }); });
 */
export function describeEachBackend(
  title: string,
  body: (getStore: () => Store, dialect: DialectName, getUrl: () => string) => void,
  options: TestStoreOptions = {},
): void {
  for (const dialect of BACKENDS) {
    describe(`${title} [${dialect}]`, () => {
      let opened: TestStore | undefined;
      beforeAll(async () => {
        opened = await openTestStore(dialect, options);
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      body(() => {
        if (!opened) throw new Error('store not open yet');
        return opened.store;
      }, dialect, () => {
        if (!opened) throw new Error('store not open yet');
        return opened.url;
      });
    });
  }
}
