import { authorize } from '../../accounts/policies.js';
import type { Actor } from '../../accounts/actor.js';
import { CommandError } from '../../core/command-error.js';
import type { JsonValue } from '../../core/json-value.js';
import type { LogAppender } from '../../ledger/append/log-appender.js';
import type { SealStore } from '../../ledger/seal/seal-store.js';

export interface SealTransaction {
  readonly seals: SealStore;
  readonly log: LogAppender;
}

async function openingOf(tx: SealTransaction, index: bigint, field: string) {
  const entryId = await tx.seals.entryIdAt(index);
  if (entryId === undefined) throw new CommandError({ code: 'NOT_FOUND', message: `no sequenced log entry ${index}` });
  const opening = (await tx.seals.openings(entryId)).find((o) => o.field === field);
  if (!opening) throw new CommandError({ code: 'NOT_FOUND', message: `log entry ${index} has no opening for "${field}" (never sealed, or shredded)` });
  return { entryId, opening };
}

/**
 * Publishes a sealed field (a court ordered it, a tipster consented): its value and opening go
 * into a new log entry, so anyone can recompute the commitment in the original entry and check
 * the value is the one sealed at the time.
 *
 * @example
 * await unsealField({ ctx, index: 42n, field: 'body' }, tx);
 */
export async function unsealField({ ctx, index, field }: { ctx: { actor: Actor; now: Date }; index: bigint; field: string }, tx: SealTransaction): Promise<{ value: JsonValue; opening: string }> {
  authorize(ctx.actor, 'seal.unseal');
  const { entryId, opening } = await openingOf(tx, index, field);
  if (opening.unsealedAt) throw new CommandError({ code: 'CONFLICT', message: `field "${field}" of entry ${index} was already unsealed on ${opening.unsealedAt}` });
  const at = ctx.now.toISOString();
  const value: JsonValue = JSON.parse(opening.value);
  await tx.seals.markUnsealed(entryId, field, at);
  await tx.log.append({ type: 'ledger.seal.unsealed', actor: ctx.actor.actorId, time: at, subjects: [`log:${index}`], data: { index: index.toString(), field, value, opening: opening.opening } });
  return { value, opening: opening.opening };
}

/**
 * Destroys a sealed field: its value in the seal store (wherever a domain row referred to it)
 * and every opening of it. The log keeps its commitment, but nobody can ever learn or prove the
 * value again (crypto-shredding, for data that must be deleted).
 */
export async function shredField({ ctx, index, field }: { ctx: { actor: Actor; now: Date }; index: bigint; field: string }, tx: SealTransaction): Promise<void> {
  authorize(ctx.actor, 'seal.unseal');
  const { opening } = await openingOf(tx, index, field);
  // The value goes, not just this opening: a domain row that referred to it (a tip's contact)
  // now refers to nothing, and every other entry that sealed it can no longer be opened.
  await tx.seals.shred(opening.valueId);
  await tx.log.append({ type: 'ledger.seal.shredded', actor: ctx.actor.actorId, time: ctx.now.toISOString(), subjects: [`log:${index}`], data: { index: index.toString(), field } });
}
