import { BoundedFetchError } from '../../core/bounded-fetch-error.js';
import { fetchBounded } from '../../core/fetch-bounded.js';
import { parseDecimal } from '../encoding/decimal.js';
import type { FetchLike } from '../fetch-like.js';
import { MAX_TREE_SIZE } from '../merkle/tree-size.js';
import { NoteError } from '../note/note-error.js';
import { openSignedNote, parseSignedNote } from '../note/signed-note.js';
import { parseVerifierKey } from '../note/verifier-key.js';
import { formatAddCheckpointRequest, type AddCheckpointRequest } from './add-checkpoint-request.js';
import { WitnessError, type WitnessErrorCode } from './witness-error.js';

export type { FetchLike } from '../fetch-like.js';

/** Options of `submitToWitness`. */
export interface SubmitOptions {
  /** The witness's verifier key (type 0x04); when given, the returned cosignature must verify with it. */
  readonly witnessKey?: string;
  /** For the whole exchange, body included; default 10 s. */
  readonly timeoutMs?: number;
  /** Until the witness's response headers arrive; default 5 s. */
  readonly connectTimeoutMs?: number;
}

const MAX_RESPONSE_BYTES = 64 * 1024;
const STATUS_CODES: Record<number, WitnessErrorCode> = {
  400: 'BAD_REQUEST',
  403: 'FORBIDDEN',
  404: 'UNKNOWN_LOG',
  413: 'TOO_LARGE',
  422: 'INCONSISTENT',
};

/**
 * Submits a checkpoint to a witness (`POST <witnessUrl>/add-checkpoint`, c2sp.org/tlog-witness)
 * and returns its cosignature lines (`— name base64`, without newlines). Every refusal is a
 * `WitnessError` with the status as code: `CONFLICT` carries `knownSize`, the size to prove from
 * on the retry; `BAD_REQUEST`, `FORBIDDEN`, `UNKNOWN_LOG`, `INCONSISTENT`, `TOO_LARGE`,
 * `HTTP_ERROR`, `UNREACHABLE`, and `BAD_RESPONSE` when a 200 carries no valid cosignature.
 *
 * @example
 * const lines = await submitToWitness('https://witness.example', { oldSize, proof, checkpointNote }, fetch);
 */
export async function submitToWitness(
  witnessUrl: string,
  request: { readonly oldSize: bigint; readonly proof: readonly Uint8Array[]; readonly checkpointNote: string },
  fetchImpl: FetchLike = fetch,
  options: SubmitOptions = {},
): Promise<string[]> {
  const body: AddCheckpointRequest = { oldSize: request.oldSize, proof: request.proof, checkpoint: request.checkpointNote };
  const url = `${witnessUrl.replace(/\/+$/, '')}/add-checkpoint`;
  let response: { status: number; body: Uint8Array };
  try {
    response = await fetchBounded(
      url,
      { maxBytes: MAX_RESPONSE_BYTES, connectTimeoutMs: options.connectTimeoutMs ?? 5_000, timeoutMs: options.timeoutMs ?? 10_000 },
      { method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: formatAddCheckpointRequest(body) },
      fetchImpl,
    );
  } catch (error) {
    if (error instanceof BoundedFetchError && error.code === 'TOO_LARGE') throw new WitnessError({ code: 'BAD_RESPONSE', message: error.message, cause: error });
    throw new WitnessError({ code: 'UNREACHABLE', message: error instanceof Error ? error.message : `cannot reach witness at ${url}`, cause: error });
  }
  const text = new TextDecoder().decode(response.body);

  const summary = text.slice(0, 200).trim();
  if (response.status === 409) {
    const match = /^([0-9]+)\n$/.exec(text);
    const knownSize = match === null ? undefined : parseDecimal(match[1] ?? '', MAX_TREE_SIZE);
    if (knownSize === undefined) {
      throw new WitnessError({ code: 'BAD_RESPONSE', message: '409 without a tree size body', status: 409 });
    }
    throw new WitnessError({ code: 'CONFLICT', message: `witness has cosigned size ${knownSize}`, knownSize, status: 409 });
  }
  if (response.status !== 200) {
    const code = STATUS_CODES[response.status] ?? 'HTTP_ERROR';
    throw new WitnessError({ code, message: `witness answered ${response.status}: ${summary}`, status: response.status });
  }
  return readCosignatures(request.checkpointNote, text, options.witnessKey);
}

/** Checks a 200 body is signature lines over our checkpoint (and from the witness, if its key is known). */
function readCosignatures(checkpointNote: string, body: string, witnessKey: string | undefined): string[] {
  try {
    const { text } = parseSignedNote(checkpointNote);
    if (body.length === 0 || !body.endsWith('\n')) throw new WitnessError({ code: 'BAD_RESPONSE', message: 'empty or unterminated cosignature lines' });
    // Appending the lines to the checkpoint text makes a note; the note parser checks their syntax.
    const cosigned = `${text}\n${body}`;
    if (witnessKey === undefined) return parseSignedNote(cosigned).signatures.map((signature) => signature.line);
    return openSignedNote(cosigned, [parseVerifierKey(witnessKey)]).verified.map((signature) => signature.line);
  } catch (error) {
    if (error instanceof NoteError) {
      throw new WitnessError({ code: 'BAD_RESPONSE', message: `witness returned no valid cosignature: ${error.message}`, cause: error, status: 200 });
    }
    throw error;
  }
}
