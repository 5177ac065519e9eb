import { createReadStream } from 'node:fs';
import type { ContractTransaction } from '../contract-transaction.js';
import { FpdsAtomStream, type FpdsAtomItem } from './fpds-atom-stream.js';

export type { FpdsAtomItem } from './fpds-atom-stream.js';

export interface FpdsAtomPage {
  readonly transactions: ContractTransaction[];
  /** Entries that are not contract awards (IDVs, other transactions), passed over. */
  readonly skipped: { readonly line: number; readonly kind: string }[];
  /** The feed's `rel="next"` link, when there are more pages. */
  readonly next: string | null;
}

/**
 * Reads one page of an FPDS-NG ATOM feed, given whole as text (one page fetched from the feed), into
 * normalised transactions (contract awards; IDVs and other transaction types are listed as skipped).
 * Keys are built by USAspending's formulas so the same action read from FPDS and from USAspending
 * has the same key. For a feed file of any size, `readFpdsAtomFile` streams instead.
 *
 * @example
 * const page = parseFpdsAtom(await response.text(), url);
 * page.transactions[0]?.recipient.uei; // 'NW6QFTZACWM7'
 */
export function parseFpdsAtom(xml: string, file: string): FpdsAtomPage {
  const transactions: ContractTransaction[] = [];
  const skipped: { line: number; kind: string }[] = [];
  const stream = new FpdsAtomStream(file, (item) => {
    if (item.kind === 'transaction') transactions.push(item.transaction);
    else skipped.push({ line: item.line, kind: item.entryKind });
  });
  stream.write(xml);
  stream.end();
  return { transactions, skipped, next: stream.next };
}

/**
 * Streams an FPDS ATOM feed file entry by entry: memory stays that of one entry and one read
 * buffer, whatever the size of the file (a 200 MB feed read whole peaked at 1.35 GB). Calls
 * `onNext` with the feed's `rel="next"` link, if any, once the file is read.
 *
 * @example
 * for await (const item of readFpdsAtomFile('feed.atom.xml')) if (item.kind === 'transaction') screen(item.transaction);
 */
export async function* readFpdsAtomFile(path: string, file = path, onNext?: (next: string | null) => void): AsyncGenerator<FpdsAtomItem> {
  const ready: FpdsAtomItem[] = [];
  const stream = new FpdsAtomStream(file, (item) => ready.push(item));
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    stream.write(String(chunk));
    yield* ready.splice(0);
  }
  stream.end();
  yield* ready.splice(0);
  onNext?.(stream.next);
}
