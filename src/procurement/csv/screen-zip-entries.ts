import { openPromise } from 'yauzl';
import { ProcurementError } from '../procurement-error.js';
import type { ScreenTally } from '../screening/screen-summary.js';
import { resolveColumnLayout } from './column-layout.js';
import { parseHeaderRow } from './header-row.js';
import type { ScanWorkerPool } from './scan-worker-pool.js';
import type { ScanFindings } from './worker-messages.js';

// Inflated bytes are gathered into blocks of this size before a worker gets them: fewer messages.
const BLOCK_BYTES = 4 << 20;
// Blocks posted but not yet scanned, per entry: bounds memory when inflating outruns scanning.
const MAX_BLOCKS_IN_FLIGHT = 4;

let nextStream = 1;

/**
 * Screens every CSV inside a zip archive as downloaded from USAspending (zip64 included): each
 * entry is inflated on this thread and streamed, in order, to one worker. A CSV that is not a
 * contract transactions file (an assistance file in the same download) is recorded as skipped.
 *
 * @example
 * await screenZipEntries('FY2025_All_Contracts_Full.zip', pool, tally, absorb);
 */
export async function screenZipEntries(
  file: string,
  pool: ScanWorkerPool,
  tally: ScreenTally,
  absorb: (findings: ScanFindings, label: string, lineBase: number, progressBytes?: number) => void,
): Promise<void> {
  let zip;
  try {
    zip = await openPromise(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true });
  } catch (error) {
    throw new ProcurementError({ code: 'UNSUPPORTED_INPUT', message: `not a readable zip archive: ${String(error)}`, where: file, cause: error });
  }
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith('/') || !/\.csv$/i.test(entry.fileName)) continue;
    const label = `${file}!${entry.fileName}`;
    const stream = await zip.openReadStreamPromise(entry);
    const id = nextStream++;
    // Progress counts archive bytes (what the total was made of), in proportion to the entry.
    const ratio = entry.uncompressedSize > 0 ? entry.compressedSize / entry.uncompressedSize : 0;
    const absorbEntry = (findings: ScanFindings): void => absorb(findings, label, 0, findings.bytes * ratio);
    const worker = pool.leastLoaded();
    const inFlight: Promise<void>[] = [];
    let block = Buffer.allocUnsafe(BLOCK_BYTES);
    let length = 0;
    let checked = false;
    let skipped = false;
    const post = async (): Promise<void> => {
      if (length === 0) return;
      const data = block.subarray(0, length);
      block = Buffer.allocUnsafe(BLOCK_BYTES);
      length = 0;
      const request = pool.request(worker, { type: 'stream-data', stream: id, label, data }, [data.buffer]).then((response) => {
        if (response.type === 'stream') absorbEntry(response);
      });
      inFlight.push(request);
      if (inFlight.length >= MAX_BLOCKS_IN_FLIGHT) await inFlight.shift();
    };
    for await (const piece of stream) {
      if (skipped) continue; // drain the entry so the archive can move on
      if (!(piece instanceof Buffer)) continue;
      let offset = 0;
      while (offset < piece.length) {
        const take = Math.min(piece.length - offset, BLOCK_BYTES - length);
        piece.copy(block, length, offset, offset + take);
        length += take;
        offset += take;
        if (!checked) {
          const header = parseHeaderRow(block, length, false);
          if (header === null && length < BLOCK_BYTES) continue;
          checked = true;
          try {
            if (header === null) throw new Error('no header row in the first block');
            resolveColumnLayout(header.fields, `${label}:1`);
            tally.addInput(label);
          } catch (error) {
            skipped = true;
            tally.skipInput(label, error instanceof Error ? error.message : String(error));
            break;
          }
        }
        if (length === BLOCK_BYTES) await post();
      }
    }
    if (skipped) continue;
    if (!checked) tally.addInput(label);
    await post();
    await Promise.all(inFlight);
    const end = await pool.request(worker, { type: 'stream-end', stream: id, label });
    if (end.type === 'stream') absorbEntry(end);
  }
}
