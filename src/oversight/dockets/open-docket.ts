import type { CommandContext } from '../../accounts/command-context.js';
import { openCase, transition } from '../../kernel/workflow/transition.js';
import type { Docket, DocketsTransaction } from './docket.js';
import { docketWorkflow } from './docket-workflow.js';

/**
 * Opens a docket: `{ jurisdiction, agency, technology, title }` and, optionally, the proposal.
 *
 * @example
 * const docket = await openDocket({ ctx, docket: { jurisdiction: 'seattle', agency: 'seattle-police-department', technology: 'graphite', title: 'Graphite' } }, tx);
 */
export async function openDocket({ ctx, docket }: { ctx: CommandContext; docket: unknown }, tx: DocketsTransaction): Promise<Docket> {
  return (await openCase({ ctx, workflow: docketWorkflow, via: 'open', input: docket }, tx)).case;
}

/** What a docket step did: the docket after it and the entry it appended. */
export interface DocketStepResult {
  readonly docket: Docket;
  readonly entryId: number;
}

/**
 * Runs one step of a docket (`notice`, `comment`, `moderate`, `hearing`, `vote`, `decide`,
 * `fileReport`, `renew`, `revise`). A published comment keeps the id of the entry that published
 * it, so its page can show its receipt.
 *
 * @example
 * await docketStep({ ctx, id, action: 'notice', input: { publishedAt: '2026-11-23' } }, tx);
 */
export async function docketStep({ ctx, id, action, input }: { ctx: CommandContext; id: string; action: string; input: unknown }, tx: DocketsTransaction): Promise<DocketStepResult> {
  const result = await transition({ ctx, workflow: docketWorkflow, id, action, input }, tx);
  if (action === 'moderate' && typeof input === 'object' && input !== null && 'comment' in input && 'decision' in input && input.decision === 'publish' && typeof input.comment === 'string') {
    await tx.dockets.setPublishedEntry(input.comment, result.entryId);
  }
  return { docket: result.case, entryId: result.entryId };
}
