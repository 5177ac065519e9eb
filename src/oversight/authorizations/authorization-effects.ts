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
  if (!opening) {
    const when = input.field === 'target' && a.targetShreddedAt ? ` on ${a.targetShreddedAt.slice(0, 10)}` : '';
    throw new CommandError({ code: 'NOT_FOUND', message: `${input.field} of authorisation ${a.id} can no longer be opened (shredded under the retention rules${when})` });
  }
  const value: unknown = JSON.parse(opening.value);
  if (typeof value !== 'string') throw new Error(`sealed ${input.field} of authorisation ${a.id} is not text`);
  await tx.seals.markUnsealed(a.entryId, input.field, ctx.now.toISOString());
  // The kernel's own unsealing entry too, so the log's seal pages and `log check` see it published.
  await tx.log.append({ type: 'ledger.seal.unsealed', actor: ctx.actor.actorId, time: ctx.now.toISOString(), subjects: [`log:${index}`], data: { index: String(index), field: input.field, value, opening: opening.opening } });
  await tx.uses.updateAuthorization(a.id, { unsealed: { ...a.unsealed, [input.field]: value } });
  return { data: { field: input.field, value, opening: opening.opening, index: String(index), courtOrder: input.courtOrder }, subjects: [`log:${index}`] };
}

/**
 * Retention ended and the target was told: the target's value goes from the seal store with every
 * opening of it (crypto-shredding — the log keeps its commitment, which nobody can open again), and
 * the row forgets the reference. The docket number stays sealed; `target-retention.ts` says why.
 * Once the granting entry is sequenced, the kernel's own `ledger.seal.shredded` entry goes with it,
 * as with `log shred`, so the log's seal pages and any verifier see the field shredded.
 */
export async function shredTargetAtRetentionEnd({ ctx, case: a, tx }: Args<Record<string, never>>): Promise<StepOutput> {
  const at = ctx.now.toISOString();
  // A database rebuilt by `log replay` never held the value (targetRef null): there is nothing to erase, but the step is still recorded.
  const valuesShredded = a.targetRef === null ? 0 : await tx.seals.shred(a.targetRef);
  await tx.uses.updateAuthorization(a.id, { targetRef: null, targetShreddedAt: at });
  const index = await tx.uses.entryIndex(a.entryId);
  if (index !== null) await tx.log.append({ type: 'ledger.seal.shredded', actor: ctx.actor.actorId, time: at, subjects: [`log:${index}`], data: { index: String(index), field: 'target' } });
  return {
    data: { shredded: ['target'], keptSealed: ['docketNumber'], deletionDueOn: a.deletionDueOn, valuesShredded },
    subjects: index === null ? [] : [`log:${index}`],
  };
}
