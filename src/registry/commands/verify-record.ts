import { randomUUID } from 'node:crypto';
import { authorize } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import { recordStatusSchema, recordTypeSchema, type RecordStatus, type RecordType } from '../schemas/common.js';
import type { CommandContext, RegistryTransaction } from './registry-transaction.js';

/**
 * An editor sets how well a record is established: `reported` → `documented` → `verified`
 * (or back, when a source is withdrawn).
 *
 * @example
 * await verifyRecord({ ctx, recordType: 'organization', id: 'ae-industrial-partners', status: 'verified' }, tx);
 */
export async function verifyRecord(
  { ctx, ...input }: { ctx: CommandContext; recordType: unknown; id: string; status?: unknown },
  tx: RegistryTransaction,
): Promise<{ recordType: RecordType; id: string; status: RecordStatus; previous: RecordStatus }> {
  authorize(ctx.actor, 'record.verify');
  const recordType = parseInput(recordTypeSchema, input.recordType, 'record type', ['recordType']);
  const status = parseInput(recordStatusSchema, input.status ?? 'verified', 'status', ['status']);
  const stored = await tx.registry.getRecord(recordType, input.id);
  if (!stored) throw new CommandError({ code: 'NOT_FOUND', message: `no ${recordType} "${input.id}"` });
  const previous = stored.status;
  if (previous === status) return { recordType, id: input.id, status, previous };
  const at = ctx.now.toISOString();
  await tx.registry.setStatus(recordType, input.id, status, at);
  const changeId = randomUUID();
  await tx.registry.insertChange({
    id: changeId, recordType, recordId: input.id, action: 'status', data: { status, previous }, status: 'applied',
    proposedBy: ctx.actor.actorId, proposedAt: at, reviewedBy: ctx.actor.actorId, reviewedAt: at, reviewNote: null,
  });
  await tx.log.append({
    type: 'registry.record.status-changed',
    actor: ctx.actor.actorId,
    time: at,
    subjects: [`${recordType}:${input.id}`],
    data: { recordType, id: input.id, status, previous, change: changeId },
  });
  return { recordType, id: input.id, status, previous };
}
