import type { WitnessConfig } from '../ledger/sequencer/witness-submitter.js';
import { parseVerifierKey } from '../ledger/note/verifier-key.js';

/**
 * Reads COUNTERSIGN_WITNESSES entries, each `URL=VERIFIER_KEY` (the witness's address, and its
 * cosigning key as `countersign witness` prints it).
 *
 * @example
 * parseWitnesses(['http://127.0.0.1:7380=witness.ngo.example+1a2b3c4d+BAx…']);
 */
export function parseWitnesses(entries: readonly string[]): WitnessConfig[] {
  return entries.map((entry) => {
    const at = entry.indexOf('=');
    const url = entry.slice(0, at);
    const verifierKey = entry.slice(at + 1);
    if (at <= 0 || !/^https?:\/\//.test(url)) throw new Error(`COUNTERSIGN_WITNESSES: want URL=VERIFIER_KEY, got ${entry}`);
    parseVerifierKey(verifierKey);
    return { url, verifierKey };
  });
}
