import { randomBytes } from 'node:crypto';
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

/** Opens a fresh, migrated, empty database on the given backend. */
export async function openTestStore(dialect: DialectName): Promise<{ store: Store; dispose: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const store = await openStore('sqlite::memory:');
    return { store, dispose: () => store.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const store = await openStore(`${base}${base.includes('?') ? '&' : '?'}schema=${schema}`);
  return {
    store,
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
export function describeEachBackend(title: string, body: (getStore: () => Store, dialect: DialectName) => void): void {
  for (const dialect of BACKENDS) {
    describe(`${title} [${dialect}]`, () => {
      let opened: { store: Store; dispose: () => Promise<void> } | undefined;
      beforeAll(async () => {
        opened = await openTestStore(dialect);
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      body(() => {
        if (!opened) throw new Error('store not open yet');
        return opened.store;
      }, dialect);
    });
  }
}
