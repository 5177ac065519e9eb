import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { anyone, atLeast } from '../../accounts/policy.js';
import type { KernelTransaction } from '../../kernel/kernel-transaction.js';
import { stepsFor, type Workflow } from '../../kernel/workflow/workflow.js';
import type { TipRow, TipsStore } from './tips-store.js';

export const tipSchema = z.strictObject({
  subject: z.string().trim().min(3, 'must be at least 3 characters').max(200),
  body: z.string().trim().min(10, 'must be at least 10 characters').max(20_000),
  sourceUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  /** How to reach the tipster, if they want to be reached. Sealed: never logged in clear. */
  contact: z.string().trim().max(500).optional(),
});

export interface TipsTransaction extends KernelTransaction {
  readonly tips: TipsStore;
}

/** A tip as the workflow sees it. */
export type TipCase = TipRow;

/** What the opening step takes: the tip, and the hash of the receipt token `submitTip` made (never the token). */
const openingInput = tipSchema.extend({ receiptHash: z.string().regex(/^[0-9a-f]{64}$/) });

const moderationInput = z.strictObject({ note: z.string().trim().max(2000).optional() });
const step = stepsFor<TipCase, TipsTransaction>();

/**
 * Tips: anyone sends one; analysts accept it (worth following up) or dismiss it. Everything a
 * tipster wrote lives only in the seal store — each field its own value, so a contact can be
 * shredded and the body kept. The receipt's address is a random token; the public log shows the
 * tip's id, which opens nothing.
 */
export const tipWorkflow: Workflow<TipCase, TipsTransaction> = {
  caseType: 'tip',
  idField: 'tip',
  label: 'tip',
  states: {
    pending: { label: 'Waiting for an analyst' },
    accepted: { label: 'Accepted', terminal: true },
    dismissed: { label: 'Dismissed', terminal: true },
  },
  load: (tx, id) => tx.tips.findTip(id),
  stateOf: (tip) => tip.status,
  resourceOf: () => ({ scopes: [] }),
  readableBy: (actor) => atLeast('analyst').allows(actor, undefined),
  openings: { submit: step.opening({
    label: 'Send a tip',
    event: 'tips.tip.submitted',
    to: 'pending',
    policy: anyone,
    input: openingInput,
    resourceOf: () => ({ scopes: [] }),
    async create({ ctx, input, tx }) {
      // Every field is sealed, an absent one as null: the log does not even say whether a contact was given.
      const subject = await tx.seals.put(input.subject);
      const body = await tx.seals.put(input.body);
      const sourceUrl = await tx.seals.put(input.sourceUrl ?? null);
      const contact = await tx.seals.put(input.contact ?? null);
      const id = randomUUID();
      await tx.tips.insertTip({ id, refs: { subject: subject.id, body: body.id, sourceUrl: sourceUrl.id, contact: contact.id }, receiptHash: input.receiptHash, submittedAt: ctx.now.toISOString() });
      return { id, sealed: { subject, body, sourceUrl, contact } };
    },
  }) },
  transitions: {
    accept: step.transition({
      label: 'Accept', event: 'tips.tip.moderated', from: ['pending'], to: 'accepted', policy: atLeast('analyst'), input: moderationInput,
      async effect({ ctx, case: tip, input, tx }) {
        await tx.tips.recordModeration(tip.id, { moderatedBy: ctx.actor.actorId, moderatedAt: ctx.now.toISOString(), moderationNote: input.note ?? null });
        return { data: { decision: 'accepted' } };
      },
    }),
    dismiss: step.transition({
      label: 'Dismiss', event: 'tips.tip.moderated', from: ['pending'], to: 'dismissed', policy: atLeast('analyst'), input: moderationInput,
      async effect({ ctx, case: tip, input, tx }) {
        await tx.tips.recordModeration(tip.id, { moderatedBy: ctx.actor.actorId, moderatedAt: ctx.now.toISOString(), moderationNote: input.note ?? null });
        return { data: { decision: 'dismissed' } };
      },
    }),
  },
};
