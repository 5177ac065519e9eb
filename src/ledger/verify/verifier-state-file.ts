import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { decodeBase64, encodeBase64 } from '../encoding/base64.js';
import { parseDecimal } from '../encoding/decimal.js';
import { HASH_SIZE } from '../merkle/hash.js';
import { MAX_TREE_SIZE } from '../merkle/tree-size.js';
import type { VerifierState } from './verifier-state.js';

const StateFile = z.object({ origin: z.string().min(1), size: z.string(), rootHash: z.string() });

/**
 * Reads a verifier's state file (`{"origin", "size", "rootHash"}`), or `undefined` if there is
 * none yet. A file that exists but does not parse is an error, never a fresh start: starting over
 * would forget the tree the log promised to extend.
 *
 * @example
 * const state = await readVerifierState('~/.countersign/log-state.json');
 */
export async function readVerifierState(path: string): Promise<VerifierState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
  const file = StateFile.parse(JSON.parse(text));
  const size = parseDecimal(file.size, MAX_TREE_SIZE);
  const rootHash = decodeBase64(file.rootHash);
  if (size === undefined || rootHash === undefined || rootHash.length !== HASH_SIZE) throw new Error(`verifier state ${path} is corrupt`);
  return { origin: file.origin, size, rootHash };
}

/**
 * Writes the state atomically (temporary file, fsync, rename), so a crash never leaves half a file.
 *
 * @example
 * await writeVerifierState(path, report.state);
 */
export async function writeVerifierState(path: string, state: VerifierState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const file = await open(temporary, 'wx', 0o644);
  try {
    await file.writeFile(`${JSON.stringify({ origin: state.origin, size: state.size.toString(), rootHash: encodeBase64(state.rootHash) })}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
