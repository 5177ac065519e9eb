import type { CommandContext } from '../../accounts/command-context.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import { openCase } from '../../kernel/workflow/transition.js';
import { citedAuthorization } from '../authorizations/authorize-use.js';
import { useRequestSchema } from './use-workflow.js';
import { useWorkflow } from './use-workflow.js';
import type { UseRow } from './uses-store.js';
import type { UsesTransaction } from './uses-transaction.js';

/**
 * Records a use (`POST /api/v1/uses`). The agency is the cited authorisation's; a use citing
 * nothing on record names its agency and is recorded as a finding.
 *
 * @example
 * await store.transaction((tx) => recordUse({ ctx, request: { authorization: a.id, dataCategories: ['location'], occurredAt: '2026-02-01T09:00:00Z' } }, tx));
 */
export async function recordUse({ ctx, request }: { ctx: CommandContext; request: unknown }, tx: UsesTransaction): Promise<UseRow> {
  const parsed = parseInput(useRequestSchema, request, 'use');
  const authorization = await citedAuthorization(tx, parsed.authorization);
  const agency = authorization?.agency ?? parsed.agency;
  if (agency === undefined) {
    throw new CommandError({ code: 'NOT_FOUND', message: `no authorisation "${parsed.authorization}" on record; to record a use without one, say whose it is (agency)`, issues: [{ path: 'agency', message: 'required when the authorisation is not on record' }] });
  }
  const { case: use } = await openCase({ ctx, workflow: useWorkflow, via: 'record', input: { agency, authorization: parsed.authorization, dataCategories: parsed.dataCategories }, ...(parsed.occurredAt ? { occurredAt: parsed.occurredAt } : {}) }, tx);
  return use;
}
