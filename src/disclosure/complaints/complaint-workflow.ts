import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../../accounts/actor.js';
import { anyone, atLeast, either, scoped } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import { stepsFor, type Workflow } from '../../kernel/workflow/workflow.js';
import { recordIdSchema } from '../../registry/schemas/common.js';
import type { RemedyTransaction } from '../remedy-transaction.js';
import { COMPLAINT_OUTCOMES, type ComplaintRow, type EvidenceSeal } from './complaint-store.js';
import { encryptEvidence } from './evidence-cipher.js';

const receiptHash = z.string().regex(/^[0-9a-f]{64}$/);

/** An evidence file as the API takes it: name, media type and base64 content (at most 5 files). */
export const evidenceFileSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'must be a media type such as application/pdf').max(100).default('application/octet-stream'),
  contentBase64: z.base64('must be base64').min(4, 'must not be empty').max(1_000_000),
});

/** A complaint from anyone who believes they were targeted; only `account` is required. */
export const complaintSchema = z.strictObject({
  /** The oversight body (a registry organisation with a complaint handler); absent: an admin routes it. */
  body: recordIdSchema.optional(),
  account: z.string().trim().min(20, 'must be at least 20 characters').max(20_000),
  name: z.string().trim().min(1).max(200).optional(),
  contact: z.string().trim().min(1).max(500).optional(),
  evidence: z.array(evidenceFileSchema).max(5, 'at most 5 files').optional(),
});

const openingInput = complaintSchema.extend({ receiptHash });
const bodyInput = z.strictObject({ body: recordIdSchema });
const closeInput = z.strictObject({ outcome: z.enum(COMPLAINT_OUTCOMES), message: z.string().trim().min(1).max(5000).optional() });
const tokenInput = z.strictObject({ receiptHash });
const linkInput = z.strictObject({ incident: recordIdSchema });
const eraseInput = z.strictObject({ receiptHash: receiptHash.optional() });
const step = stepsFor<ComplaintRow, RemedyTransaction>();

const handlerOrAdmin = either(scoped('complaint-handler'), atLeast('admin'));
const resourceOf = (c: { body: string | null }) => ({ scopes: c.body ? [{ kind: 'body' as const, id: c.body }] : [] });
const OPEN = ['received', 'under-review', 'closed'];

async function requireBody(tx: RemedyTransaction, body: string, path: string): Promise<void> {
  if (!(await tx.remedy.lookups.recordExists('organization', body))) throw new CommandError({ code: 'INVALID_INPUT', message: `no organisation "${body}" in the registry`, issues: [{ path, message: 'unknown organisation' }] });
  if (!(await tx.remedy.lookups.bodyHasHandler(body))) throw new CommandError({ code: 'INVALID_INPUT', message: `"${body}" has no complaint handler on Countersign`, issues: [{ path, message: 'this body takes no complaints here' }] });
}

/** The complainant's own step: the status token's hash must be this complaint's. */
async function requireComplainant(tx: RemedyTransaction, c: ComplaintRow, hash: string | undefined): Promise<void> {
  if (hash === undefined || (await tx.remedy.complaints.receiptHashOf(c.id)) !== hash) throw new CommandError({ code: 'FORBIDDEN', message: 'only the complainant, through the private status link, may take this step' });
}

export function isHandlerOf(actor: Actor, c: { body: string | null }): boolean {
  return handlerOrAdmin.allows(actor, resourceOf(c));
}

/**
 * Complaints from people who believe they were targeted. Intake needs no account and is logged
 * as anonymous; the complainant's name, contact, account and evidence are sealed in one group
 * (the log holds commitments only), the evidence files encrypted with keys sealed there too.
 * The oversight body's handlers review and close; the complainant follows it through a private
 * link, may consent to linking it to a registry incident, and may have it erased (shredded).
 */
