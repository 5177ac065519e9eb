import { expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { prepareLogEntry } from '../../ledger/append/prepare-log-entry.js';
import { verifyOpening } from '../../ledger/seal/commit-field.js';
import { insertLogEntries } from './insert-log-entries.js';
import { KyselySealStore } from './kysely-seal-store.js';

describeEachBackend('insertLogEntries', (getStore, dialect) => {
  it('pairs every opening with its own entry by an explicit id, for a batch of many entries', async () => {
    const store = getStore();
    const entries = Array.from({ length: 60 }, (_, i) =>
      prepareLogEntry({ type: 'tips.tip.submitted', actor: 'anonymous', time: '2026-01-01T00:00:00.000Z', subjects: [`tip:t${i}`], data: { tip: `t${i}` }, sealed: { body: `body number ${i}`, contact: `contact ${i}` } }),
    );
    const ids = await store.db.transaction().execute((trx) => insertLogEntries(trx, dialect, entries));
    expect(new Set(ids).size).toBe(60);
    const seals = new KyselySealStore(store.db);
    for (const [i, id] of ids.entries()) {
      const row = await store.db.selectFrom('logEntries').select('entry').where('id', '=', id).executeTakeFirstOrThrow();
      const commitments = JSON.parse(row.entry).sealed as Record<string, string>;
      const openings = await seals.openings(id);
      expect(openings.map((o) => o.field)).toEqual(['body', 'contact']);
      for (const o of openings) {
        expect(JSON.parse(o.value)).toBe(o.field === 'body' ? `body number ${i}` : `contact ${i}`);
        expect(verifyOpening(o.field, JSON.parse(o.value), o.opening, commitments[o.field] ?? '')).toBe(true);
      }
      const subjects = await store.db.selectFrom('logEntrySubjects').select('subject').where('logEntryId', '=', id).execute();
      expect(subjects.map((s) => s.subject)).toEqual([`tip:t${i}`]);
    }
  });
});
