import { randomUUID } from 'node:crypto';
import { authorize } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import type { JsonValue } from '../../core/json-value.js';
import { parseInput } from '../../core/parse-input.js';
import { parseRecordInput } from '../record-input.js';
import { recordKey } from '../registry-record.js';
import type { ChangeRow } from '../registry-store.js';
import { changeProposalSchema } from './change-proposal.js';
import { checkReferences } from './check-references.js';
import type { CommandContext, RegistryTransaction } from './registry-transaction.js';

/**
 * An analyst proposes a new or changed record, or a delisting, with its sources. The proposal
 * waits in the review queue, invisible to the public, until an editor accepts or rejects it. Its
 * log entry says that a change was proposed and commits to its content without revealing it
 * (a sealed field), so the log proves what was proposed when, once the content is public.
 *
 * @example
 * await proposeChange({ ctx, proposal: { action: 'upsert', recordType: 'organization', record: { id: 'acme', name: 'Acme Ltd.', kind: 'vendor', sources: ['some-report'] } } }, tx);
 */
export async function proposeChange({ ctx, proposal }: { ctx: CommandContext; proposal: unknown }, tx: RegistryTransaction): Promise<ChangeRow> {
  authorize(ctx.actor, 'change.propose');
  const input = parseInput(changeProposalSchema, proposal, 'change proposal');
  const at = ctx.now.toISOString();
  let change: ChangeRow;
  if (input.action === 'upsert') {
    const entry = parseRecordInput(input.recordType, input.record, ['record']);
    await checkReferences(tx.registry, [entry], () => 'record');
    const data: JsonValue = JSON.parse(JSON.stringify({ record: entry.record, note: input.note ?? null }));
    change = { id: randomUUID(), recordType: entry.type, recordId: recordKey(entry), action: 'upsert', data, status: 'pending', proposedBy: ctx.actor.actorId, proposedAt: at, reviewedBy: null, reviewedAt: null, reviewNote: null };
  } else {
    const designation = await tx.registry.getRecord('designation', input.designationId);
    if (!designation) throw new CommandError({ code: 'NOT_FOUND', message: `no designation "${input.designationId}"`, issues: [{ path: 'designationId', message: 'unknown designation' }] });
    await checkReferences(tx.registry, [{ type: 'designation', record: { ...designation, sources: input.sources } }]);
    const data: JsonValue = JSON.parse(JSON.stringify({ delisted: input.delisted, reason: input.reason, sources: input.sources, note: input.note ?? null }));
    change = { id: randomUUID(), recordType: 'designation', recordId: input.designationId, action: 'delist', data, status: 'pending', proposedBy: ctx.actor.actorId, proposedAt: at, reviewedBy: null, reviewedAt: null, reviewNote: null };
  }
  await tx.registry.insertChange(change);
  const proposalData: JsonValue = JSON.parse(JSON.stringify(change.data));
  await tx.log.append({
    type: 'registry.change.proposed',
    actor: ctx.actor.actorId,
    time: at,
    subjects: [`change:${change.id}`],
    data: { change: change.id, action: change.action, recordType: change.recordType },
    sealed: { proposal: proposalData, recordId: change.recordId },
  });
  return change;
}
