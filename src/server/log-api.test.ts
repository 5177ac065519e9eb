import type { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../test/support/test-store.js';
import { loadBundledDataset } from '../../test/support/bundled-dataset.js';
import { anonymousClient, createUser, signedInClient } from '../../test/support/test-app.js';
import { openTestLedger, TEST_ORIGIN } from '../../test/support/test-ledger.js';
import { openLedger } from '../app/open-ledger.js';
import { parseSignerKey } from '../ledger/note/signer-key.js';
import { checkLog } from '../ledger/check/check-log.js';
import { independentlyVerify } from '../../test/support/independent-verifier.js';
import type { Ledger } from '../ledger/sequencer/ledger.js';
import { decodeBase64 } from '../ledger/encoding/base64.js';
import { hashLeaf } from '../ledger/merkle/hash.js';
import { verifyInclusion } from '../ledger/merkle/verify-inclusion.js';
import { parseCheckpoint } from '../ledger/note/checkpoint.js';
import { openSignedNote } from '../ledger/note/signed-note.js';
import { parseVerifierKey } from '../ledger/note/verifier-key.js';
import { verifyRemoteLog } from '../ledger/verify/verify-remote-log.js';
import { verifyOpening } from '../ledger/seal/commit-field.js';
import type { AppEnv } from './app-env.js';
import { createApp } from './create-app.js';
import { mountLog } from './mount-log.js';

const b64 = (s: string): Uint8Array => {
  const bytes = decodeBase64(s);
  if (!bytes) throw new Error(`bad base64 ${s}`);
  return bytes;
};

describeEachBackend('transparency log over HTTP', (getStore) => {
  let app: Hono<AppEnv>;
  let ledger: Ledger;
  beforeAll(async () => {
    const store = getStore();
    await loadBundledDataset(store);
    ledger = await openTestLedger(store);
    app = createApp({ store, mount: [mountLog(store, ledger)] });
    await createUser(store, 'eddie', 'editor');
    await ledger.sequencer.integrate();
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('sequences every registry change into a signed checkpoint served at /log/checkpoint', async () => {
    const key = (await (await app.request('http://localhost/log/key')).text()).trim();
    const note = await (await app.request('http://localhost/log/checkpoint')).text();
    const opened = openSignedNote(note, [parseVerifierKey(key)]);
    const checkpoint = parseCheckpoint(opened.text);
    expect(checkpoint.origin).toBe(TEST_ORIGIN);
    const count = Number((await getStore().db.selectFrom('logEntries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(checkpoint.size).toBe(BigInt(count));
    expect(count).toBeGreaterThan(90);
  });

  it('passes a remote verification from tiles and entry bundles alone', async () => {
    const key = (await (await app.request('http://localhost/log/key')).text()).trim();
    const fetchImpl = async (url: string, init?: RequestInit) => app.request(url, init);
    const report = await verifyRemoteLog('http://localhost/log', { verifierKey: key, fetchImpl });
    expect(report.treeSize).toBe(ledger.sequencer.size);
    expect(report.entriesVerified).toBe(ledger.sequencer.size);
  });

  it('satisfies a verifier written from the RFC and C2SP texts alone', async () => {
    const result = await independentlyVerify(async (path) => {
      const response = await app.request(`http://localhost${path}`);
      expect(response.status, path).toBe(200);
      return response;
    });
    expect(result).toEqual({ origin: TEST_ORIGIN, size: Number(ledger.sequencer.size) });
  });

  it('gives the caller of a command a receipt that verifies against its own checkpoint', async () => {
    const editor = await signedInClient(app, 'eddie');
    const res = await editor.request('/api/v1/records/organization/ae-industrial-partners/status', { json: { status: 'verified' } });
    expect(res.status).toBe(200);
    const row = await getStore().db.selectFrom('logEntries').select(['id']).where('type', '=', 'registry.record.status-changed').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const receiptRes = await anonymousClient(app).request(`/api/v1/log/receipts/${row.id}?waitMs=5000`);
    expect(receiptRes.status).toBe(200);
    const receipt = (await receiptRes.json()) as { index: string; entry: string; leafHash: string; inclusionProof: string[]; checkpoint: string };
    const checkpoint = parseCheckpoint(openSignedNote(receipt.checkpoint, [parseVerifierKey(ledger.verifierKey)]).text);
    expect(receipt.entry).toContain('"type":"registry.record.status-changed"');
    expect(Buffer.from(hashLeaf(new TextEncoder().encode(receipt.entry))).toString('base64')).toBe(receipt.leafHash);
    expect(() =>
      verifyInclusion({ index: BigInt(receipt.index), treeSize: checkpoint.size, leafHash: b64(receipt.leafHash), proof: receipt.inclusionProof.map(b64), root: checkpoint.rootHash }),
    ).not.toThrow();
    expect(BigInt(receipt.index)).toBe(checkpoint.size - 1n);
  });

  it('lists a record\'s log entries and proves any of them', async () => {
    const list = (await (await anonymousClient(app).request('/api/v1/log/entries?subject=organization:intellexa-sa')).json()) as { items: { index: string; type: string }[] };
    expect(list.items.map((e) => e.type)).toEqual(['registry.organization.upserted']);
    const proof = (await (await anonymousClient(app).request(`/api/v1/log/entries/${list.items[0]?.index}/proof`)).json()) as { index: string; treeSize: string; leafHash: string; inclusionProof: string[]; rootHash: string };
    expect(() => verifyInclusion({ index: BigInt(proof.index), treeSize: BigInt(proof.treeSize), leafHash: b64(proof.leafHash), proof: proof.inclusionProof.map(b64), root: b64(proof.rootHash) })).not.toThrow();
  });

  it('never writes a sealed field in plain text', async () => {
    const tip = await anonymousClient(app).request('/api/v1/tips', { json: { subject: 'Secret lead', body: 'The journalist at risk is named in this sentence.', contact: 'signal:+15550100' } });
    expect(tip.status).toBe(201);
    await ledger.sequencer.integrate();
    const entries = await getStore().db.selectFrom('logEntries').select('entry').where('type', '=', 'tips.tip.submitted').execute();
    const text = entries.map((e) => e.entry).join('\n');
    expect(text).not.toContain('journalist at risk');
    expect(text).not.toContain('signal:+15550100');
    expect(JSON.parse(entries[0]?.entry ?? '{}').sealed.body).toMatch(/^[0-9a-f]{64}$/);
  });
});

describeEachBackend('sealed fields', (getStore) => {
  let app: Hono<AppEnv>;
  let ledger: Ledger;
  beforeAll(async () => {
    const store = getStore();
    ledger = await openTestLedger(store);
    app = createApp({ store, mount: [mountLog(store, ledger)] });
    await createUser(store, 'root', 'admin');
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('unseals a field so anyone can check it against the log, and shreds another for ever', async () => {
    const tip = await anonymousClient(app).request('/api/v1/tips', { json: { subject: 'Procurement lead', body: 'A police force in X bought a licence for Y last spring.', contact: 'tipster@example.org' } });
    expect(tip.status).toBe(201);
    await ledger.sequencer.integrate();
    const list = (await (await anonymousClient(app).request('/api/v1/log/entries')).json()) as { items: { index: string; type: string }[] };
    const index = list.items.find((e) => e.type === 'tips.tip.submitted')?.index;
    const before = (await (await anonymousClient(app).request(`/api/v1/log/entries/${index}/seals`)).json()) as { fields: { field: string; state: string }[] };
    expect(before.fields.map((f) => [f.field, f.state])).toEqual([['body', 'sealed'], ['contact', 'sealed'], ['sourceUrl', 'sealed'], ['subject', 'sealed']]);

    expect((await anonymousClient(app).request(`/api/v1/log/entries/${index}/seals/body/unseal`, { method: 'POST' })).status).toBe(401);
    const admin = await signedInClient(app, 'root');
    expect((await admin.request(`/api/v1/log/entries/${index}/seals/body/unseal`, { method: 'POST' })).status).toBe(200);
    expect((await admin.request(`/api/v1/log/entries/${index}/seals/contact/shred`, { method: 'POST' })).status).toBe(204);

    const after = (await (await anonymousClient(app).request(`/api/v1/log/entries/${index}/seals`)).json()) as { fields: { field: string; state: string; commitment: string; value?: unknown; opening?: string }[] };
    const body = after.fields.find((f) => f.field === 'body');
    expect(body?.state).toBe('unsealed');
    expect(body?.value).toBe('A police force in X bought a licence for Y last spring.');
    expect(verifyOpening('body', 'A police force in X bought a licence for Y last spring.', body?.opening ?? '', body?.commitment ?? '')).toBe(true);
    expect(verifyOpening('body', 'Something else entirely.', body?.opening ?? '', body?.commitment ?? '')).toBe(false);
    expect(after.fields.find((f) => f.field === 'contact')?.state).toBe('shredded');
    const values = await getStore().db.selectFrom('sealedValues').select('value').execute();
    expect(values.map((o) => o.value)).not.toContain('"tipster@example.org"');
  });
});

describeEachBackend('two sequencers over one database', (getStore) => {
  it('take turns without corrupting the tree: each starts from what the other stored', async () => {
    const store = getStore();
    const first = await openTestLedger(store);
    // A second process's sequencer shares the storage (and, in tests, the signing key).
    const second = await openLedger({ store, signer: parseSignerKey(first.signerKey), verifierKey: first.verifierKey, pollMs: 0 });
    try {
      for (let round = 0; round < 4; round++) {
        await anonymousClient(createApp({ store })).request('/api/v1/tips', { json: { subject: `Lead ${round}`, body: 'A contract worth a look, with details.' } });
        await (round % 2 === 0 ? first : second).sequencer.integrate();
      }
      const latest = await first.storage.latestCheckpoint();
      expect(latest?.size).toBe(4n);
      expect((await checkLog(first.storage, first.verifierKey)).problems).toEqual([]);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
