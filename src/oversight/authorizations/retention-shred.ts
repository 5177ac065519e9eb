import { z } from 'zod';
import { SYSTEM } from '../../accounts/actor.js';
import type { AppendedEvent, EventSubscriber } from '../../kernel/events/event-subscriber.js';
import { transition } from '../../kernel/workflow/transition.js';
import type { UsesTransaction } from '../uses/uses-transaction.js';
import { authorizationWorkflow, DELETION_DUE_EVENT, NOTICE_GIVEN_EVENT } from './authorization-workflow.js';
import { targetRetention, type TargetRetention } from './target-retention.js';

/** What the subscriber reads of the entries it listens to. */
const deletionDueData = z.object({ case: z.string().min(1), error: z.string().optional() });
const noticeGivenData = z.object({ authorization: z.string().min(1) });

/** Another module's entry recording that a target was told, and how to find the authorisation it concerns. */
export interface NoticeSentEvent<Tx> {
  readonly type: string;
  authorizationOf(event: AppendedEvent, tx: Tx): Promise<string | null>;
}

export interface RetentionShredOptions<Tx> {
  /** Entries of other modules that record a notice sent (the remedy module's target notices), wired in `src/app/`. */
  readonly noticeEvents?: readonly NoticeSentEvent<Tx>[];
  /** Whether another module recorded the target told, when the authorisation itself does not say so. */
  noticeSentElsewhere?(authorizationId: string, tx: Tx): Promise<boolean>;
}

/**
 * Shreds an authorisation's sealed target if its retention has ended and the target was told
 * (`targetRetention` says what is held and why); returns where the target stands afterwards.
 * Idempotent: a target already shredded, or still held, is left alone.
 *
 * @example
 * await shredTargetIfRetentionEnded('9b1d…', new Date(), tx); // 'shredded', 'held' or 'held-for-notice'
 */
export async function shredTargetIfRetentionEnded<Tx extends UsesTransaction>(id: string, now: Date, tx: Tx, options: RetentionShredOptions<Tx> = {}): Promise<TargetRetention | null> {
  const a = await tx.uses.authorization(id);
  if (a === null) return null;
  const noticeSent = a.noticeGivenAt === null && options.noticeSentElsewhere ? await options.noticeSentElsewhere(id, tx) : false;
  const state = targetRetention(a, now, { noticeSent });
  if (state !== 'due') return state;
  await transition({ ctx: { actor: SYSTEM, now }, workflow: authorizationWorkflow, id, action: 'shred-target', input: {} }, tx);
  return 'shredded';
}

/**
 * "Shredding follows the retention rules" (issue #8). When the tick fires an authorisation's
 * `deletion-due` deadline — the end of the window plus its retention days, moved by any
 * court-ordered extension, since an extension stops that deadline and starts a new one — the
 * target's sealed value is crypto-shredded, unless the target has not been told yet: then it is
 * held until the notice is recorded (on the authorisation, or through another module's entry
 * the app wires as `noticeEvents`), and shredded in that same transaction. Each shred is the
 * authorisation's `oversight.authorization.target-shredded` entry.
 *
 * What is not shredded, and why: the docket number (a court's later unsealing order and a
 * target's challenge need it; it names the court record, not the person), the keyed pseudonym
 * (already in the public log), the agency's pseudonym key (every authorisation of the agency
 * shares it), and the uses, sharings and findings (they hold nothing sealed; they are the audit
 * trail). A field a court already ordered published stays published: the log carries it.
 */
export function retentionShredSubscriber<Tx extends UsesTransaction>(options: RetentionShredOptions<Tx> = {}): EventSubscriber<Tx> {
  const elsewhere = new Map((options.noticeEvents ?? []).map((e) => [e.type, e]));
  return {
    name: 'oversight.shred-target-at-retention-end',
    on: [DELETION_DUE_EVENT, NOTICE_GIVEN_EVENT, ...elsewhere.keys()],
    async handle(event, tx) {
      let id: string | null;
      if (event.type === DELETION_DUE_EVENT) {
        const data = deletionDueData.parse(event.data);
        // The tick records a deadline whose batch failed with the error: not a moment to shred (the page shows the target still held).
        if (data.error !== undefined) return;
        id = data.case;
      } else if (event.type === NOTICE_GIVEN_EVENT) {
        id = noticeGivenData.parse(event.data).authorization;
      } else {
        const source = elsewhere.get(event.type);
        id = source ? await source.authorizationOf(event, tx) : null;
      }
      if (id !== null) await shredTargetIfRetentionEnded(id, new Date(event.time), tx, options);
    },
  };
}
