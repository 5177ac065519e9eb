import { randomUUID } from 'node:crypto';
import { atLeast, either, scoped, systemOnly } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import { stepsFor, type Workflow } from '../../kernel/workflow/workflow.js';
import type { UsesTransaction } from '../uses/uses-transaction.js';
import { z } from 'zod';
import { authorizationOpeningSchema, type AuthorizationOpening, deletionInput, extendNoticeInput, extendWindowInput, noticeGivenInput, sharingInput, unsealInput } from './authorization-input.js';
import { deletionDueOn, type Authorization } from './authorization.js';
import { findOffenceCategory } from './offence-categories.js';
import { assertApprovalCarries } from './review-approval.js';
import { agencyKey } from './agency-key.js';
import { targetPseudonym } from './target-pseudonym.js';
import { recordSharing, shredTargetAtRetentionEnd, unsealAuthorizationField } from './authorization-effects.js';
import { onAuthorizationDay, retentionEndsAt } from './target-retention.js';

const step = stepsFor<Authorization, UsesTransaction>();
const officer = scoped('officer');

/** The event the tick appends when the delayed-notice date arrives (the remedy module listens for it). */
export const TARGET_NOTICE_DUE_EVENT = 'oversight.authorization.target-notice-due';
export const DELETION_DUE_EVENT = 'oversight.authorization.deletion-due';
export const NOTICE_GIVEN_EVENT = 'oversight.authorization.notice-given';
/** The entry of the system's step that shreds the target when retention ends (`retention-shred.ts`). */
export const TARGET_SHREDDED_EVENT = 'oversight.authorization.target-shredded';

const onDay = onAuthorizationDay;
const noticeRule = { kind: 'target-notice', label: 'Notice to the target due', firesEvent: TARGET_NOTICE_DUE_EVENT };
const deletionRule = { kind: 'deletion-due', label: 'Collected data due for deletion (retention)', firesEvent: DELETION_DUE_EVENT };

/** Steps that record data handling keep the state they found. */
const sameState = ({ case: c }: { case: Authorization }) => c.status;
const LIVE = ['authorized', 'notice-given'];

/**
 * Authorisations of use: granted by an officer of the agency under an active approval once the
 * notice clock has opened, for a configured serious crime; the window may be extended and the
 * delayed notice to the target moved only by a cited court order; deletion and sharing are
 * recorded; a court may order a sealed field (docket number, target) published; when retention
 * ends the system shreds the target (`retention-shred.ts`).
 */
