import { authorize } from '../../accounts/policies.js';
import { parseRecordInput } from '../record-input.js';
import type { DesignationRecord } from '../registry-record.js';
import { checkReferences } from './check-references.js';
import type { CommandContext, RegistryTransaction } from './registry-transaction.js';
import { writeRecord } from './write-record.js';

/**
 * Publishes a designation (an Entity List addition, an OFAC SDN listing) directly; editors only.
 *
 * @example
 * await recordDesignation({ ctx, designation: { subject: 'intellexa-sa', authority: 'US-OFAC', list: 'SDN', listed: '2024-03-05', sources: ['treasury-2024-03-05'] } }, tx);
 */
export async function recordDesignation({ ctx, designation }: { ctx: CommandContext; designation: unknown }, tx: RegistryTransaction): Promise<DesignationRecord> {
  authorize(ctx.actor, 'designation.record');
  const entry = parseRecordInput('designation', designation);
  await checkReferences(tx.registry, [entry]);
  await writeRecord(tx, ctx, entry, { eventType: 'registry.designation.recorded' });
  return entry.record;
}
