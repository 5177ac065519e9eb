import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileServer } from '../../../test/support/hostile-http-server.js';
import { signNote } from '../note/signed-note.js';
import { generateSignerKey, parseSignerKey } from '../note/signer-key.js';
import { formatCheckpoint } from '../note/checkpoint.js';
import { EMPTY_ROOT } from '../merkle/hash.js';
import { submitToWitness } from './submit-to-witness.js';
import { WitnessError } from './witness-error.js';

const keys = generateSignerKey('countersign.test/log');
const checkpointNote = signNote(formatCheckpoint({ origin: 'countersign.test/log', size: 0n, rootHash: EMPTY_ROOT }), [parseSignerKey(keys.signerKey)]);

async function failure(promise: Promise<unknown>): Promise<WitnessError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WitnessError) return error;
    throw error;
  }
  throw new Error('the witness was believed');
}

describe('the witness client against a hostile witness on 127.0.0.1', () => {
  let server: HostileServer;
  beforeAll(async () => {
    server = await startHostileServer({ '/endless/add-checkpoint': { kind: 'endless' }, '/drip/add-checkpoint': { kind: 'drip', everyMs: 20 }, '/silent/add-checkpoint': { kind: 'silent' } });
  });
  afterAll(() => server.close());
  const submit = (path: string) => submitToWitness(`${server.url}${path}`, { oldSize: 0n, proof: [], checkpointNote }, fetch, { timeoutMs: 400, connectTimeoutMs: 300 });

  it('stops an endless answer at 64 KiB, and gives up on a dripping or silent one at its timeouts', async () => {
    const endless = await failure(submit('/endless'));
    expect(endless.code).toBe('BAD_RESPONSE');
    expect(endless.message).toContain('65536 bytes');
    expect((await failure(submit('/drip'))).message).toContain('overall limit of 400 ms');
    expect((await failure(submit('/silent'))).message).toContain('connect limit of 300 ms');
  });
});
