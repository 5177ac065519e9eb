import { authorize } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import { parseRecordInput } from '../record-input.js';
import type { ChangeRow } from '../registry-store.js';
import { delistingSchema } from './change-proposal.js';
import { checkReferences } from './check-references.js';
import { applyDelisting } from './delist-designation.js';
import type { CommandContext, RegistryTransaction } from './registry-transaction.js';
import { writeRecord } from './write-record.js';

async function pendingChange(tx: RegistryTransaction, changeId: string): Promise<ChangeRow> {
  const change = await tx.registry.getChange(changeId);
  if (!change) throw new CommandError({ code: 'NOT_FOUND', message: `no change "${changeId}"` });
  if (change.status !== 'pending') throw new CommandError({ code: 'CONFLICT', message: `change "${changeId}" is already ${change.status}` });
  return change;
}

function field(data: unknown, name: string): unknown {
  return typeof data === 'object' && data !== null ? Reflect.get(data, name) : undefined;
}

/**
 * An editor accepts a proposed change: it is re-validated against the registry as it is now,
 * applied, and published (its record's log entry names the change).
 *
 * @example
 * await acceptChange({ ctx, changeId, note: 'checked against the Federal Register' }, tx);
 */
export async function acceptChange({ ctx, changeId, note }: { ctx: CommandContext; changeId: string; note?: string }, tx: RegistryTransaction): Promise<ChangeRow> {
  authorize(ctx.actor, 'change.review');
  const change = await pendingChange(tx, changeId);
  if (change.action === 'upsert') {
    const entry = parseRecordInput(change.recordType, field(change.data, 'record'), ['record']);
    await checkReferences(tx.registry, [entry], () => 'record');
    await writeRecord(tx, ctx, entry, { changeId });
  } else if (change.action === 'delist') {
    const delisting = parseInput(delistingSchema, { delisted: field(change.data, 'delisted'), reason: field(change.data, 'reason') ?? undefined, sources: field(change.data, 'sources') }, 'delisting');
    await applyDelisting(tx, ctx, change.recordId, delisting, changeId);
  }
  const review = { status: 'applied' as const, reviewedBy: ctx.actor.actorId, reviewedAt: ctx.now.toISOString(), reviewNote: note ?? null };
  await tx.registry.reviewChange(changeId, review);
  return { ...change, ...review };
}

/**
 * An editor rejects a proposed change; it stays in the history as rejected and never reaches
 * the public registry. The log records the rejection, not the content.
 */
export async function rejectChange({ ctx, changeId, note }: { ctx: CommandContext; changeId: string; note?: string }, tx: RegistryTransaction): Promise<ChangeRow> {
  authorize(ctx.actor, 'change.review');
  const change = await pendingChange(tx, changeId);
  const review = { status: 'rejected' as const, reviewedBy: ctx.actor.actorId, reviewedAt: ctx.now.toISOString(), reviewNote: note ?? null };
  await tx.registry.reviewChange(changeId, review);
  await tx.log.append({
    type: 'registry.change.rejected',
    actor: ctx.actor.actorId,
    time: review.reviewedAt,
    subjects: [`change:${changeId}`],
    data: { change: changeId, recordType: change.recordType },
    ...(note ? { sealed: { note } } : {}),
  });
  return { ...change, ...review };
}
