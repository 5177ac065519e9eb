import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CommandContext } from '../../accounts/command-context.js';
import { authorizePolicy } from '../../accounts/policies.js';
import { atLeast, either, scoped } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import type { DocketFinding, DocketsTransaction } from './docket.js';
import { presetOf } from './docket-rules.js';

export const findingInput = z.strictObject({
  jurisdiction: z.string().trim().min(2).max(40),
  agency: z.string().trim().min(2).max(100),
  /** The technology used: a registry product id or its description, as dockets name it. */
  technology: z.string().trim().min(2).max(300),
  observedOn: z.iso.date(),
  description: z.string().trim().min(10, 'must be at least 10 characters').max(20_000),
  /** Registry sources that show the use. */
  sources: z.array(z.string().trim().min(2).max(100)).max(20).default([]),
});

/** Analysts, or the clerk of the jurisdiction's board. */
export const findingPolicy = either(atLeast('analyst'), scoped('board-clerk'));

/**
 * Records a use of a technology with no approved docket in that jurisdiction as a public finding
 * (the CCOPS model bill: no use without approval). Refused, naming the docket, when one approves it.
 *
 * @example
 * await recordDocketFinding({ ctx, finding: { jurisdiction: 'seattle', agency: 'seattle-police-department', technology: 'graphite', observedOn: '2026-03-01', description: '…' } }, tx);
 */
export async function recordDocketFinding({ ctx, finding }: { ctx: CommandContext; finding: unknown }, tx: DocketsTransaction): Promise<DocketFinding> {
  const input = parseInput(findingInput, finding, 'finding');
  const preset = presetOf(input.jurisdiction);
  authorizePolicy(ctx.actor, 'record a finding', findingPolicy, { scopes: [{ kind: 'board', id: preset.board.id }] });
  if (!(await tx.registry.getRecord('organization', input.agency))) throw new CommandError({ code: 'INVALID_INPUT', message: `agency "${input.agency}" is not a registry organisation`, issues: [{ path: 'agency', message: 'not a registry organisation' }] });
  const known = await tx.registry.existingKeys('source', input.sources);
  const missing = input.sources.filter((s) => !known.has(s));
  if (missing.length > 0) throw new CommandError({ code: 'INVALID_INPUT', message: `no source ${missing.map((s) => `"${s}"`).join(', ')} in the registry`, issues: missing.map((s) => ({ path: `sources[${input.sources.indexOf(s)}]`, message: 'no such source' })) });
  const approved = await tx.dockets.approvedDocketFor(input.jurisdiction, input.technology);
  if (approved) throw new CommandError({ code: 'CONFLICT', message: `"${input.technology}" is approved in ${preset.name} by docket ${approved.id} ("${approved.title}"): its use is no finding` });
  const recorded: DocketFinding = { id: randomUUID(), ...input, recordedAt: ctx.now.toISOString(), recordedBy: ctx.actor.actorId };
  await tx.dockets.insertFinding(recorded);
  await tx.log.append({
    type: 'oversight.docket.finding-recorded', actor: ctx.actor.actorId, time: recorded.recordedAt, subjects: [`organization:${input.agency}`, ...(await productSubject(tx, input.technology))],
    data: { finding: recorded.id, jurisdiction: input.jurisdiction, agency: input.agency, technology: input.technology, observedOn: input.observedOn, description: input.description, sources: input.sources },
  });
  return recorded;
}

async function productSubject(tx: DocketsTransaction, technology: string): Promise<string[]> {
  return (await tx.registry.getRecord('product', technology)) ? [`product:${technology}`] : [];
}
