import { authorize } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import type { DesignationRecord } from '../registry-record.js';
import { delistingSchema, type Delisting } from './change-proposal.js';
import { checkReferences } from './check-references.js';
import type { CommandContext, RegistryTransaction } from './registry-transaction.js';
import { writeRecord } from './write-record.js';

/**
 * Applies a delisting to a stored designation (shared by the direct command and an accepted
 * proposal): the designation keeps its listing and gains a delisting date, reason and sources.
 */
export async function applyDelisting(tx: RegistryTransaction, ctx: CommandContext, designationId: string, delisting: Delisting, changeId?: string): Promise<DesignationRecord> {
  const stored = await tx.registry.getRecord('designation', designationId);
  if (!stored) throw new CommandError({ code: 'NOT_FOUND', message: `no designation "${designationId}"` });
  if (stored.delisted) throw new CommandError({ code: 'CONFLICT', message: `designation "${designationId}" was already delisted on ${stored.delisted}` });
  if (delisting.delisted < stored.listed) {
    throw new CommandError({ code: 'INVALID_INPUT', message: 'a delisting cannot precede the listing', issues: [{ path: 'delisted', message: `must not be before the listing date ${stored.listed}` }] });
  }
  const record: DesignationRecord = {
    ...stored,
    delisted: delisting.delisted,
    ...(delisting.reason ? { delistingReason: delisting.reason } : {}),
    sources: [...new Set([...stored.sources, ...delisting.sources])],
  };
  await checkReferences(tx.registry, [{ type: 'designation', record }]);
  await writeRecord(tx, ctx, { type: 'designation', record }, { eventType: 'registry.designation.delisted', action: 'delist', ...(changeId ? { changeId } : {}) });
  return record;
}

/**
 * Records that an authority removed a subject from a list (delistings happen; the designation
 * timeline shows both dates).
 *
 * @example
 * await delistDesignation({ ctx, designationId: 'nso-group--us-bis--entity-list--2021-11-03', delisted: '2026-01-15', sources: ['fr-2026-00123'] }, tx);
 */
export async function delistDesignation(
  { ctx, designationId, ...input }: { ctx: CommandContext; designationId: string } & Record<string, unknown>,
  tx: RegistryTransaction,
): Promise<DesignationRecord> {
  authorize(ctx.actor, 'designation.delist');
  const delisting = parseInput(delistingSchema, input, 'delisting');
  return applyDelisting(tx, ctx, designationId, delisting);
}
