import type { CommandContext } from '../../accounts/command-context.js';
import { openCase } from '../../kernel/workflow/transition.js';
import { changeWorkflow } from '../changes/change-workflow.js';
import type { ChangeRow } from '../registry-store.js';
import type { RegistryTransaction } from './registry-transaction.js';

/**
 * An analyst proposes a new or changed record, or a delisting, with its sources. The proposal
 * waits in the review queue, invisible to the public, until an editor accepts or rejects it. Its
 * log entry says that a change was proposed and commits to its content without revealing it
 * (sealed fields), so the log proves what was proposed when, once the content is public.
 *
 * @example
 * await proposeChange({ ctx, proposal: { action: 'upsert', recordType: 'organization', record: { id: 'acme', name: 'Acme Ltd.', kind: 'vendor', sources: ['some-report'] } } }, tx);
 */
export async function proposeChange({ ctx, proposal }: { ctx: CommandContext; proposal: unknown }, tx: RegistryTransaction): Promise<ChangeRow> {
  return (await openCase({ ctx, workflow: changeWorkflow, via: 'propose', input: proposal }, tx)).case;
}
