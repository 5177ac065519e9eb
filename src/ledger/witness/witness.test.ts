import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_ROOT } from '../merkle/hash.js';
import { proveConsistency } from '../merkle/prove-consistency.js';
import { formatCheckpoint } from '../note/checkpoint.js';
import { cosignatureTimestamp } from '../note/cosignature.js';
import { SIGNATURE_TYPE } from '../note/signature-types.js';
import { openSignedNote, signNote } from '../note/signed-note.js';
import { generateSignerKey, parseSignerKey } from '../note/signer-key.js';
import { parseVerifierKey } from '../note/verifier-key.js';
import { MemoryLog } from '../tiles/memory-log.js';
import { formatAddCheckpointRequest } from './add-checkpoint-request.js';
import { addCosignatures } from './add-cosignatures.js';
import { FileWitnessStore } from './file-witness-store.js';
import { requestCosignature } from './request-cosignature.js';
import { submitToWitness, type FetchLike } from './submit-to-witness.js';
import { createWitnessApp } from './witness-app.js';
import { WitnessError } from './witness-error.js';
import { MemoryWitnessStore, type WitnessStore } from './witness-store.js';

const ORIGIN = 'countersign.test/log';
const logKeys = generateSignerKey(ORIGIN);
const witnessKeys = generateSignerKey('witness.test/w1', SIGNATURE_TYPE.cosignatureV1);

function newLog(entries: number, prefix = 'entry'): MemoryLog {
  const log = new MemoryLog({ origin: ORIGIN, signer: parseSignerKey(logKeys.signerKey) });
  for (let i = 0; i < entries; i++) log.append(new TextEncoder().encode(`${prefix} ${i}`));
  return log;
}

function newWitness(store: WitnessStore = new MemoryWitnessStore()): Hono {
  return createWitnessApp({
    key: parseSignerKey(witnessKeys.signerKey, () => 1_750_000_000n),
    logs: [{ origin: ORIGIN, verifierKey: logKeys.verifierKey }],
    store,
  });
}

function fetchFrom(app: Hono): FetchLike {
  return async (input, init) => app.request(input, init);
}

async function post(app: Hono, body: string | Uint8Array): Promise<Response> {
  return app.request('http://witness/add-checkpoint', { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body) });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return error instanceof WitnessError ? error.code : `crashed: ${String(error)}`;
  }
}

