import { ProcurementError } from '../procurement-error.js';
import type { RecipientMatcher } from '../matching/types.js';
import { resolveColumnLayout } from './column-layout.js';
import { parseHeaderRow } from './header-row.js';
import type { RecipientVerdictCache } from './recipient-verdict-cache.js';
import { RowScanner } from './row-scanner.js';
import { RowScreener, type RowScreenerResults, type WatchedTransaction } from './row-screener.js';
import type { SharedNoMatchTable } from './shared-no-match-table.js';

interface StreamContext {
  readonly matcher: RecipientMatcher;
  readonly cache: RecipientVerdictCache;
  readonly watched: ReadonlyMap<string, WatchedTransaction>;
  readonly shared: SharedNoMatchTable;
}

/**
 * One CSV arriving as a sequence of byte blocks (a zip entry being inflated): rows are scanned as
 * they complete and the unfinished tail is carried to the next block. Line numbers are absolute.
 *
 * @example
 * const stream = new StreamScan('a.zip!a.csv', context);
 * stream.push(block); stream.finish(); stream.take().matches;
 */
export class StreamScan {
  #window = Buffer.allocUnsafe(1 << 20);
  #length = 0;
  #scanner: RowScanner | null = null;
  #screener: RowScreener | null = null;
  #bytes = 0;
  readonly #label: string;
  readonly #context: StreamContext;

  constructor(
    label: string,
    context: StreamContext,
  ) {
    this.#label = label;
    this.#context = context;
  }

  push(data: Uint8Array): void {
    if (this.#length + data.length > this.#window.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.#window.length * 2, this.#length + data.length));
      this.#window.copy(grown, 0, 0, this.#length);
      this.#window = grown;
    }
    this.#window.set(data, this.#length);
    this.#length += data.length;
    this.#scan(false);
  }

  finish(): void {
    this.#scan(true);
  }

  take(): RowScreenerResults & { bytes: number } {
    const results = this.#screener?.take() ?? { matches: [], malformed: [], rows: 0, deletions: 0 };
    const bytes = this.#bytes;
    this.#bytes = 0;
    return { ...results, bytes };
  }

  #scan(eof: boolean): void {
    let pos = 0;
    if (this.#scanner === null) {
      const header = parseHeaderRow(this.#window, this.#length, eof);
      if (header === null) return;
      if (header.fields.length === 0) throw new ProcurementError({ code: 'EMPTY_FILE', message: 'the file is empty', where: this.#label });
      const layout = resolveColumnLayout(header.fields, `${this.#label}:1`);
      this.#screener = new RowScreener({ ...this.#context, layout, file: this.#label });
      this.#screener.lineBase = 1 + header.lines;
      this.#scanner = new RowScanner(layout, this.#screener);
      pos = header.dataStart;
    }
    const stop = this.#scanner.scanRows(this.#window, pos, this.#length, this.#length, eof);
    this.#bytes += stop;
    this.#window.copy(this.#window, 0, stop, this.#length);
    this.#length -= stop;
  }
}
