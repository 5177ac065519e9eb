import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ExportTicket } from './export-gate.js';

/**
 * A byte stream of an export that (1) waits for an export worker before reading anything,
 * (2) pulls the next chunk only when the client has taken the last one (backpressure: a slow
 * download holds one batch in memory), (3) yields to the event loop before every chunk — SQLite
 * reads are synchronous, and without a turn of the loop between batches an export never lets
 * another request in — and (4) gives its worker back when it ends, fails or the client leaves.
 *
 * @example
 * return c.body(gatedExportStream(exportLines(plan, batches), gate.admit(client)), 200, headers);
 */
export function gatedExportStream(chunks: AsyncGenerator<string>, ticket: ExportTicket): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  // A client that leaves cancels the stream while a pull may be reading: that pull must not enqueue.
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!started) {
            started = true;
            await ticket.start();
          }
          await nextTurn();
          if (cancelled) return;
          const next = await chunks.next();
          if (cancelled) return;
          if (next.done) {
            ticket.release();
            controller.close();
          } else {
            controller.enqueue(encoder.encode(next.value));
          }
        } catch (error) {
          ticket.release();
          if (cancelled) return;
          // The status line is long sent: all that is left is to cut the body short and say why here.
          console.error('GET /api/v1/export failed part-way:', error instanceof Error ? error.stack ?? error.message : error);
          controller.error(error);
        }
      },
      async cancel() {
        cancelled = true;
        ticket.release();
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
