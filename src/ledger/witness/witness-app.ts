import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { bytesEqual } from '../encoding/bytes-equal.js';
import { EMPTY_ROOT } from '../merkle/hash.js';
import { MerkleError } from '../merkle/merkle-error.js';
import { verifyConsistency } from '../merkle/verify-consistency.js';
import { parseCheckpoint, type Checkpoint } from '../note/checkpoint.js';
import { NoteError } from '../note/note-error.js';
import type { NoteSigner, NoteVerifier } from '../note/note-keys.js';
import { SIGNATURE_TYPE } from '../note/signature-types.js';
import { formatSignatureLine, openSignedNote, parseSignedNote } from '../note/signed-note.js';
import { parseSignerKey } from '../note/signer-key.js';
import { parseVerifierKey } from '../note/verifier-key.js';
import { parseAddCheckpointRequest, type AddCheckpointRequest } from './add-checkpoint-request.js';
import { WitnessError } from './witness-error.js';
import type { WitnessStore } from './witness-store.js';

/** A log the witness follows: its origin line and the key(s) its checkpoints must be signed with. */
export interface WitnessedLog {
  readonly origin: string;
  /** Verifier key string(s), `name+hexid+base64(0x01 || key)`. */
  readonly verifierKey: string | readonly string[];
}

/** Configuration of `createWitnessApp`. */
export interface WitnessOptions {
  /** The witness's own cosigning key: a `cosignature/v1` signer, or its `PRIVATE+KEY+…` string (type 0x04). */
  readonly key: NoteSigner | string;
  readonly logs: readonly WitnessedLog[];
  readonly store: WitnessStore;
  /** Largest request body accepted; default 256 KiB. */
  readonly maxBodyBytes?: number;
}

const TEXT = 'text/plain; charset=utf-8';

/**
 * An independent witness (c2sp.org/tlog-witness) as a Hono app: `POST /add-checkpoint` verifies a
 * log's checkpoint against the keys configured for its origin and a consistency proof from the
 * last size it cosigned, then returns a `cosignature/v1` line; `GET /<sha256(origin)>/checkpoint`
 * serves the latest cosigned checkpoint for monitors. Refusals use the spec's codes: 400 malformed
 * or old size above the checkpoint's, 403 no valid trusted signature, 404 unknown origin, 409 with
 * `text/x.tlog.size` when the old size is not the one it holds, 422 inconsistent (bad proof,
 * different root at the same size, non-empty root of an empty tree), 413 too large. Checks and the
 * store update run under a per-origin lock, so two requests cannot roll each other back.
 *
 * @example
 * const app = createWitnessApp({ key: witnessSkey, logs: [{ origin, verifierKey: logVkey }], store });
 * serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 7380 });
 */
