import type { CommandContext } from '../../accounts/command-context.js';
import { transition } from '../../kernel/workflow/transition.js';
import { changeWorkflow } from '../changes/change-workflow.js';
import type { ChangeRow } from '../registry-store.js';
import type { RegistryTransaction } from './registry-transaction.js';

/**
 * An editor accepts a proposed change: it is re-validated against the registry as it is now,
 * applied, and published (its record's log entry names the change). Of concurrent accepts of one
 * change exactly one wins; the others get 409 and append nothing.
 *
 * @example
 * await acceptChange({ ctx, changeId, note: 'checked against the Federal Register' }, tx);
 */
export async function acceptChange({ ctx, changeId, note }: { ctx: CommandContext; changeId: string; note?: string | undefined }, tx: RegistryTransaction): Promise<ChangeRow> {
  return (await transition({ ctx, workflow: changeWorkflow, id: changeId, action: 'accept', input: note ? { note } : {} }, tx)).case;
}

/**
 * An editor rejects a proposed change; it stays in the history as rejected and never reaches
 * the public registry. The log records the rejection, not the content.
 */
export async function rejectChange({ ctx, changeId, note }: { ctx: CommandContext; changeId: string; note?: string | undefined }, tx: RegistryTransaction): Promise<ChangeRow> {
  return (await transition({ ctx, workflow: changeWorkflow, id: changeId, action: 'reject', input: note ? { note } : {} }, tx)).case;
}
