import type { FetchLike } from '../fetch-like.js';
import { fetchBytes, type FetchTimeouts } from './fetch-bytes.js';
import { RemoteLogError } from './remote-log-error.js';

/**
 * A verifier key is one line: `<name>+<hash>+<base64 key>` (c2sp.org/signed-note), well under a
 * kilobyte for any sane name. Anything larger is not a key.
 */
export const MAX_VERIFIER_KEY_BYTES = 4096;

/**
 * Fetches a log's verifier key from `<prefix>/key` (trust on first use) under the same limits as
 * every other resource of the log: at most 4 KiB, read while it arrives, and the connect and
 * overall timeouts. Returns the key line, trimmed.
 *
 * @example
 * const verifierKey = await fetchVerifierKey('https://countersign.example/log');
 */
export async function fetchVerifierKey(prefix: string, fetchImpl: FetchLike = fetch, timeouts: FetchTimeouts = {}): Promise<string> {
  const bytes = await fetchBytes(`${prefix}/key`, MAX_VERIFIER_KEY_BYTES, fetchImpl, 'key', timeouts);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).trim();
  } catch (error) {
    throw new RemoteLogError({ code: 'BAD_KEY', message: `${prefix}/key is not UTF-8 text`, cause: error, where: 'key' });
  }
  if (text.length === 0 || text.includes('\n')) throw new RemoteLogError({ code: 'BAD_KEY', message: `${prefix}/key is not one key line`, where: 'key' });
  return text;
}
