import { encodeBase64 } from '../../ledger/encoding/base64.js';
import { hashLeaf } from '../../ledger/merkle/hash.js';
import { proveInclusion } from '../../ledger/merkle/prove-inclusion.js';
import type { Ledger } from '../../ledger/sequencer/ledger.js';
import { storedTileReader } from '../../ledger/sequencer/stored-tile-reader.js';
import { createTileHashReader } from '../../ledger/tiles/tile-hash-reader.js';
import { publishedValueText, readSealedFields } from '../../store/ledger/read-sealed-fields.js';
import { readLogEntries, readLogEntry } from '../../store/ledger/read-log-entries.js';
import type { Store } from '../../store/store.js';
import type { InclusionProofView, LogEntryPageView, SealedFieldView } from '../pages/log-entry-page.js';
import { linkedSubjects } from '../../store/ledger/linked-subjects.js';

/**
 * Everything the entry page shows, or null when no sequenced entry has this index: the entry, its
 * sealed fields' states (values only for unsealed ones), its inclusion proof against the latest
 * checkpoint (as GET /api/v1/log/entries/{index}/proof gives it), and later entries about it.
 *
 * @example
 * const view = found(await readLogEntryPage(store, ledger, 41n), 'log entry with this index');
 */
export async function readLogEntryPage(store: Store, ledger: Ledger, index: bigint): Promise<LogEntryPageView | null> {
  const entry = await readLogEntry(store.db, index);
  if (!entry) return null;
  // A sealed value stays out of the view altogether, so no page can show it by mistake; an
  // unsealed one is shown as the log entry that published it says.
  const sealed = (await readSealedFields(store.db, { entryId: entry.entryId, index, sealed: entry.sealed })).map((f): SealedFieldView =>
    f.state === 'unsealed' ? { field: f.field, commitment: f.commitment, state: 'unsealed', unsealedAt: f.unsealedAt, value: publishedValueText(f.value), opening: f.opening } : f);

  const checkpoint = await ledger.storage.latestCheckpoint();
  let proof: InclusionProofView | null = null;
  if (checkpoint && index < checkpoint.size) {
    const hashes = await proveInclusion(createTileHashReader(storedTileReader(ledger.storage), checkpoint.size), index, checkpoint.size);
    proof = {
      treeSize: checkpoint.size.toString(),
      leafHash: encodeBase64(hashLeaf(new TextEncoder().encode(entry.entry))),
      proof: hashes.map(encodeBase64),
      rootHash: encodeBase64(checkpoint.rootHash),
      checkpoint: checkpoint.note,
      signedAt: checkpoint.createdAt,
    };
  }
  const related = (await readLogEntries(store.db, { subject: `log:${entry.index}`, limit: 20, offset: 0 })).items;
  return { entry, sealed, proof, verifierKey: ledger.verifierKey, related, linkedSubjects: await linkedSubjects(store.db, entry.subjects) };
}
