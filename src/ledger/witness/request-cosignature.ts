import { parseCheckpoint } from '../note/checkpoint.js';
import { parseSignedNote } from '../note/signed-note.js';
import type { FetchLike } from '../fetch-like.js';
import { submitToWitness, type SubmitOptions } from './submit-to-witness.js';
import { WitnessError } from './witness-error.js';

/** What `requestCosignature` needs from the log. */
export interface CosignatureRequest {
  readonly witnessUrl: string;
  /** The log-signed checkpoint to have cosigned. */
  readonly checkpointNote: string;
  /** The size this witness last cosigned, as the log remembers it (0 if never). */
  readonly lastKnownSize: bigint;
  /** A consistency proof from `oldSize` to the checkpoint's size (the log's `proveConsistency`). */
  proveConsistency(oldSize: bigint, newSize: bigint): Promise<Uint8Array[]>;
  readonly fetchImpl?: FetchLike;
  readonly options?: SubmitOptions;
}

/**
 * Obtains a witness's cosignature, recovering once from a stale `lastKnownSize`: on 409 the witness
 * names the size it holds, and the request is repeated with a proof from there (tlog-witness: "If a
 * client doesn't have information on the latest cosigned checkpoint, it MAY initially make a
 * request with an old size of zero"). A witness holding a *larger* tree than the checkpoint is not
 * retried: that is evidence of a rollback or a fork, and surfaces as `CONFLICT`.
 *
 * @example
 * const { lines, cosignedSize } = await requestCosignature({ witnessUrl, checkpointNote, lastKnownSize, proveConsistency });
 */
export async function requestCosignature(request: CosignatureRequest): Promise<{ lines: string[]; cosignedSize: bigint }> {
  const { size } = parseCheckpoint(parseSignedNote(request.checkpointNote).text);
  let oldSize = request.lastKnownSize;
  for (let attempt = 0; ; attempt++) {
    const proof = oldSize === 0n || oldSize >= size ? [] : await request.proveConsistency(oldSize, size);
    try {
      const lines = await submitToWitness(request.witnessUrl, { oldSize, proof, checkpointNote: request.checkpointNote }, request.fetchImpl, request.options);
      return { lines, cosignedSize: size };
    } catch (error) {
      const known = error instanceof WitnessError && error.code === 'CONFLICT' ? error.knownSize : undefined;
      if (known === undefined || attempt > 0 || known > size || known === oldSize) throw error;
      oldSize = known;
    }
  }
}
