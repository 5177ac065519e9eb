import { CommandError } from '../../core/command-error.js';
import type { ExportLimits } from '../server-settings.js';

/** How long a refused client is told to wait: about as long as a large export takes to stream. */
export const EXPORT_RETRY_AFTER_SECONDS = 30;

/** The right to one export: wait for a worker with `start()`, give it back with `release()` (idempotent). */
export interface ExportTicket {
  start(): Promise<void>;
  release(): void;
}

/**
 * Admission to open-data exports, so that however many are asked for, the server keeps answering
 * other requests (issue #12: eight anonymous exports made `/log/checkpoint` take 117 s). At most
 * `workers` exports read the database at once — the others wait their turn in a queue of at most
 * `queue` — and one client may hold at most `perClient` exports, running or waiting. Past either
 * limit the request is refused with 429 and `Retry-After` (RFC 6585 §4) before anything is read.
 * In memory, per process: each process bounds its own database load (the export *rate* per
 * client is limited in the database, across processes, by the `exports` rate limit).
 *
 * @example
 * const ticket = gate.admit('address:203.0.113.9'); // throws RATE_LIMITED past a limit
 * await ticket.start();
 * try { … stream … } finally { ticket.release(); }
 */
export class ExportGate {
  readonly #limits: ExportLimits;
  readonly #perClient = new Map<string, number>();
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  constructor(limits: ExportLimits) {
    if (limits.workers < 1 || limits.perClient < 1 || limits.queue < 0) throw new Error('export limits need at least one worker and one export per client');
    this.#limits = limits;
  }

  /** Exports reading the database now, and exports waiting for a worker. */
  get load(): { running: number; waiting: number } {
    return { running: this.#running, waiting: this.#waiting.length };
  }

  admit(client: string): ExportTicket {
    const held = this.#perClient.get(client) ?? 0;
    if (held >= this.#limits.perClient) {
      throw new CommandError({ code: 'RATE_LIMITED', message: `at most ${this.#limits.perClient} exports at once per client; wait for one to finish` });
    }
    if (this.#running + this.#waiting.length >= this.#limits.workers + this.#limits.queue) {
      throw new CommandError({ code: 'RATE_LIMITED', message: 'the server is busy with other exports; try again shortly' });
    }
    this.#perClient.set(client, held + 1);
    let state: 'admitted' | 'waiting' | 'running' | 'released' = 'admitted';
    let wake: (() => void) | undefined;
    return {
      start: () => {
        if (state !== 'admitted') throw new Error(`an export ticket cannot start when ${state}`);
        if (this.#running < this.#limits.workers) {
          this.#running += 1;
          state = 'running';
          return Promise.resolve();
        }
        state = 'waiting';
        return new Promise<void>((resolve) => {
          wake = () => {
            this.#running += 1;
            state = 'running';
            resolve();
          };
          this.#waiting.push(wake);
        });
      },
      release: () => {
        if (state === 'released') return;
        if (state === 'running') {
          this.#running -= 1;
          this.#waiting.shift()?.();
        } else if (state === 'waiting' && wake) {
          const at = this.#waiting.indexOf(wake);
          if (at >= 0) this.#waiting.splice(at, 1);
        }
        state = 'released';
        const left = (this.#perClient.get(client) ?? 1) - 1;
        if (left <= 0) this.#perClient.delete(client);
        else this.#perClient.set(client, left);
      },
    };
  }
}
