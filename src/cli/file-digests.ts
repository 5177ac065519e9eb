import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ScreenedTransaction } from '../procurement/screening/screen-transaction.js';

/** The file on disk a row's origin names: a zip entry (`archive.zip!entry.csv`) is read from its archive. */
function fileOnDisk(origin: string): string {
  const bang = origin.search(/\.zip!/i);
  return bang === -1 ? origin : origin.slice(0, bang + 4);
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * The SHA-256 of every file the matches were read from (of the archive, for a zip entry), by the
 * path their origins name, so the registry cites each screened file by its digest. A feed read
 * from a URL has no file on disk and no digest.
 *
 * @example
 * await screenedFileDigests(matches); // Map { 'data/sample.csv' => '9f86d0…' }
 */
export async function screenedFileDigests(matches: readonly ScreenedTransaction[]): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  const byDisk = new Map<string, string>();
  for (const { transaction } of matches) {
    const origin = transaction.origin;
    if (origin.kind !== 'file' || digests.has(origin.file) || /^https?:/i.test(origin.file)) continue;
    const disk = fileOnDisk(origin.file);
    let digest = byDisk.get(disk);
    if (digest === undefined) {
      digest = await sha256Of(disk);
      byDisk.set(disk, digest);
    }
    digests.set(origin.file, digest);
  }
  return digests;
}
