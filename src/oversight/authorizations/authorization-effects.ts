import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CommandError } from '../../core/command-error.js';
import type { StepArgs, StepOutput } from '../../kernel/workflow/workflow.js';
import type { UsesTransaction } from '../uses/uses-transaction.js';
import type { Finding } from '../uses/use.js';
import type { sharingInput, unsealInput } from './authorization-input.js';
import type { Authorization } from './authorization.js';

type Args<I> = StepArgs<Authorization, I, UsesTransaction>;

/** Records data shared outside the agency; a sharing that cites no legal basis is a public finding at once. */
export async function recordSharing({ ctx, case: a, input, occurredAt, tx }: Args<z.infer<typeof sharingInput>>): Promise<StepOutput> {
  const sharing = { id: randomUUID(), authorization: a.id, agency: a.agency, recipient: input.recipient, legalBasis: input.legalBasis ?? null, sharedAt: occurredAt, recordedAt: ctx.now.toISOString() };
  await tx.uses.insertSharing(sharing);
  const findings: Finding[] = sharing.legalBasis === null
    ? [{ id: randomUUID(), agency: a.agency, kind: 'sharing-without-basis', subject: `sharing:${sharing.id}`, detail: `shared with ${sharing.recipient} on ${occurredAt.slice(0, 10)} citing no legal basis`, audit: null, raisedAt: ctx.now.toISOString() }]
    : [];
  await tx.uses.insertFindings(findings);
  return {
    data: { sharing: sharing.id, recipient: sharing.recipient, legalBasis: sharing.legalBasis, sharedAt: occurredAt, findings: findings.map((f) => ({ id: f.id, kind: f.kind, detail: f.detail })) },
  };
}

/**
 * A court ordered a sealed field published: its value and the opening of the commitment in the
 * authorisation's entry go into this step's entry, so anyone can recompute the commitment made
 * when the authorisation was recorded (GET /api/v1/log/entries/{index}/seals shows both).
 */
export async function unsealAuthorizationField({ ctx, case: a, input, tx }: Args<z.infer<typeof unsealInput>>): Promise<StepOutput> {
  if (Object.hasOwn(a.unsealed, input.field)) throw new CommandError({ code: 'CONFLICT', message: `${input.field} of authorisation ${a.id} is already unsealed` });
  const index = await tx.uses.entryIndex(a.entryId);
  if (index === null) throw new CommandError({ code: 'CONFLICT', message: `the log has not sequenced authorisation ${a.id} yet; unseal once it has a receipt` });
  const opening = (await tx.seals.openings(a.entryId)).find((o) => o.field === input.field);
  if (!opening) throw new CommandError({ code: 'NOT_FOUND', message: `${input.field} of authorisation ${a.id} can no longer be opened (shredded under the retention rules)` });
  const value: unknown = JSON.parse(opening.value);
  if (typeof value !== 'string') throw new Error(`sealed ${input.field} of authorisation ${a.id} is not text`);
  await tx.seals.markUnsealed(a.entryId, input.field, ctx.now.toISOString());
  // The kernel's own unsealing entry too, so the log's seal pages and `log check` see it published.
  await tx.log.append({ type: 'ledger.seal.unsealed', actor: ctx.actor.actorId, time: ctx.now.toISOString(), subjects: [`log:${index}`], data: { index: String(index), field: input.field, value, opening: opening.opening } });
  await tx.uses.updateAuthorization(a.id, { unsealed: { ...a.unsealed, [input.field]: value } });
  return { data: { field: input.field, value, opening: opening.opening, index: String(index), courtOrder: input.courtOrder }, subjects: [`log:${index}`] };
}
