import { formatCheckpoint } from '../../src/ledger/note/checkpoint.js';
import type { NoteSigner } from '../../src/ledger/note/note-keys.js';
import { signNote } from '../../src/ledger/note/signed-note.js';
import type { LogStorage } from '../../src/ledger/sequencer/log-storage.js';
import { TreeState } from '../../src/ledger/sequencer/tree-state.js';

/**
 * Builds the tiles of a log of `size` synthetic entries straight into storage, with the same
 * TreeState the sequencer uses (proofs read tiles only, so entry rows are not needed to measure
 * proof speed), and signs a checkpoint at the end.
 */
export async function buildTileTree(storage: LogStorage, signer: NoteSigner, size: number, onProgress: (done: number) => void): Promise<void> {
  const state = TreeState.empty();
  const batch = 65_536;
  const encoder = new TextEncoder();
  for (let from = 0; from < size; from += batch) {
    const count = Math.min(batch, size - from);
    const entries = Array.from({ length: count }, (_, i) => encoder.encode(`{"bench":${from + i}}`));
    const { tiles } = state.append(entries);
    const rootHash = state.root();
    const note = signNote(formatCheckpoint({ origin: signer.name, size: state.size, rootHash }), [signer]);
    await storage.integrate({ assignments: [], tiles, checkpoint: { size: state.size, rootHash, note, createdAt: new Date().toISOString() } });
    onProgress(from + count);
  }
}
