import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { openTestLedger } from '../../../test/support/test-ledger.js';
import type { Ledger } from '../../ledger/sequencer/ledger.js';
import { Store } from '../store.js';
import { checkStoredLog } from './check-stored-log.js';
import { openStore } from '../../app/open-store.js';
import { testEntry, TEST_ENTRY_TYPE, withTestEntries } from '../../../test/support/test-events.js';

const entry = testEntry;

describeEachBackend(
  'log check on a live database',
  (getStore, _dialect, getUrl) => {
    let ledger: Ledger;
    let checker: Store;
    beforeAll(async () => {
      const store = getStore();
      ledger = await openTestLedger(store);
      for (let batch = 0; batch < 5; batch++) {
        await withTestEntries(store).transaction(async (tx) => {
          for (let i = 0; i < 60; i++) await tx.log.append(entry(batch * 60 + i));
        });
        await ledger.sequencer.integrate();
      }
      // The check runs on a connection of its own, as `countersign log check` does beside `serve`.
      checker = await openStore(getUrl());
    });
    afterAll(async () => {
      await ledger?.close();
      await checker?.close();
    });

    it('passes while entries are appended and sequenced the whole time it runs', async () => {
      const store = getStore();
      let stop = false;
      let written = 0;
      const writer = (async () => {
        while (!stop) {
          await withTestEntries(store).transaction((tx) => tx.log.append(entry(1000 + written)));
          written++;
          await ledger.sequencer.integrate();
        }
      })();
      const checked: number[] = [];
      try {
        for (let run = 0; run < 3; run++) {
          // Small pages: many statements, so writes land between them.
          const report = await checkStoredLog(checker, ledger.verifierKey, 7);
          expect(report.problems).toEqual([]);
          checked.push(report.checkpoints);
        }
      } finally {
        stop = true;
        await writer;
      }
      expect(written).toBeGreaterThan(3);
      expect(checked.at(-1)).toBeGreaterThan(5);
      expect((await checkStoredLog(checker, ledger.verifierKey)).ok).toBe(true);
    });
  },
  { onDisk: true },
);
