import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CommandError } from '../../core/command-error.js';
import { SYSTEM } from '../../accounts/actor.js';
import { atLeast, either, scoped, systemOnly } from '../../accounts/policy.js';
import type { EventSubscriber } from '../../kernel/events/event-subscriber.js';
import { openCase } from '../../kernel/workflow/transition.js';
import { stepsFor, type Workflow } from '../../kernel/workflow/workflow.js';
import { fullDateSchema } from '../../registry/schemas/common.js';
import type { RemedyTransaction } from '../remedy-transaction.js';
import { NOTICE_METHODS, type TargetNoticeRow } from './target-notice-store.js';

/** The entry the oversight module appends when an authorisation's delayed-notice date passes (its `case` is the authorisation id). */
export const TARGET_NOTICE_DUE_EVENT = 'oversight.authorization.target-notice-due';

const openingInput = z.strictObject({ authorization: z.string().min(1).max(200), agency: z.string().min(1).max(200).nullable(), dueAt: z.string().min(1) });
const sendInput = z.strictObject({ sentOn: fullDateSchema, method: z.enum(NOTICE_METHODS) });
const step = stepsFor<TargetNoticeRow, RemedyTransaction>();
const resourceOf = (n: { agency: string | null }) => ({ scopes: n.agency ? [{ kind: 'agency' as const, id: n.agency }] : [] });
/** The agency's officers; admins always (and alone when the agency is unknown). */
const officerOrAdmin = either(scoped('officer'), atLeast('admin'));

/**
 * A notice owed to a person an authorisation targeted, opened when its delayed-notice date
 * passes and tracked until sent. It references the authorisation and agency only; the target's
 * details stay sealed with the authorisation.
 */
export const targetNoticeWorkflow: Workflow<TargetNoticeRow, RemedyTransaction> = {
  caseType: 'target-notice',
  idField: 'notice',
  label: 'notice to a target',
  states: {
    due: { label: 'Due: not yet prepared' },
    prepared: { label: 'Prepared, not yet sent' },
    sent: { label: 'Sent', terminal: true },
  },
  load: (tx, id) => tx.remedy.notices.findNotice(id),
  stateOf: (n) => n.status,
  resourceOf,
  readableBy: () => true,
  openings: { open: step.opening({
    label: 'Open a notice', event: 'disclosure.target-notice.opened', to: 'due', policy: systemOnly, input: openingInput,
    resourceOf: (input) => resourceOf(input),
    async create({ ctx, input, tx }) {
      const id = randomUUID();
      await tx.remedy.notices.insertNotice({ id, authorizationId: input.authorization, agency: input.agency, status: 'due', dueAt: input.dueAt, openedAt: ctx.now.toISOString() });
      return { id, data: { authorization: input.authorization, agency: input.agency, dueAt: input.dueAt }, subjects: [`authorization:${input.authorization}`] };
    },
  }) },
  transitions: {
    prepare: step.transition({
      label: 'Mark prepared', event: 'disclosure.target-notice.prepared', from: ['due'], to: 'prepared', policy: officerOrAdmin, input: z.strictObject({}),
      async effect({ ctx, case: n, tx }) {
        await tx.remedy.notices.updateNotice(n.id, { preparedAt: ctx.now.toISOString() });
      },
    }),
    send: step.transition({
      label: 'Record as sent', event: 'disclosure.target-notice.sent', from: ['prepared'], to: 'sent', policy: officerOrAdmin, input: sendInput,
      async guard({ ctx, input }) {
        if (input.sentOn > ctx.now.toISOString().slice(0, 10)) throw new CommandError({ code: 'INVALID_INPUT', message: `sentOn ${input.sentOn} is in the future`, issues: [{ path: 'sentOn', message: 'must not be in the future' }] });
      },
      async effect({ case: n, input, tx }) {
        await tx.remedy.notices.updateNotice(n.id, { sentOn: input.sentOn, method: input.method });
        return { data: { sentOn: input.sentOn, method: input.method } };
      },
    }),
  },
};

/** What the subscriber reads of the due entry: the kernel's deadline data, plus `agency` if the emitter adds it. */
const dueData = z.object({ case: z.string().min(1), dueAt: z.string().min(1), agency: z.string().min(1).optional() });

/** How the subscriber finds an authorisation's agency when the entry does not say (a lookup the app may wire). */
export type AgencyOfAuthorization<Tx extends RemedyTransaction = RemedyTransaction> = (authorizationId: string, tx: Tx) => Promise<string | null>;

/**
 * Opens a target notice when an authorisation's delayed-notice date passes. Idempotent: a second
 * entry for the same authorisation opens nothing. The agency is the entry's `agency` if it has
 * one, else what `agencyOf` finds, else null (admins handle it). A factory, so tests can listen
 * on a test-only definition of the entry type before the oversight module declares it.
 *
 * @example
 * const subscriber = targetNoticeSubscriber(TARGET_NOTICE_DUE_EVENT, { agencyOf: async (id, tx) => lookUp(id, tx) });
 */
export function targetNoticeSubscriber<Tx extends RemedyTransaction = RemedyTransaction>(eventType: string = TARGET_NOTICE_DUE_EVENT, options: { agencyOf?: AgencyOfAuthorization<Tx> } = {}): EventSubscriber<Tx> {
  return {
    name: 'disclosure.open-target-notice',
    on: [eventType],
    async handle(event, tx) {
      const data = dueData.parse(event.data);
      if (await tx.remedy.notices.findNoticeForAuthorization(data.case)) return;
      const agency = data.agency ?? (options.agencyOf ? await options.agencyOf(data.case, tx) : null);
      await openCase({ ctx: { actor: SYSTEM, now: new Date(event.time) }, workflow: targetNoticeWorkflow, via: 'open', input: { authorization: data.case, agency, dueAt: data.dueAt } }, tx);
    },
  };
}