export const complaintWorkflow: Workflow<ComplaintRow, RemedyTransaction> = {
  caseType: 'complaint',
  idField: 'complaint',
  label: 'complaint',
  states: {
    received: { label: 'Received, waiting for the oversight body' },
    'under-review': { label: 'Under review by the oversight body' },
    closed: { label: 'Closed' },
  },
  load: (tx, id) => tx.remedy.complaints.findComplaint(id),
  stateOf: (c) => c.status,
  resourceOf,
  readableBy: (actor, c) => isHandlerOf(actor, c),
  openings: { submit: step.opening({
    label: 'File a complaint',
    event: 'disclosure.complaint.received',
    to: 'received',
    policy: anyone,
    input: openingInput,
    resourceOf: (input) => resourceOf({ body: input.body ?? null }),
    async guard({ input, tx }) {
      if (input.body !== undefined) await requireBody(tx, input.body, 'body');
    },
    async create({ ctx, input, tx }) {
      const id = randomUUID();
      // One group: shredding any of these erases them all. Absent fields are sealed as null, so the log does not even say which were given.
      const name = await tx.seals.put(input.name ?? null);
      const group = { group: name.id };
      const contact = await tx.seals.put(input.contact ?? null, group);
      const account = await tx.seals.put(input.account, group);
      const seals: EvidenceSeal[] = [];
      const ciphertexts: Buffer[] = [];
      for (const file of input.evidence ?? []) {
        const { ciphertext, seal } = encryptEvidence({ fileName: file.fileName, mediaType: file.mediaType, content: Buffer.from(file.contentBase64, 'base64') });
        seals.push(seal);
        ciphertexts.push(ciphertext);
      }
      const evidence = await tx.seals.put(seals.map((s) => ({ ...s })), group);
      await tx.remedy.complaints.insertComplaint({ id, body: input.body ?? null, receivedAt: ctx.now.toISOString(), receiptHash: input.receiptHash, refs: { name: name.id, contact: contact.id, account: account.id, evidence: evidence.id } });
      for (const [position, ciphertext] of ciphertexts.entries()) await tx.remedy.complaints.insertEvidence(id, position, ciphertext);
      return { id, data: { body: input.body ?? null }, sealed: { name, contact, account, evidence } };
    },
  }) },
  transitions: {
    route: step.transition({
      label: 'Route to a body', event: 'disclosure.complaint.routed', from: OPEN, to: 'received', policy: atLeast('admin'), input: bodyInput,
      target: ({ from }) => from ?? 'received',
      guard: ({ input, tx }) => requireBody(tx, input.body, 'body'),
      async effect({ ctx, case: c, input, tx }) {
        await tx.remedy.complaints.updateComplaint(c.id, { body: input.body, routedAt: ctx.now.toISOString() });
        return { data: { body: input.body } };
      },
    }),
    review: step.transition({
      label: 'Start the review', event: 'disclosure.complaint.review-started', from: ['received'], to: 'under-review', policy: handlerOrAdmin, input: z.strictObject({}),
      async guard({ case: c }) {
        if (c.body === null) throw new CommandError({ code: 'CONFLICT', message: 'route the complaint to an oversight body first' });
      },
    }),
    close: step.transition({
      label: 'Close', event: 'disclosure.complaint.closed', from: ['under-review'], to: 'closed', policy: handlerOrAdmin, input: closeInput,
      async effect({ ctx, case: c, input, tx }) {
        const message = input.message !== undefined && c.sealGroup !== null ? await tx.seals.put(input.message, { group: c.sealGroup }) : null;
        await tx.remedy.complaints.updateComplaint(c.id, { outcome: input.outcome, closedAt: ctx.now.toISOString(), messageRef: message?.id ?? null });
        return { data: { outcome: input.outcome }, ...(message ? { sealed: { message } } : {}) };
      },
    }),
    consent: step.transition({
      label: 'Consent to linking an incident', event: 'disclosure.complaint.consented', from: OPEN, to: 'received', policy: anyone, input: tokenInput,
      target: ({ from }) => from ?? 'received',
      async guard({ case: c, input, tx }) {
        await requireComplainant(tx, c, input.receiptHash);
        if (c.consentAt !== null) throw new CommandError({ code: 'CONFLICT', message: `consent was already given on ${c.consentAt}` });
      },
      async effect({ ctx, case: c, tx }) {
        await tx.remedy.complaints.updateComplaint(c.id, { consentAt: ctx.now.toISOString() });
      },
    }),
    link: step.transition({
      label: 'Link to a registry incident', event: 'disclosure.complaint.linked', from: OPEN, to: 'received', policy: handlerOrAdmin, input: linkInput,
      target: ({ from }) => from ?? 'received',
      async guard({ case: c, input, tx }) {
        if (c.consentAt === null) throw new CommandError({ code: 'CONFLICT', message: 'the complainant has not consented to linking this complaint to an incident' });
        if (!(await tx.remedy.lookups.recordExists('incident', input.incident))) throw new CommandError({ code: 'INVALID_INPUT', message: `no incident "${input.incident}" in the registry`, issues: [{ path: 'incident', message: 'unknown incident' }] });
      },
      async effect({ case: c, input, tx }) {
        await tx.remedy.complaints.updateComplaint(c.id, { incidentId: input.incident });
        return { data: { incident: input.incident }, subjects: [`incident:${input.incident}`] };
      },
    }),
    erase: step.transition({
      label: 'Erase what identifies the complainant', event: 'disclosure.complaint.erased', from: OPEN, to: 'received', policy: anyone, input: eraseInput,
      target: ({ from }) => from ?? 'received',
      async guard({ ctx, case: c, input, tx }) {
        if (!isHandlerOf(ctx.actor, c)) await requireComplainant(tx, c, input.receiptHash);
        if (c.erasedAt !== null) throw new CommandError({ code: 'CONFLICT', message: `already erased on ${c.erasedAt}` });
      },
      async effect({ ctx, case: c, tx }) {
        // The kernel's erasure: the whole group goes from the seal store with every opening of it; the ciphertexts go too.
        if (c.sealGroup !== null) await tx.seals.shred(c.sealGroup);
        await tx.remedy.complaints.deleteEvidence(c.id);
        await tx.remedy.complaints.updateComplaint(c.id, { erasedAt: ctx.now.toISOString() });
      },
    }),
  },
};