export const authorizationWorkflow: Workflow<Authorization, UsesTransaction> = {
  caseType: 'authorization',
  idField: 'authorization',
  label: 'authorisation',
  states: {
    authorized: { label: 'Authorised' },
    'notice-given': { label: 'Target notified' },
  },
  load: (tx, id) => tx.uses.authorization(id),
  stateOf: (a) => a.status,
  resourceOf: (a) => ({ scopes: [{ kind: 'agency', id: a.agency }] }),
  readableBy: () => true,
  openings: {
    grant: step.opening<AuthorizationOpening>({
      label: 'Authorise use',
      event: 'oversight.authorization.granted',
      to: 'authorized',
      policy: officer,
      input: authorizationOpeningSchema,
      resourceOf: (input) => ({ scopes: [{ kind: 'agency', id: input.agency }] }),
      async guard({ input, tx }) {
        const category = findOffenceCategory(await tx.uses.offenceCategories(), input.offenceCategory);
        if (!category) throw new CommandError({ code: 'INVALID_INPUT', message: `"${input.offenceCategory}" is not a configured serious-crime category: no category, no authorisation (GET /api/v1/offence-categories)`, issues: [{ path: 'offenceCategory', message: 'not a configured offence category' }] });
        const approval = await tx.uses.approval(input.review);
        if (!approval) throw new CommandError({ code: 'NOT_FOUND', message: `no acquisition review "${input.review}"`, issues: [{ path: 'review', message: 'no such review' }] });
        if (approval.agency !== input.agency) throw new CommandError({ code: 'INVALID_INPUT', message: `acquisition review ${input.review} belongs to ${approval.agency}, not ${input.agency}`, issues: [{ path: 'review', message: 'another agency’s review' }] });
        assertApprovalCarries(approval, input.validFrom);
      },
      async create({ ctx, input, tx }) {
        const approval = await tx.uses.approval(input.review);
        const category = findOffenceCategory(await tx.uses.offenceCategories(), input.offenceCategory);
        if (!approval || !category) throw new Error('the guard let through an authorisation without a review or a category');
        const key = await agencyKey(tx, input.agency, ctx.now.toISOString());
        const docketNumber = await tx.seals.put(input.docketNumber);
        const target = await tx.seals.put(input.target);
        const authorization: Authorization = {
          id: randomUUID(), agency: input.agency, review: input.review, product: approval.product, offenceCategory: category.id, legalAuthority: input.legalAuthority,
          issuingCourt: input.issuingCourt, jurisdiction: input.jurisdiction, docketRef: docketNumber.id, targetRef: target.id, targetPseudonym: targetPseudonym(key, input.target),
          dataCategories: input.dataCategories, validFrom: input.validFrom, validTo: input.validTo, originalValidTo: input.validTo, extensions: 0, retentionDays: input.retentionDays,
          deletionDueOn: deletionDueOn(input.validTo, input.retentionDays), deletedAt: null, noticeDueOn: input.noticeDate, noticeExtensions: 0, noticeGivenAt: null,
          status: 'authorized', recordedAt: ctx.now.toISOString(), entryId: 0, unsealed: {}, targetShreddedAt: null,
        };
        await tx.uses.insertAuthorization(authorization);
        const { id, docketRef: _d, targetRef: _t, entryId: _e, unsealed: _u, status: _s, recordedAt: _r, targetShreddedAt: _x, ...published } = authorization;
        return {
          id,
          data: { ...published, dataCategories: [...published.dataCategories], offenceLabel: category.label, offenceStatute: category.statute },
          sealed: { docketNumber, target },
          subjects: [`agency:${input.agency}`, `acquisition-review:${input.review}`, `product:${approval.product}`],
        };
      },
      deadlines: { start: [{ ...noticeRule, due: ({ input }) => onDay(input.noticeDate) }, { ...deletionRule, due: ({ input }) => onDay(deletionDueOn(input.validTo, input.retentionDays)) }] },
    }),
  },
  transitions: {
    extend: step.transition<z.infer<typeof extendWindowInput>>({
      label: 'Extend the window', event: 'oversight.authorization.extended', from: ['authorized'], to: 'authorized', policy: officer, input: extendWindowInput,
      async guard({ case: a, input }) {
        if (input.validTo <= a.validTo) throw new CommandError({ code: 'INVALID_INPUT', message: `an extension ends after the current window (${a.validTo})`, issues: [{ path: 'validTo', message: `must be after ${a.validTo}` }] });
        if (input.validTo > a.noticeDueOn) throw new CommandError({ code: 'INVALID_INPUT', message: `the window would outlast the notice date ${a.noticeDueOn}: extend the notice first`, issues: [{ path: 'validTo', message: `must be on or before ${a.noticeDueOn}` }] });
      },
      async effect({ case: a, input, tx }) {
        const due = deletionDueOn(input.validTo, a.retentionDays);
        await tx.uses.updateAuthorization(a.id, { validTo: input.validTo, extensions: a.extensions + 1, deletionDueOn: due });
        return { data: { validTo: input.validTo, deletionDueOn: due, courtOrder: input.courtOrder, extensions: a.extensions + 1 } };
      },
      deadlines: { stop: ['deletion-due'], start: [{ ...deletionRule, due: ({ case: c, input }) => onDay(deletionDueOn(input.validTo, c.retentionDays)) }] },
    }),
    'extend-notice': step.transition<z.infer<typeof extendNoticeInput>>({
      label: 'Delay the notice (court order)', event: 'oversight.authorization.notice-extended', from: ['authorized'], to: 'authorized', policy: officer, input: extendNoticeInput,
      async guard({ case: a, input }) {
        if (input.noticeDate <= a.noticeDueOn) throw new CommandError({ code: 'INVALID_INPUT', message: `a court order moves the notice later than ${a.noticeDueOn}`, issues: [{ path: 'noticeDate', message: `must be after ${a.noticeDueOn}` }] });
      },
      async effect({ case: a, input, tx }) {
        await tx.uses.updateAuthorization(a.id, { noticeDueOn: input.noticeDate, noticeExtensions: a.noticeExtensions + 1 });
        return { data: { noticeDueOn: input.noticeDate, courtOrder: input.courtOrder, noticeExtensions: a.noticeExtensions + 1 } };
      },
      deadlines: { stop: ['target-notice'], start: [{ ...noticeRule, label: 'Notice to the target due (delayed by court order)', due: ({ input }) => onDay(input.noticeDate) }] },
    }),
    'give-notice': step.transition({
      label: 'Record notice to the target', event: NOTICE_GIVEN_EVENT, from: ['authorized'], to: 'notice-given', policy: officer, input: noticeGivenInput, backdate: true,
      async effect({ case: a, input, occurredAt, tx }) {
        await tx.uses.updateAuthorization(a.id, { noticeGivenAt: occurredAt });
        return { data: { noticeGivenAt: occurredAt, ...(input.note ? { note: input.note } : {}) } };
      },
      deadlines: { stop: ['target-notice'] },
    }),
    'confirm-deletion': step.transition({
      label: 'Confirm deletion', event: 'oversight.authorization.data-deleted', from: LIVE, to: 'authorized', target: sameState, policy: officer, input: deletionInput, backdate: true,
      async guard({ case: a }) {
        if (a.deletedAt !== null) throw new CommandError({ code: 'CONFLICT', message: `deletion under authorisation ${a.id} was already confirmed on ${a.deletedAt}` });
      },
      async effect({ case: a, input, occurredAt, tx }) {
        await tx.uses.updateAuthorization(a.id, { deletedAt: occurredAt });
        return { data: { deletedAt: occurredAt, ...(input.note ? { note: input.note } : {}) } };
      },
      deadlines: { stop: ['deletion-due'] },
    }),
    share: step.transition({
      label: 'Record sharing', event: 'oversight.authorization.shared', from: LIVE, to: 'authorized', target: sameState, policy: officer, input: sharingInput, backdate: true,
      effect: recordSharing,
    }),
    unseal: step.transition({
      label: 'Unseal (court order)', event: 'oversight.authorization.unsealed', from: LIVE, to: 'authorized', target: sameState, policy: either(officer, atLeast('admin')), input: unsealInput,
      effect: unsealAuthorizationField,
    }),
    // Only Countersign itself, when retention ends (the subscriber in retention-shred.ts decides whether the target is still owed notice).
    'shred-target': step.transition({
      label: 'Shred the target (retention ended)', event: TARGET_SHREDDED_EVENT, from: LIVE, to: 'authorized', target: sameState, policy: systemOnly, input: z.strictObject({}),
      async guard({ ctx, case: a }) {
        if (a.targetShreddedAt !== null) throw new CommandError({ code: 'CONFLICT', message: `the target of authorisation ${a.id} was already shredded on ${a.targetShreddedAt.slice(0, 10)}` });
        const ends = retentionEndsAt(a);
        if (ctx.now.getTime() < Date.parse(ends)) throw new CommandError({ code: 'CONFLICT', message: `retention under authorisation ${a.id} runs until ${a.deletionDueOn} (${ends}): nothing is shredded before` });
      },
      effect: shredTargetAtRetentionEnd,
    }),
  },
};
