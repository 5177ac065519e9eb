import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { atLeast } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import type { JsonValue } from '../../core/json-value.js';
import { parseInput } from '../../core/parse-input.js';
import { stepsFor, type Workflow } from '../../kernel/workflow/workflow.js';
import { parseRecordInput } from '../record-input.js';
import { recordKey } from '../registry-record.js';
import type { ChangeRow } from '../registry-store.js';
import { changeProposalSchema, delistingSchema } from '../commands/change-proposal.js';
import { checkReferences } from '../commands/check-references.js';
import { applyDelisting } from '../commands/delist-designation.js';
import { assertRecordFitsLog } from '../commands/record-entry-size.js';
import type { RegistryTransaction } from '../commands/registry-transaction.js';
import { writeRecord } from '../commands/write-record.js';

const reviewInput = z.strictObject({ note: z.string().trim().max(2000).optional() });
const step = stepsFor<ChangeRow, RegistryTransaction>();

function field(data: unknown, name: string): unknown {
  return typeof data === 'object' && data !== null ? Reflect.get(data, name) : undefined;
}

/**
 * The editorial workflow: an analyst proposes a record (or a delisting) with its sources; it
 * waits, sealed, until an editor accepts it (it is applied and published) or rejects it. The
 * proposal's content and record id live in the seal store until accepted — shredding them erases
 * a proposal that was never published.
 */
export const changeWorkflow: Workflow<ChangeRow, RegistryTransaction> = {
  caseType: 'change',
  idField: 'change',
  label: 'change',
  states: {
    pending: { label: 'Pending review' },
    applied: { label: 'Applied', terminal: true },
    rejected: { label: 'Rejected', terminal: true },
  },
  load: (tx, id) => tx.registry.getChange(id),
  stateOf: (change) => change.status,
  resourceOf: () => ({ scopes: [] }),
  readableBy: (actor, change) => change.status === 'applied' || atLeast('analyst').allows(actor, undefined),
  openings: { propose: step.opening({
    label: 'Propose a change',
    event: 'registry.change.proposed',
    to: 'pending',
    policy: atLeast('analyst'),
    input: changeProposalSchema,
    resourceOf: () => ({ scopes: [] }),
    async create({ ctx, input, tx }) {
      let recordId: string;
      let content: JsonValue;
      if (input.action === 'upsert') {
        const entry = parseRecordInput(input.recordType, input.record, ['record']);
        await checkReferences(tx.registry, [entry], () => 'record');
        assertRecordFitsLog(entry, 'record');
        recordId = recordKey(entry);
        content = JSON.parse(JSON.stringify({ record: entry.record, note: input.note ?? null }));
      } else {
        const designation = await tx.registry.getRecord('designation', input.designationId);
        if (!designation) throw new CommandError({ code: 'NOT_FOUND', message: `no designation "${input.designationId}"`, issues: [{ path: 'designationId', message: 'unknown designation' }] });
        await checkReferences(tx.registry, [{ type: 'designation', record: { ...designation, sources: input.sources } }]);
        recordId = input.designationId;
        content = JSON.parse(JSON.stringify({ delisted: input.delisted, reason: input.reason, sources: input.sources, note: input.note ?? null }));
      }
      // The content and record id are sealed: stored once, in the seal store; the row refers to them.
      const proposal = await tx.seals.put(content);
      const sealedRecordId = await tx.seals.put(recordId, { group: proposal.id });
      const id = randomUUID();
      const recordType = input.action === 'upsert' ? input.recordType : 'designation';
      await tx.registry.insertChange({
        id, recordType, recordId, action: input.action, data: content, status: 'pending', proposedBy: ctx.actor.actorId, proposedAt: ctx.now.toISOString(),
        reviewedBy: null, reviewedAt: null, reviewNote: null, sealedRefs: { data: proposal.id, recordId: sealedRecordId.id, reviewNote: null },
      });
      return { id, data: { action: input.action, recordType }, sealed: { proposal, recordId: sealedRecordId } };
    },
  }) },
  transitions: {
    accept: step.transition({
      label: 'Accept',
      event: 'registry.change.accepted',
      from: ['pending'],
      to: 'applied',
      policy: atLeast('editor'),
      input: reviewInput,
      async guard({ ctx, case: change }) {
        // Two people: whoever proposed a change does not accept it (on unless configured off).
        if (ctx.settings?.twoPersonReview !== false && change.proposedBy === ctx.actor.actorId) {
          throw new CommandError({ code: 'FORBIDDEN', message: 'a change is accepted by someone other than its proposer (two-person rule)' });
        }
        if (change.recordId === null || change.data === null) throw new CommandError({ code: 'CONFLICT', message: `change "${change.id}" was shredded; there is nothing left to apply` });
      },
      async effect({ ctx, case: change, input, tx }) {
        const recordId = change.recordId;
        if (recordId === null) throw new Error(`change ${change.id} lost its record id after the guard`);
        if (change.action === 'upsert') {
          const entry = parseRecordInput(change.recordType, field(change.data, 'record'), ['record']);
          await checkReferences(tx.registry, [entry], () => 'record');
          await writeRecord(tx, ctx, entry, { changeId: change.id });
        } else if (change.action === 'delist') {
          const delisting = parseInput(delistingSchema, { delisted: field(change.data, 'delisted'), reason: field(change.data, 'reason') ?? undefined, sources: field(change.data, 'sources') }, 'delisting');
          await applyDelisting(tx, ctx, recordId, delisting, change.id);
        }
        await tx.registry.completeReview(change.id, { reviewedBy: ctx.actor.actorId, reviewedAt: ctx.now.toISOString(), reviewNote: input.note ?? null, reviewNoteRef: null, published: { recordId, data: change.data } });
        return { data: { recordType: change.recordType, recordId, ...(input.note ? { note: input.note } : {}) }, subjects: [`${change.recordType}:${recordId}`] };
      },
    }),
    reject: step.transition({
      label: 'Reject',
      event: 'registry.change.rejected',
      from: ['pending'],
      to: 'rejected',
      policy: atLeast('editor'),
      input: reviewInput,
      async effect({ ctx, case: change, input, tx }) {
        // A rejection's note may name what was wrong with a sealed proposal: it is sealed with it.
        const note = input.note ? await tx.seals.put(input.note) : null;
        await tx.registry.completeReview(change.id, { reviewedBy: ctx.actor.actorId, reviewedAt: ctx.now.toISOString(), reviewNote: null, reviewNoteRef: note?.id ?? null, published: null });
        return { data: { recordType: change.recordType }, ...(note ? { sealed: { note } } : {}) };
      },
    }),
  },
};
