import { expect, it } from 'vitest';
import { givenOrganization } from '../../test/support/registry-factories.js';
import { describeEachBackend } from '../../test/support/test-store.js';
import { VersionedCache } from './versioned-cache.js';

describeEachBackend('VersionedCache', (getStore) => {
  it('keeps an answer until a change is committed, shares concurrent misses, and forgets failures', async () => {
    const cache = new VersionedCache<number>(getStore(), 10);
    let computed = 0;
    const compute = async () => (computed += 1);
    expect(await Promise.all([cache.get('a', compute), cache.get('a', compute)])).toEqual([1, 1]);
    expect(await cache.get('a', compute)).toBe(1);
    await givenOrganization(getStore());
    expect(await cache.get('a', compute)).toBe(2);
    await expect(cache.get('b', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await Promise.resolve();
    expect(await cache.get('b', compute)).toBe(3);
  });

  it('sees a change committed by another process through the newest log entry', async () => {
    const cache = new VersionedCache<number>(getStore(), 10);
    let computed = 0;
    const compute = async () => (computed += 1);
    expect(await cache.get('a', compute)).toBe(1);
    // Another process appends: this store's commit listeners never hear of it.
    await getStore().db.insertInto('logEntries').values({ entry: '{}', type: 'test.other-process', createdAt: new Date().toISOString(), leafIndex: null }).execute();
    expect(await cache.get('a', compute)).toBe(2);
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = new VersionedCache<string>(getStore(), 2);
    await cache.get('a', async () => 'a');
    await cache.get('b', async () => 'b');
    await cache.get('a', async () => 'a again');
    await cache.get('c', async () => 'c');
    expect(cache.size).toBe(2);
    expect(await cache.get('a', async () => 'recomputed')).toBe('a');
    expect(await cache.get('b', async () => 'recomputed')).toBe('recomputed');
  });
});
