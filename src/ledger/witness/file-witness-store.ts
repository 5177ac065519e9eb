import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { decodeBase64, encodeBase64 } from '../encoding/base64.js';
import { parseDecimal } from '../encoding/decimal.js';
import { HASH_SIZE } from '../merkle/hash.js';
import { MAX_TREE_SIZE } from '../merkle/tree-size.js';
import type { WitnessRecord, WitnessStore } from './witness-store.js';

const RecordFile = z.object({
  origin: z.string(),
  size: z.string(),
  rootHash: z.string(),
  checkpoint: z.string(),
});

/**
 * A `WitnessStore` in a directory: one small JSON file per origin (named by the SHA-256 of the
 * origin). Writes are atomic and durable — temporary file, fsync, rename over the old file, fsync
 * of the directory — so a crash leaves either the old record or the new one, never a torn or
 * missing one. A record that cannot be read is an error, never "no record": forgetting a log's
 * size would let it roll back.
 *
 * @example
 * const store = new FileWitnessStore(join(dataDir, 'witness'));
 */
export class FileWitnessStore implements WitnessStore {
  readonly #directory: string;

  constructor(directory: string) {
    this.#directory = directory;
  }

  async read(origin: string): Promise<WitnessRecord | undefined> {
    let text: string;
    try {
      text = await readFile(this.#path(origin), 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const file = RecordFile.parse(JSON.parse(text));
    const size = parseDecimal(file.size, MAX_TREE_SIZE);
    const rootHash = decodeBase64(file.rootHash);
    if (file.origin !== origin || size === undefined || rootHash === undefined || rootHash.length !== HASH_SIZE) {
      throw new Error(`witness record for ${origin} is corrupt`);
    }
    return { size, rootHash, checkpoint: file.checkpoint };
  }

  async write(origin: string, record: WitnessRecord): Promise<void> {
    await mkdir(this.#directory, { recursive: true });
    const target = this.#path(origin);
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const body = JSON.stringify({ origin, size: record.size.toString(), rootHash: encodeBase64(record.rootHash), checkpoint: record.checkpoint });
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.writeFile(body, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    // The rename is only durable once the directory entry is.
    const directory = await open(this.#directory, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  }

  #path(origin: string): string {
    return join(this.#directory, `${createHash('sha256').update(origin, 'utf8').digest('hex')}.json`);
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
