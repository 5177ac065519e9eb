import type { CommandContext } from '../../accounts/command-context.js';
import { authorize } from '../../accounts/policies.js';
import { decodeUtf8Strict } from '../../core/decode-utf8-strict.js';
import { parseAtlas } from '../formats/atlas/parse-atlas.js';
import { parseFtm } from '../formats/ftm/parse-ftm.js';
import { parseGranitt } from '../formats/granitt/parse-granitt.js';
import { resolveSpyware } from '../formats/granitt/resolve-spyware.js';
import { parseSii } from '../formats/sii/parse-sii.js';
import type { ImportFormat } from '../import-batch.js';
import type { ImportReport } from '../import-report.js';
import { fileSource, type FileProvenance } from '../import-source.js';
import type { ImportsTransaction } from '../import-store.js';
import { importFile, type ImportProgress } from './import-file.js';

/** What the person importing says about the file besides its format. */
export interface UploadOptions extends FileProvenance {
  /** GranittHQ: the spyware the file is about (a product or vendor in the registry). */
  readonly spyware?: string;
}

/**
 * Reads a file of one of the peer formats and imports it (`importFile`) in the caller's
 * transaction: the bytes must be UTF-8, the file is parsed whole (a malformed one is rejected
 * whole, naming the line), then matched and merged. The CLI and the upload page both call this.
 *
 * @example
 * const report = await settleDryRun(store.transaction((tx) => importUpload({ ctx, format: 'sii', fileName, bytes, options: {}, dryRun: true }, tx)));
 */
export async function importUpload(
  { ctx, format, fileName, bytes, options, dryRun = false, onProgress }: { ctx: CommandContext; format: ImportFormat; fileName: string; bytes: Uint8Array; options: UploadOptions; dryRun?: boolean; onProgress?: ImportProgress },
  tx: ImportsTransaction,
): Promise<ImportReport> {
  authorize(ctx.actor, 'dataset.import');
  const text = decodeUtf8Strict(bytes, fileName);
  const source = fileSource(format, fileName, bytes, options);
  const batch = (() => {
    switch (format) {
      case 'sii': return parseSii(text, fileName, source);
      case 'atlas': return parseAtlas(text, fileName, source);
      case 'ftm': return parseFtm(text, fileName, source);
      case 'granitt': return null;
    }
  })() ?? parseGranitt(text, fileName, source, await resolveSpyware(tx.imports, options.spyware, fileName));
  return importFile({ ctx, batch, dryRun, ...(onProgress ? { onProgress } : {}) }, tx);
}
