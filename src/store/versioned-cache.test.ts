import { expect, it } from 'vitest';
import { openStore } from '../app/open-store.js';
import { DatabaseRateLimiter } from './rate-limits/database-rate-limiter.js';
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

describeEachBackend('VersionedCache across processes', (getStore, _dialect, getUrl) => {
  it('sees a change another connection commits (its commit listeners never hear of it), and nothing else', async () => {
    let clock = 1_000;
    const cache = new VersionedCache<number>(getStore(), 10, () => clock);
    let computed = 0;
    const compute = async () => (computed += 1);
    expect(await cache.get('a', compute)).toBe(1);
    const other = await openStore(getUrl());
    const later = () => {
      clock += 2;
    };
    try {
      // A write that appends no log entry (a rate-limit count) changes nothing the cache keeps.
      await new DatabaseRateLimiter(other.db, other.sqlite).hit({ bucket: 'search', limit: 10, windowMs: 60_000 }, 'k', Date.now());
      later();
      expect(await cache.get('a', compute)).toBe(1);
      await givenOrganization(other);
      later();
      expect(await cache.get('a', compute)).toBe(2);
      expect(await cache.get('a', compute)).toBe(2);
    } finally {
      await other.close();
    }
  });
}, { onDisk: true });