describe('witness server and client (c2sp.org/tlog-witness)', () => {
  let witness: Hono;
  beforeEach(() => {
    witness = newWitness();
  });

  it('cosigns a first checkpoint, then a grown one with a consistency proof', async () => {
    const log = newLog(10);
    const first = log.publishCheckpoint();
    const lines = await submitToWitness('http://witness', { oldSize: 0n, proof: [], checkpointNote: first }, fetchFrom(witness), { witnessKey: witnessKeys.verifierKey });
    expect(lines).toHaveLength(1);
    const cosigned = addCosignatures(first, [...lines, ...lines]);
    expect(cosigned).toBe(`${first}${lines[0]}\n`);
    expect(() => addCosignatures(first, ['not a signature line'])).toThrow();
    const opened = openSignedNote(cosigned, [parseVerifierKey(logKeys.verifierKey), parseVerifierKey(witnessKeys.verifierKey)]);
    expect(opened.verified).toHaveLength(2);
    expect(cosignatureTimestamp(opened.verified[1]?.signature ?? new Uint8Array())).toBe(1_750_000_000n);

    for (let i = 10; i < 300; i++) log.append(new TextEncoder().encode(`entry ${i}`));
    const second = log.publishCheckpoint();
    const proof = await proveConsistency(log.tree, 10n, 300n);
    expect(await submitToWitness('http://witness', { oldSize: 10n, proof, checkpointNote: second }, fetchFrom(witness))).toHaveLength(1);
    // Resubmitting the same checkpoint is consistent and cosigned again.
    expect(await submitToWitness('http://witness', { oldSize: 300n, proof: [], checkpointNote: second }, fetchFrom(witness))).toHaveLength(1);
  });

  it('answers 409 with the size it holds, and the client retries from there', async () => {
    const log = newLog(10);
    await submitToWitness('http://witness', { oldSize: 0n, proof: [], checkpointNote: log.publishCheckpoint() }, fetchFrom(witness));
    log.append(new TextEncoder().encode('more'));
    const note = log.publishCheckpoint();

    const response = await post(witness, formatAddCheckpointRequest({ oldSize: 0n, proof: [], checkpoint: note }));
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe('text/x.tlog.size');
    expect(await response.text()).toBe('10\n');

    let caught: unknown;
    try {
      await submitToWitness('http://witness', { oldSize: 3n, proof: [], checkpointNote: note }, fetchFrom(witness));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WitnessError);
    expect(caught instanceof WitnessError && caught.code === 'CONFLICT' ? caught.knownSize : undefined).toBe(10n);

    const proved: bigint[] = [];
    const result = await requestCosignature({
      witnessUrl: 'http://witness',
      checkpointNote: note,
      lastKnownSize: 0n,
      proveConsistency: async (oldSize, newSize) => {
        proved.push(oldSize);
        return proveConsistency(log.tree, oldSize, newSize);
      },
      fetchImpl: fetchFrom(witness),
      options: { witnessKey: witnessKeys.verifierKey },
    });
    expect(proved).toEqual([10n]);
    expect(result.cosignedSize).toBe(11n);
  });

  it('refuses inconsistent checkpoints with 422', async () => {
    const log = newLog(20);
    await submitToWitness('http://witness', { oldSize: 0n, proof: [], checkpointNote: log.publishCheckpoint() }, fetchFrom(witness));
    for (let i = 20; i < 50; i++) log.append(new TextEncoder().encode(`entry ${i}`));
    const grown = log.publishCheckpoint();
    const proof = await proveConsistency(log.tree, 20n, 50n);
    const tampered = proof.map((hash, i) => (i === 0 ? hash.map((b, j) => (j === 0 ? b ^ 1 : b)) : hash));
    expect(await codeOf(submitToWitness('http://witness', { oldSize: 20n, proof: tampered, checkpointNote: grown }, fetchFrom(witness)))).toBe('INCONSISTENT');
    expect(await codeOf(submitToWitness('http://witness', { oldSize: 20n, proof: [], checkpointNote: grown }, fetchFrom(witness)))).toBe('INCONSISTENT');

    // A fork: same origin and key, different entries, same size as what the witness holds.
    const fork = newLog(20, 'forged');
    expect(await codeOf(submitToWitness('http://witness', { oldSize: 20n, proof: [], checkpointNote: fork.publishCheckpoint() }, fetchFrom(witness)))).toBe('INCONSISTENT');
    // A fork that grew: its proof from 20 cannot match the root the witness holds.
    for (let i = 20; i < 50; i++) fork.append(new TextEncoder().encode(`forged ${i}`));
    const forkNote = fork.publishCheckpoint();
    const forkProof = await proveConsistency(fork.tree, 20n, 50n);
    expect(await codeOf(submitToWitness('http://witness', { oldSize: 20n, proof: forkProof, checkpointNote: forkNote }, fetchFrom(witness)))).toBe('INCONSISTENT');
    // The honest extension is still accepted afterwards: refusals changed nothing.
    expect(await codeOf(submitToWitness('http://witness', { oldSize: 20n, proof, checkpointNote: grown }, fetchFrom(witness)))).toBe('accepted');
  });

  it('refuses a non-empty proof from size 0, and a size-0 checkpoint without the empty root', async () => {
    const log = newLog(4);
    const note = log.publishCheckpoint();
    const bogus = [new Uint8Array(32)];
    expect(await codeOf(submitToWitness('http://witness', { oldSize: 0n, proof: bogus, checkpointNote: note }, fetchFrom(witness)))).toBe('INCONSISTENT');
    const signer = parseSignerKey(logKeys.signerKey);
    const emptyWrong = signNote(formatCheckpoint({ origin: ORIGIN, size: 0n, rootHash: new Uint8Array(32) }), [signer]);
    expect(await codeOf(submitToWitness('http://witness', { oldSize: 0n, proof: [], checkpointNote: emptyWrong }, fetchFrom(witness)))).toBe('INCONSISTENT');
    const emptyRight = signNote(formatCheckpoint({ origin: ORIGIN, size: 0n, rootHash: EMPTY_ROOT }), [signer]);
    expect(await codeOf(submitToWitness('http://witness', { oldSize: 0n, proof: [], checkpointNote: emptyRight }, fetchFrom(witness)))).toBe('accepted');
  });

  it('refuses rollbacks: a smaller checkpoint is 400 (old above size) or 409 (old not what it holds)', async () => {
    const log = newLog(30);
    await submitToWitness('http://witness', { oldSize: 0n, proof: [], checkpointNote: log.publishCheckpoint() }, fetchFrom(witness));
    const older = newLog(12);
    const olderNote = older.publishCheckpoint();
    expect(await codeOf(submitToWitness('http://witness', { oldSize: 30n, proof: [], checkpointNote: olderNote }, fetchFrom(witness)))).toBe('BAD_REQUEST');
    expect(await codeOf(submitToWitness('http://witness', { oldSize: 12n, proof: [], checkpointNote: olderNote }, fetchFrom(witness)))).toBe('CONFLICT');
    expect(await codeOf(submitToWitness('http://witness', { oldSize: 0n, proof: [], checkpointNote: olderNote }, fetchFrom(witness)))).toBe('CONFLICT');
  });

  it('refuses unknown origins (404) and untrusted or invalid signatures (403)', async () => {
    const stranger = new MemoryLog({ origin: 'elsewhere.test/log', signer: parseSignerKey(generateSignerKey('elsewhere.test/log').signerKey) });
    stranger.append(new Uint8Array([1]));
    expect(await codeOf(submitToWitness('http://witness', { oldSize: 0n, proof: [], checkpointNote: stranger.publishCheckpoint() }, fetchFrom(witness)))).toBe('UNKNOWN_LOG');

    const impostor = new MemoryLog({ origin: ORIGIN, signer: parseSignerKey(generateSignerKey(ORIGIN).signerKey) });
    impostor.append(new Uint8Array([1]));
    expect(await codeOf(submitToWitness('http://witness', { oldSize: 0n, proof: [], checkpointNote: impostor.publishCheckpoint() }, fetchFrom(witness)))).toBe('FORBIDDEN');

    const log = newLog(3);
    const note = log.publishCheckpoint();
    const forged = note.replace('\n3\n', '\n4\n');
    expect(await codeOf(submitToWitness('http://witness', { oldSize: 0n, proof: [], checkpointNote: forged }, fetchFrom(witness)))).toBe('FORBIDDEN');
  });

  it('refuses malformed requests with 400 and never crashes', async () => {
    const log = newLog(5);
    const note = log.publishCheckpoint();
    const hash = 'PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=';
    const bodies: Array<string | Uint8Array> = [
      '',
      note,
      `old 010\n\n${note}`,
      `old 0x10\n\n${note}`,
      `old +1\n\n${note}`,
      `old -1\n\n${note}`,
      `old  1\n\n${note}`,
      `old 1 \n\n${note}`,
      `OLD 0\n\n${note}`,
      `old 99999999999999999999\n\n${note}`,
      `old 0\r\n\r\n${note}`,
      `old 0\n${note}`,
      `old 0\nnot-base64!\n\n${note}`,
      `old 0\n${hash.slice(0, -4)}\n\n${note}`,
      `old 0\n${`${hash}\n`.repeat(64)}\n${note}`,
      `old 0\n\n${note.replace('\n5\n', '\n05\n')}`,
      `old 0\n\n${note.replace('\u2014', '-')}`,
      `old 0\n\ngarbage`,
      `old 9\n\n${note}`,
      Uint8Array.from([0x6f, 0x6c, 0x64, 0x20, 0x30, 0x0a, 0x0a, 0xff, 0xfe]),
    ];
    for (const body of bodies) {
      const response = await post(witness, body);
      expect(response.status, typeof body === 'string' ? body.slice(0, 40) : 'bytes').toBe(400);
    }
    expect((await post(witness, `old 0\n\n${note}${'x'.repeat(300 * 1024)}`)).status).toBe(413);
  });

  it('lets only one of two racing requests from the same old size win', async () => {
    const log = newLog(8);
    await submitToWitness('http://witness', { oldSize: 0n, proof: [], checkpointNote: log.publishCheckpoint() }, fetchFrom(witness));
    const a = newLog(8);
    for (let i = 8; i < 12; i++) a.append(new TextEncoder().encode(`entry ${i}`));
    const b = newLog(8);
    for (let i = 8; i < 16; i++) b.append(new TextEncoder().encode(`entry ${i}`));
    const results = await Promise.all(
      [a, b].map(async (fork) =>
        codeOf(
          submitToWitness(
            'http://witness',
            { oldSize: 8n, proof: await proveConsistency(fork.tree, 8n, fork.tree.size), checkpointNote: fork.publishCheckpoint() },
            fetchFrom(witness),
          ),
        ),
      ),
    );
    expect(results.sort()).toEqual(['CONFLICT', 'accepted']);
  });

  it('serves the latest cosigned checkpoint to monitors by origin hash', async () => {
    const log = newLog(6);
    const note = log.publishCheckpoint();
    const originHash = (await import('node:crypto')).createHash('sha256').update(ORIGIN).digest('hex');
    expect((await witness.request(`http://witness/${originHash}/checkpoint`)).status).toBe(404);
    await submitToWitness('http://witness', { oldSize: 0n, proof: [], checkpointNote: note }, fetchFrom(witness));
    const response = await witness.request(`http://witness/${originHash}/checkpoint`);
    expect(response.status).toBe(200);
    const opened = openSignedNote(await response.text(), [parseVerifierKey(logKeys.verifierKey), parseVerifierKey(witnessKeys.verifierKey)]);
    expect(opened.verified).toHaveLength(2);
    expect((await witness.request(`http://witness/${'0'.repeat(64)}/checkpoint`)).status).toBe(404);
  });

  it('reports every failure status as a typed client error', async () => {
    const note = newLog(1).publishCheckpoint();
    const answer = (status: number, body: string): FetchLike => async () => new Response(body, { status });
    const submit = (fetchImpl: FetchLike, witnessKey?: string): Promise<string[]> =>
      submitToWitness('http://w', { oldSize: 0n, proof: [], checkpointNote: note }, fetchImpl, witnessKey === undefined ? {} : { witnessKey });
    expect(await codeOf(submit(answer(500, 'boom')))).toBe('HTTP_ERROR');
    expect(await codeOf(submit(answer(409, 'ten\n')))).toBe('BAD_RESPONSE');
    expect(await codeOf(submit(answer(200, '')))).toBe('BAD_RESPONSE');
    expect(await codeOf(submit(answer(200, 'hello\n')))).toBe('BAD_RESPONSE');
    const stranger = generateSignerKey('witness.test/w1', SIGNATURE_TYPE.cosignatureV1);
    const line = signNote('x\n', [parseSignerKey(stranger.signerKey)]).split('\n')[2] ?? '';
    expect(await codeOf(submit(answer(200, `${line}\n`), witnessKeys.verifierKey))).toBe('BAD_RESPONSE');
    expect(await codeOf(submit(async () => Promise.reject(new TypeError('fetch failed'))))).toBe('UNREACHABLE');
  });
});

