export type { Ledger } from '../ledger/sequencer/ledger.js';
import type { NoteSigner } from '../ledger/note/note-keys.js';
import type { Ledger } from '../ledger/sequencer/ledger.js';
import { Sequencer } from '../ledger/sequencer/sequencer.js';
import { storedLogReader } from '../ledger/sequencer/stored-log-reader.js';
import { WitnessSubmitter, type WitnessConfig } from '../ledger/sequencer/witness-submitter.js';
import type { FetchLike } from '../ledger/fetch-like.js';
import { openLogStorage } from '../store/ledger/open-log-storage.js';
import type { Store } from '../store/store.js';

/**
 * Starts the log over a store: restores the tree, integrates whatever is pending, wakes the
 * sequencer after every commit that appended entries (and polls for other processes' entries),
 * and reports each checkpoint to the configured witnesses.
 */
export async function openLedger({ store, signer, verifierKey, witnesses = [], fetchImpl, pollMs = 1000, batchSize }: {
  store: Store;
  signer: NoteSigner;
  verifierKey: string;
  witnesses?: readonly WitnessConfig[];
  fetchImpl?: FetchLike;
  pollMs?: number;
  batchSize?: number;
}): Promise<Ledger> {
  const storage = openLogStorage(store);
  const submitter = new WitnessSubmitter({ storage, witnesses, ...(fetchImpl ? { fetchImpl } : {}) });
  const sequencer = await Sequencer.open({
    storage, signer, origin: signer.name,
    onCheckpoint: (checkpoint) => void submitter.submit(checkpoint),
    ...(batchSize ? { batchSize } : {}),
  });
  await sequencer.integrate();
  const detach = store.onCommit(() => sequencer.schedule());
  if (pollMs > 0) sequencer.startPolling(pollMs);
  return {
    origin: signer.name,
    verifierKey,
    storage,
    sequencer,
    reader: storedLogReader(storage, verifierKey),
    async close() {
      sequencer.stopPolling();
      detach();
      await sequencer.idle();
    },
  };
}
