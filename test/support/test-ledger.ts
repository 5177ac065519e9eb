import { generateSignerKey, parseSignerKey } from '../../src/ledger/note/signer-key.js';
import { openLedger, type Ledger } from '../../src/app/open-ledger.js';
import type { Store } from '../../src/store/store.js';
import type { FetchLike } from '../../src/ledger/fetch-like.js';
import type { WitnessConfig } from '../../src/ledger/sequencer/witness-submitter.js';

export const TEST_ORIGIN = 'countersign.test/log';

/** A ledger over a test store with a fresh key; no polling (tests call integrate). */
export async function openTestLedger(store: Store, options: { witnesses?: WitnessConfig[]; fetchImpl?: FetchLike } = {}): Promise<Ledger & { signerKey: string }> {
  const { signerKey, verifierKey } = generateSignerKey(TEST_ORIGIN);
  const ledger = await openLedger({ store, signer: parseSignerKey(signerKey), verifierKey, pollMs: 0, ...options });
  return { ...ledger, signerKey };
}