describe('FileWitnessStore', () => {
  const directories: string[] = [];
  afterAll(async () => {
    await Promise.all(directories.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('persists records atomically, survives a restart, and refuses a corrupt record', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'countersign-witness-'));
    directories.push(directory);
    const store = new FileWitnessStore(join(directory, 'state'));
    expect(await store.read(ORIGIN)).toBeUndefined();
    const log = newLog(9);
    const note = log.publishCheckpoint();
    const app = newWitness(store);
    await submitToWitness('http://witness', { oldSize: 0n, proof: [], checkpointNote: note }, fetchFrom(app));

    const reopened = new FileWitnessStore(join(directory, 'state'));
    const record = await reopened.read(ORIGIN);
    expect(record?.size).toBe(9n);
    expect(Buffer.from(record?.rootHash ?? [])).toEqual(Buffer.from(log.tree.root()));
    const files = await readdir(join(directory, 'state'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/);

    // A restarted witness still holds size 9: a rollback to 0 is refused.
    const restarted = newWitness(reopened);
    expect(await codeOf(submitToWitness('http://witness', { oldSize: 0n, proof: [], checkpointNote: newLog(3).publishCheckpoint() }, fetchFrom(restarted)))).toBe('CONFLICT');

    const path = join(directory, 'state', files[0] ?? '');
    await writeFile(path, (await readFile(path, 'utf8')).replace('"size":"9"', '"size":"09"'));
    await expect(reopened.read(ORIGIN)).rejects.toThrow();
  });
});

describe('witness on a real socket', () => {
  it('serves add-checkpoint on 127.0.0.1 to the client using global fetch', async () => {
    const app = newWitness();
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const lines = await submitToWitness(`http://127.0.0.1:${port}/`, { oldSize: 0n, proof: [], checkpointNote: newLog(2).publishCheckpoint() }, fetch, {
        witnessKey: witnessKeys.verifierKey,
      });
      expect(lines[0]).toMatch(/^\u2014 witness\.test\/w1 /);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
