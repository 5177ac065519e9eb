import type { ProcurementEvent } from '../events/classify-event.js';
import type { ScreenedTransaction } from './screen-transaction.js';

/** A row that could not be read, where and why. */
export interface MalformedRowReport {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
  readonly detail: string;
}

/** What a screening run saw, for the closing summary. */
export interface ScreenSummary {
  readonly inputs: readonly string[];
  readonly bytes: number;
  readonly rows: number;
  readonly alerts: Readonly<Record<ProcurementEvent, number>>;
  readonly alertCount: number;
  readonly reviewItems: number;
  /** Delete rows of delta files (matched or not). */
  readonly deleteRows: number;
  readonly malformed: {
    readonly total: number;
    readonly byReason: Readonly<Record<string, number>>;
    /** The first few, in input order. */
    readonly examples: readonly MalformedRowReport[];
  };
  /** Inputs passed over whole (a CSV in a zip that is not a contract transactions file). */
  readonly skippedInputs: readonly { readonly input: string; readonly reason: string }[];
  readonly elapsedMs: number;
}

const KEPT_EXAMPLES = 20;

/**
 * Accumulates a run's counts as results arrive.
 *
 * @example
 * const tally = new ScreenTally();
 * tally.addMatch(screened);
 * tally.summary().alerts['stop-work']; // 1
 */
export class ScreenTally {
  readonly #started = performance.now();
  readonly #inputs: string[] = [];
  readonly #alerts: Record<ProcurementEvent, number> = {
    award: 0,
    modification: 0,
    'stop-work': 0,
    'stop-work-lifted': 0,
    termination: 0,
    funding: 0,
    deletion: 0,
  };
  readonly #byReason: Record<string, number> = {};
  readonly #examples: MalformedRowReport[] = [];
  readonly #skipped: { input: string; reason: string }[] = [];
  bytes = 0;
  rows = 0;
  deleteRows = 0;
  #alertCount = 0;
  #reviewItems = 0;
  #malformed = 0;

  addInput(input: string): void {
    this.#inputs.push(input);
  }

  skipInput(input: string, reason: string): void {
    this.#skipped.push({ input, reason });
  }

  addMatch(screened: ScreenedTransaction): void {
    if (screened.match.decision === 'review') {
      this.#reviewItems++;
      return;
    }
    this.#alertCount++;
    this.#alerts[screened.event.event]++;
  }

  addMalformed(report: MalformedRowReport): void {
    this.#malformed++;
    this.#byReason[report.reason] = (this.#byReason[report.reason] ?? 0) + 1;
    if (this.#examples.length < KEPT_EXAMPLES) this.#examples.push(report);
  }

  summary(): ScreenSummary {
    return {
      inputs: [...this.#inputs],
      bytes: this.bytes,
      rows: this.rows,
      alerts: { ...this.#alerts },
      alertCount: this.#alertCount,
      reviewItems: this.#reviewItems,
      deleteRows: this.deleteRows,
      malformed: { total: this.#malformed, byReason: { ...this.#byReason }, examples: [...this.#examples] },
      skippedInputs: [...this.#skipped],
      elapsedMs: performance.now() - this.#started,
    };
  }
}
