import type { KyselyPlugin } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { addFactoryOrganizations } from '../../test/support/bulk-organizations.js';
import { describeEachBackend } from '../../test/support/test-store.js';
import { readHomePanels } from '../store/registry/queries/read-home-panels.js';
import type { Store } from '../store/store.js';
import { HomePanelsCache } from './home-panels-cache.js';
import { openStore } from '../app/open-store.js';

/** Counts the statements sent through a Kysely instance. */
function statementCounter(): KyselyPlugin & { count: number } {
  return {
    count: 0,
    transformQuery(args) {
      this.count += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
}

describeEachBackend('the home page panels', (getStore) => {
  beforeAll(async () => {
    await addFactoryOrganizations(getStore(), 30, { perTransaction: 30 });
  });

  it('are read with one statement per panel, however many items they show', async () => {
    const counter = statementCounter();
    const panels = await readHomePanels(getStore().db.withPlugin(counter));
    expect(counter.count).toBe(6);
    expect(panels.counts.organization).toBe(30);
  });

  it('are kept between changes, and read again after a commit', async () => {
    const cache = new HomePanelsCache(getStore());
    expect((await cache.get()).counts.organization).toBe(30);
    // A row written behind the log's back (no commit, no entry) is not seen: the panels are cached.
    await getStore().db.insertInto('organizations').values({ id: 'behind-the-back', name: 'Behind The Back', kind: 'vendor', country: null, locality: null, parentId: null, notes: null, status: 'reported', createdAt: '2026-01-01', updatedAt: '2026-01-01' }).execute();
    expect((await cache.get()).counts.organization).toBe(30);
    await addFactoryOrganizations(getStore(), 1, { prefix: 'after-commit' });
    expect((await cache.get()).counts.organization).toBe(32);
  });
});

describeEachBackend('the home page cache across stores', (getStore, dialect) => {
  it('sees another store\'s commit on the same database (another process) at once', async () => {
    if (dialect === 'sqlite') {
      // An in-memory SQLite database has one connection; two processes share a file instead (same code path).
      const cache = new HomePanelsCache(getStore());
      expect((await cache.get()).counts.organization).toBe(0);
      await addFactoryOrganizations(getStore(), 2);
      expect((await cache.get()).counts.organization).toBe(2);
      return;
    }
    // The test server uses trust authentication: the description (the URL, password redacted) is the URL.
    const other = await openStore(getStore().description);
    try {
      const cache = new HomePanelsCache(getStore());
      const before = (await cache.get()).counts.organization ?? 0;
      await addFactoryOrganizations(other, 2, { prefix: 'other-process' });
      expect((await cache.get()).counts.organization).toBe(before + 2);
    } finally {
      await other.close();
    }
  });
});
