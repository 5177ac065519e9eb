import { describe, expect, it } from 'vitest';
import type { LogStorage } from '../sequencer/log-storage.js';
import { BatchingLogWriter } from './batching-log-writer.js';

const entry = { type: 'registry.organization.upserted', actor: 'system', time: '2026-01-01T00:00:00.000Z', subjects: [], data: {} };

/** A storage that stores the batch but returns fewer row ids than entries (a broken driver). */
function storageReturning(ids: number[]): LogStorage {
  const unused = () => Promise.reject(new Error('not used'));
  return {
    appendEntries: async () => ids, latestCheckpoint: unused, checkpointAt: unused, listCheckpoints: unused, checkpointsAfter: unused, sequencedStats: unused, readTile: unused,
    readTileWithInner: unused, listTiles: unused, pendingEntries: unused, entriesByIndex: unused, entryById: unused, integrate: unused, addCosignature: unused, cosignatures: unused,
  };
}

describe('BatchingLogWriter', () => {
  it('rejects the batch when the storage returns fewer row ids than entries, instead of resolving id 0', async () => {
    const writer = new BatchingLogWriter(storageReturning([7]));
    const results = await Promise.allSettled([writer.append(entry), writer.append(entry)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('resolves each caller with its own row id', async () => {
    const writer = new BatchingLogWriter(storageReturning([7, 8]));
    expect(await Promise.all([writer.append(entry), writer.append(entry)])).toEqual([{ id: 7 }, { id: 8 }]);
  });
});
