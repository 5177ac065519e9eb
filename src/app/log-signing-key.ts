import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateSignerKey, parseSignerKey } from '../ledger/note/signer-key.js';
import type { NoteSigner } from '../ledger/note/note-keys.js';
import { formatVerifierKey } from '../ledger/note/verifier-key.js';

/**
 * The log's Ed25519 checkpoint key: read from `file`, or created there (mode 0600) on first
 * start. Its name is the log's origin. Never logged; `/log/key` publishes only the verifier key.
 *
 * @example
 * const { signer, verifierKey } = loadOrCreateLogKey('data/log-signing.key', 'localhost/countersign');
 */
export function loadOrCreateLogKey(file: string, origin: string): { signer: NoteSigner; verifierKey: string; created: boolean } {
  if (existsSync(file)) {
    const signer = parseSignerKey(readFileSync(file, 'utf8').trim());
    if (signer.name !== origin) throw new Error(`the log key in ${file} is for "${signer.name}", not COUNTERSIGN_LOG_ORIGIN "${origin}"`);
    return { signer, verifierKey: formatVerifierKey(signer), created: false };
  }
  mkdirSync(dirname(file), { recursive: true });
  const { signerKey, verifierKey } = generateSignerKey(origin);
  writeFileSync(file, `${signerKey}\n`, { mode: 0o600, flag: 'wx' });
  return { signer: parseSignerKey(signerKey), verifierKey, created: true };
}
