import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../test/support/test-store.js';
import { loadBundledDataset } from '../../test/support/bundled-dataset.js';
import { openTestLedger, TEST_ORIGIN } from '../../test/support/test-ledger.js';
import { actorWithRole, contextFor } from '../../test/support/contexts.js';
import type { Ledger } from '../ledger/sequencer/ledger.js';
import { generateSignerKey, parseSignerKey } from '../ledger/note/signer-key.js';
import { SIGNATURE_TYPE } from '../ledger/note/signature-types.js';
import { openSignedNote } from '../ledger/note/signed-note.js';
import { parseVerifierKey } from '../ledger/note/verifier-key.js';
import { createWitnessApp } from '../ledger/witness/witness-app.js';
import { MemoryWitnessStore } from '../ledger/witness/witness-store.js';
import { verifyRecord } from '../registry/commands/verify-record.js';
import { createApp } from './create-app.js';
import { mountLog } from './mount-log.js';

describeEachBackend('a log with a witness', (getStore) => {
  const witnessKey = generateSignerKey('witness.ngo.test', SIGNATURE_TYPE.cosignatureV1);
  const witnessStore = new MemoryWitnessStore();
  let ledger: Ledger;
  let witnessed: ReturnType<typeof createWitnessApp>;

  beforeAll(async () => {
    const store = getStore();
    // The witness trusts the log's key, which exists only once the ledger does: route lazily.
    const fetchImpl = async (url: string, init?: RequestInit) => witnessed.request(url.replace('http://witness.test', 'http://localhost'), init);
    ledger = await openTestLedger(store, { witnesses: [{ url: 'http://witness.test', verifierKey: witnessKey.verifierKey }], fetchImpl });
    witnessed = createWitnessApp({ key: parseSignerKey(witnessKey.signerKey), logs: [{ origin: TEST_ORIGIN, verifierKey: ledger.verifierKey }], store: witnessStore });
    await loadBundledDataset(store);
    await ledger.sequencer.integrate();
  });
  afterAll(async () => {
    await ledger?.close();
  });

  async function cosignedCheckpoint(): Promise<string> {
    const app = createApp({ store: getStore(), mount: [mountLog(getStore(), ledger)] });
    for (let i = 0; i < 100; i++) {
      const note = await (await app.request('http://localhost/log/checkpoint')).text();
      if (note.includes('— witness.ngo.test ')) return note;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('no cosignature arrived');
  }

  it('publishes the witness cosignature on /log/checkpoint, verifiable with the witness key', async () => {
    const note = await cosignedCheckpoint();
    const opened = openSignedNote(note, [parseVerifierKey(ledger.verifierKey), parseVerifierKey(witnessKey.verifierKey)]);
    expect(opened.verified.map((s) => s.name).sort()).toEqual([TEST_ORIGIN, 'witness.ngo.test']);
    expect((await witnessStore.read(TEST_ORIGIN))?.size).toBe(ledger.sequencer.size);
  });

  it('keeps the witness in step as the log grows (consistency proofs from the size it holds)', async () => {
    const before = ledger.sequencer.size;
    await getStore().transaction((tx) => verifyRecord({ ctx: contextFor(actorWithRole('editor')), recordType: 'organization', id: 'candiru', status: 'verified' }, tx));
    await ledger.sequencer.integrate();
    expect(ledger.sequencer.size).toBe(before + 1n);
    for (let i = 0; i < 100 && (await witnessStore.read(TEST_ORIGIN))?.size !== ledger.sequencer.size; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await witnessStore.read(TEST_ORIGIN))?.size).toBe(ledger.sequencer.size);
    const note = await cosignedCheckpoint();
    expect(note.split('\n')[1]).toBe(String(ledger.sequencer.size));
  });
});
