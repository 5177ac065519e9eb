import type { ContractTransaction } from '../contract-transaction.js';
import { classifyEvent } from '../events/classify-event.js';
import type { RecipientMatch, RecipientMatcher } from '../matching/types.js';
import type { ScreenedTransaction } from '../screening/screen-transaction.js';
import type { ColumnLayout } from './column-layout.js';
import { csvRowToTransaction, recipientFromRow } from './csv-row-to-transaction.js';
import { NO_MATCH, RecipientVerdictCache, type RecipientVerdict } from './recipient-verdict-cache.js';
import type { SharedNoMatchTable } from './shared-no-match-table.js';
import type { MalformedReason, RowSink } from './row-scanner.js';
import { BadUtf8Error, splitRow } from './split-row.js';

const COMMA = 0x2c;
const LETTER_D = 0x44;

/** A transaction the registry matched before, so its deletion in a delta file is news. */
export interface WatchedTransaction {
  readonly transactionKey: string;
  readonly organizationId: string;
  readonly organizationName: string;
}

/** A skipped row; `line` is relative to the scan start until the coordinator fixes it. */
export interface MalformedRow {
  readonly reason: MalformedReason;
  readonly detail: string;
  readonly line: number;
}

export interface RowScreenerResults {
  readonly matches: ScreenedTransaction[];
  readonly malformed: MalformedRow[];
  readonly rows: number;
  readonly deletions: number;
}

/**
 * The scanner's sink in a worker: looks each row's recipient up in the verdict cache (running the
 * matcher only for a recipient not seen yet) and decodes only matched rows in full.
 *
 * @example
 * const screener = new RowScreener({ layout, matcher, cache: new RecipientVerdictCache({ slots: 1 << 16, arenaBytes: 4 << 20 }), file: 'a.csv', watched: new Map() });
 * new RowScanner(layout, screener).scanRows(buf, 0, buf.length, buf.length, true);
 * screener.take().matches;
 */
export class RowScreener implements RowSink {
  readonly #layout: ColumnLayout;
  readonly #matcher: RecipientMatcher;
  readonly #cache: RecipientVerdictCache;
  readonly #watched: ReadonlyMap<string, WatchedTransaction>;
  readonly #shared: SharedNoMatchTable | null;
  readonly #file: string;
  #matches: ScreenedTransaction[] = [];
  #malformed: MalformedRow[] = [];
  #rows = 0;
  #deletions = 0;
  /** Added to scanner line counts (1-based line of the scan start). */
  lineBase = 0;

  constructor(options: {
    layout: ColumnLayout;
    matcher: RecipientMatcher;
    cache: RecipientVerdictCache;
    file: string;
    watched: ReadonlyMap<string, WatchedTransaction>;
    shared?: SharedNoMatchTable | null;
  }) {
    this.#layout = options.layout;
    this.#matcher = options.matcher;
    this.#cache = options.cache;
    this.#watched = options.watched;
    this.#shared = options.shared ?? null;
    this.#file = options.file;
  }

  row(buf: Uint8Array, view: DataView, rowStart: number, rowEnd: number, keyStart: number, keyEnd: number, line: number): void {
    this.#rows++;
    if (this.#layout.isDelta && buf[rowStart] === LETTER_D && buf[rowStart + 1] === COMMA) {
      this.#deleteRow(buf, rowStart, rowEnd, line);
      return;
    }
    const hash = RecipientVerdictCache.hash(view, keyStart, keyEnd);
    const verdict = this.#cache.get(hash, buf, view, keyStart, keyEnd) ?? this.#cache.set(hash, buf, keyStart, keyEnd, this.#consult(hash, buf, view, keyStart, keyEnd));
    if (verdict.kind === 'no-match') return;
    if (verdict.kind === 'bad-utf8') {
      this.malformed('bad-utf8', verdict.detail, rowStart, line);
      return;
    }
    this.#emit(buf, rowStart, rowEnd, line, verdict.match);
  }

  skipped(count: number): void {
    this.#rows += count;
  }

  malformed(reason: MalformedReason, detail: string, _rowStart: number, line: number): void {
    this.#malformed.push({ reason, detail, line: this.lineBase + line });
  }

  /** Hands over what was found since the last call. */
  take(): RowScreenerResults {
    const results = { matches: this.#matches, malformed: this.#malformed, rows: this.#rows, deletions: this.#deletions };
    this.#matches = [];
    this.#malformed = [];
    this.#rows = 0;
    this.#deletions = 0;
    return results;
  }

  // A recipient new to this worker: another worker may already have found it on no watchlist.
  #consult(hash: number, buf: Uint8Array, view: DataView, keyStart: number, keyEnd: number): RecipientVerdict {
    if (this.#shared?.has(hash, buf, view, keyStart, keyEnd) === true) return NO_MATCH;
    const verdict = this.#judge(buf, keyStart, keyEnd);
    if (verdict.kind === 'no-match') this.#shared?.add(hash, buf, keyStart, keyEnd);
    return verdict;
  }

  #judge(buf: Uint8Array, keyStart: number, keyEnd: number): RecipientVerdict {
    let fields: string[];
    try {
      fields = splitRow(buf, keyStart, keyEnd);
    } catch (error) {
      if (error instanceof BadUtf8Error) return { kind: 'bad-utf8', detail: `recipient ${error.message}` };
      throw error;
    }
    const match = this.#matcher.match(recipientFromRow(fields, this.#layout, this.#layout.keyFirst));
    return match === null ? NO_MATCH : { kind: 'match', match };
  }

  #decode(buf: Uint8Array, rowStart: number, rowEnd: number, line: number): ContractTransaction | null {
    try {
      const fields = splitRow(buf, rowStart, rowEnd);
      return csvRowToTransaction(fields, this.#layout, { kind: 'file', file: this.#file, line: this.lineBase + line });
    } catch (error) {
      if (!(error instanceof BadUtf8Error)) throw error;
      this.malformed('bad-utf8', error.message, rowStart, line);
      return null;
    }
  }

  #emit(buf: Uint8Array, rowStart: number, rowEnd: number, line: number, match: RecipientMatch): void {
    const transaction = this.#decode(buf, rowStart, rowEnd, line);
    if (transaction !== null) this.#matches.push({ transaction, match, event: classifyEvent(transaction) });
  }

  // A delete row carries only keys, so the recipient is known only if the registry matched the
  // transaction before; a delete row that does carry a recipient is screened as usual.
  #deleteRow(buf: Uint8Array, rowStart: number, rowEnd: number, line: number): void {
    this.#deletions++;
    const transaction = this.#decode(buf, rowStart, rowEnd, line);
    if (transaction === null) return;
    const recipientKnown = Object.values(transaction.recipient).some((value) => value !== '');
    const match = recipientKnown ? this.#matcher.match(transaction.recipient) : null;
    if (match !== null) {
      this.#matches.push({ transaction, match, event: classifyEvent(transaction) });
      return;
    }
    const watched = this.#watched.get(transaction.transactionKey);
    if (watched === undefined) return;
    this.#matches.push({
      transaction,
      match: {
        organizationId: watched.organizationId,
        organizationName: watched.organizationName,
        decision: 'alert',
        score: 1,
        reasons: [`transaction ${watched.transactionKey} was matched to ${watched.organizationName} before`],
      },
      event: classifyEvent(transaction),
    });
  }
}