export function createWitnessApp(options: WitnessOptions): Hono {
  const cosigner = typeof options.key === 'string' ? parseSignerKey(options.key) : options.key;
  if (cosigner.type !== SIGNATURE_TYPE.cosignatureV1) {
    throw new NoteError({ code: 'BAD_KEY', message: 'a witness signs with a cosignature/v1 (type 0x04) key' });
  }
  const logs = new Map<string, readonly NoteVerifier[]>();
  const byOriginHash = new Map<string, string>();
  for (const log of options.logs) {
    const keys = typeof log.verifierKey === 'string' ? [log.verifierKey] : log.verifierKey;
    logs.set(log.origin, keys.map(parseVerifierKey));
    byOriginHash.set(createHash('sha256').update(log.origin, 'utf8').digest('hex'), log.origin);
  }
  const locks = new Map<string, Promise<unknown>>();
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;

  const app = new Hono();

  app.post(
    '/add-checkpoint',
    bodyLimit({ maxSize: maxBodyBytes, onError: (c) => c.text('request body too large\n', 413) }),
    async (c) => {
      let request: AddCheckpointRequest;
      let checkpoint: Checkpoint;
      try {
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const body = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
        request = parseAddCheckpointRequest(body);
        checkpoint = parseCheckpoint(parseSignedNote(request.checkpoint).text);
      } catch (error) {
        if (error instanceof WitnessError || error instanceof NoteError || error instanceof TypeError) {
          return c.text(`${error.message}\n`, 400);
        }
        throw error;
      }

      const verifiers = logs.get(checkpoint.origin);
      if (verifiers === undefined) return c.text('unknown log origin\n', 404);
      let verifiedLines: string[];
      try {
        const opened = openSignedNote(request.checkpoint, verifiers);
        verifiedLines = opened.verified.map((signature) => signature.line);
      } catch (error) {
        if (error instanceof NoteError) return c.text(`${error.message}\n`, 403);
        throw error;
      }
      if (request.oldSize > checkpoint.size) return c.text('old size is larger than the checkpoint size\n', 400);

      return withLock(locks, checkpoint.origin, async () => {
        const record = await options.store.read(checkpoint.origin);
        const knownSize = record?.size ?? 0n;
        if (request.oldSize !== knownSize) {
          return c.body(`${knownSize}\n`, 409, { 'Content-Type': 'text/x.tlog.size' });
        }
        const inconsistency = findInconsistency(request, checkpoint, record?.rootHash);
        if (inconsistency !== undefined) return c.text(`${inconsistency}\n`, 422);

        const text = parseSignedNote(request.checkpoint).text;
        const cosignature = formatSignatureLine(cosigner, text);
        const cosigned = `${text}\n${verifiedLines.map((line) => `${line}\n`).join('')}${cosignature}`;
        // Persist before answering (tlog-witness: "MUST persist the new checkpoint before responding").
        await options.store.write(checkpoint.origin, { size: checkpoint.size, rootHash: checkpoint.rootHash, checkpoint: cosigned });
        return c.body(cosignature, 200, { 'Content-Type': TEXT });
      });
    },
  );

  app.get('/:originHash/checkpoint', async (c: Context) => {
    const origin = byOriginHash.get(c.req.param('originHash') ?? '');
    if (origin === undefined) return c.text('unknown log\n', 404);
    const record = await options.store.read(origin);
    if (record === undefined) return c.text('no checkpoint cosigned for this log yet\n', 404);
    return c.body(record.checkpoint, 200, { 'Content-Type': TEXT, 'Cache-Control': 'no-cache' });
  });

  return app;
}

/** Why the checkpoint cannot be cosigned given what the witness holds, or undefined if it can. */
function findInconsistency(request: AddCheckpointRequest, checkpoint: Checkpoint, knownRoot: Uint8Array | undefined): string | undefined {
  // RFC 6962 §2.1: the empty tree has exactly one root.
  if (checkpoint.size === 0n && !bytesEqual(checkpoint.rootHash, EMPTY_ROOT)) return 'a checkpoint of size 0 must have the empty root';
  if (request.oldSize === 0n) {
    // The empty tree is consistent with every tree: no proof is needed, and none is accepted.
    return request.proof.length === 0 ? undefined : 'a proof from size 0 must be empty';
  }
  if (knownRoot === undefined) return 'no recorded root for the old size';
  if (request.oldSize === checkpoint.size) {
    if (request.proof.length > 0) return 'a proof between equal sizes must be empty';
    return bytesEqual(knownRoot, checkpoint.rootHash) ? undefined : 'same size, different root: the log forked';
  }
  try {
    verifyConsistency({ size1: request.oldSize, size2: checkpoint.size, proof: request.proof, root1: knownRoot, root2: checkpoint.rootHash });
    return undefined;
  } catch (error) {
    if (error instanceof MerkleError) return `consistency proof does not verify: ${error.message}`;
    throw error;
  }
}

/** Runs `task` after every earlier task for the same key has finished. */
function withLock<T>(locks: Map<string, Promise<unknown>>, key: string, task: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.catch(() => undefined);
  locks.set(key, settled);
  void settled.then(() => {
    if (locks.get(key) === settled) locks.delete(key);
  });
  return run;
}
