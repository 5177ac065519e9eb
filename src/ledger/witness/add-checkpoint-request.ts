import { decodeBase64, encodeBase64 } from '../encoding/base64.js';
import { parseDecimal } from '../encoding/decimal.js';
import { HASH_SIZE } from '../merkle/hash.js';
import { MAX_TREE_SIZE } from '../merkle/tree-size.js';
import { WitnessError } from './witness-error.js';

/** The protocol's cap on consistency proof lines (c2sp.org/tlog-witness "add-checkpoint"). */
export const MAX_PROOF_LINES = 63;

/** An add-checkpoint request: the size the log believes the witness holds, a proof from it, the note. */
export interface AddCheckpointRequest {
  readonly oldSize: bigint;
  readonly proof: readonly Uint8Array[];
  /** The signed checkpoint note, possibly with several signatures. */
  readonly checkpoint: string;
}

/**
 * Writes an add-checkpoint body: `old <size>\n`, one base64 hash per line, a blank line, the note.
 *
 * @example
 * formatAddCheckpointRequest({ oldSize: 10n, proof, checkpoint: note });
 */
export function formatAddCheckpointRequest({ oldSize, proof, checkpoint }: AddCheckpointRequest): string {
  if (proof.length > MAX_PROOF_LINES) throw new WitnessError({ code: 'MALFORMED_REQUEST', message: 'more than 63 proof hashes' });
  return `old ${oldSize}\n${proof.map((hash) => `${encodeBase64(hash)}\n`).join('')}\n${checkpoint}`;
}

/**
 * Parses an add-checkpoint body strictly: `old` and a canonical decimal, at most 63 lines of
 * canonical base64 of 32 bytes, a blank line, then the note (parsed later). The body is
 * attacker-controlled; anything else throws `WitnessError` `MALFORMED_REQUEST`.
 *
 * @example
 * const { oldSize, proof, checkpoint } = parseAddCheckpointRequest(await c.req.text());
 */
export function parseAddCheckpointRequest(body: string): AddCheckpointRequest {
  const malformed = (why: string): WitnessError => new WitnessError({ code: 'MALFORMED_REQUEST', message: `add-checkpoint: ${why}` });
  let at = body.indexOf('\n');
  const oldLine = at < 0 ? '' : body.slice(0, at);
  const match = /^old (.*)$/s.exec(oldLine);
  const oldSize = match === null ? undefined : parseDecimal(match[1] ?? '', MAX_TREE_SIZE);
  if (oldSize === undefined) throw malformed('first line must be "old <canonical decimal>"');
  const proof: Uint8Array[] = [];
  for (;;) {
    const end = body.indexOf('\n', at + 1);
    if (end < 0) throw malformed('no blank line before the checkpoint');
    const line = body.slice(at + 1, end);
    at = end;
    if (line === '') break;
    if (proof.length === MAX_PROOF_LINES) throw malformed('more than 63 proof lines');
    const hash = decodeBase64(line);
    if (hash === undefined || hash.length !== HASH_SIZE) throw malformed('proof lines must be base64 of 32 bytes');
    proof.push(hash);
  }
  return { oldSize, proof, checkpoint: body.slice(at + 1) };
}
