import { expect, it } from 'vitest';
import { givenRecords } from '../../../test/support/registry-factories.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { searchRegistry } from '../search/search-registry.js';
import { addSearchDocumentsOfStoredRecords } from './0113-index-pages-and-search.js';

describeEachBackend('migration 0113: sources and policies stored before they were indexed become searchable', (getStore, dialect) => {
  it('indexes stored sources by title and publisher, and policies by title', async () => {
    const store = getStore();
    await givenRecords(store, {
      sources: [{ id: 'mig-report', title: 'Hooking Quokkas', publisher: 'The Marsupial Lab', date: '2021-07-15' }],
      policies: [{ id: 'mig-policy', title: 'Order on quokka spyware', sources: ['mig-report'] }],
    });
    // As a database written before this migration: no search texts for sources and policies.
    await store.db.deleteFrom('searchDocuments').where('recordType', 'in', ['source', 'policy']).execute();
    expect((await searchRegistry(store.db, dialect, { q: 'marsupial lab' })).results).toEqual([]);
    await addSearchDocumentsOfStoredRecords(store.db);
    expect((await searchRegistry(store.db, dialect, { q: 'marsupial lab' })).results.map((r) => r.id)).toEqual(['mig-report']);
    expect((await searchRegistry(store.db, dialect, { q: 'quokka spyware' })).results.map((r) => r.id)).toEqual(['mig-policy']);
  });
});
