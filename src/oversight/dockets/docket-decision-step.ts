import { z } from 'zod';
import { CommandError } from '../../core/command-error.js';
import { toJsonObject } from '../../core/json-value.js';
import { parseIsoDate } from '../../kernel/calendar/iso-date.js';
import { dueInCalendarDays } from '../../kernel/deadlines/due.js';
import { stepsFor, type Due } from '../../kernel/workflow/workflow.js';
import { addMonths, calendarOf, localDay } from './docket-dates.js';
import { boardClerk, presetOf } from './docket-rules.js';
import type { Docket, DocketDecision, DocketsTransaction } from './docket.js';
import { reportDeadline, reportDue } from './docket-report-steps.js';
import { tallyVotes } from './tally-votes.js';

const step = stepsFor<Docket, DocketsTransaction>();

export const decisionInput = z.strictObject({
  outcome: z.enum(['approve', 'approve-with-conditions', 'reject']),
  conditions: z.array(z.string().trim().min(3).max(2000)).max(50).default([]),
  note: z.string().trim().max(5000).optional(),
  /** When the first annual report is due (default: a report interval after the decision). */
  reportDueOn: z.iso.date().optional(),
  /** When the approval lapses unless renewed (default: no term). */
  expiresOn: z.iso.date().optional(),
});
type DecisionInput = z.infer<typeof decisionInput>;

export const EXPIRY_KIND = 'approval-expires';
/** The approval lapses at the end of its last day; the tick moves the docket to `expired`. */
export const expiryRule = { kind: EXPIRY_KIND, label: 'Approval expires unless renewed', firesEvent: 'kernel.deadline.fired', onFire: 'expire' } as const;

export function expiryDue(docket: Docket, expiresOn: string): Due {
  return dueInCalendarDays(calendarOf(presetOf(docket.jurisdiction)), parseIsoDate(expiresOn), 0);
}

const approves = (input: DecisionInput) => input.outcome !== 'reject';

/** The first report's due date: as decided, or a report interval after the decision day. */
function firstReportDueOn(docket: Docket, input: DecisionInput, now: Date): string | null {
  if (!approves(input)) return null;
  const preset = presetOf(docket.jurisdiction);
  return input.reportDueOn ?? addMonths(localDay(preset, now.toISOString()), preset.reportIntervalMonths.value);
}

/**
 * The board's decision, recorded by its clerk: it must agree with the public votes under the
 * jurisdiction's quorum and majority rules. One decided while the comment period still ran is
 * recorded as such and shown, never hidden.
 */
export const decideStep = step.transition({
  label: 'Record the decision', event: 'oversight.docket.decided', from: ['hearing-held'], to: 'approved', policy: boardClerk, input: decisionInput,
  target: ({ input }) => ({ approve: 'approved', 'approve-with-conditions': 'approved-with-conditions', reject: 'rejected' })[input.outcome],
  async guard({ ctx, case: docket, input, tx }) {
    const result = tallyVotes(presetOf(docket.jurisdiction), await tx.dockets.votesOf(docket.id));
    if (!result.quorate) throw new CommandError({ code: 'CONFLICT', message: `no decision without a quorum: ${result.explanation}` });
    if (approves(input) !== result.carried) throw new CommandError({ code: 'CONFLICT', message: `the votes do not support "${input.outcome}": ${result.explanation}` });
    const issue = (path: string, message: string) => new CommandError({ code: 'INVALID_INPUT', message: `${path}: ${message}`, issues: [{ path, message }] });
    if (input.outcome === 'approve-with-conditions' && input.conditions.length === 0) throw issue('conditions', 'an approval with conditions names at least one');
    if (input.outcome !== 'approve-with-conditions' && input.conditions.length > 0) throw issue('conditions', 'only an approval with conditions has conditions');
    if (!approves(input) && (input.reportDueOn || input.expiresOn)) throw issue(input.reportDueOn ? 'reportDueOn' : 'expiresOn', 'a rejection has no reports or term');
    if (input.expiresOn && input.expiresOn <= localDay(presetOf(docket.jurisdiction), ctx.now.toISOString())) throw issue('expiresOn', 'must be in the future');
  },
  async effect({ ctx, case: docket, input, tx }) {
    const result = tallyVotes(presetOf(docket.jurisdiction), await tx.dockets.votesOf(docket.id));
    const decision: DocketDecision = {
      outcome: input.outcome, conditions: input.conditions, note: input.note ?? null, decidedAt: ctx.now.toISOString(),
      beforeCommentsClosed: docket.notice !== null && ctx.now.toISOString() < docket.notice.commentsCloseAt, tally: result.tally,
    };
    const reportDueOn = firstReportDueOn(docket, input, ctx.now);
    const expiresOn = input.expiresOn ?? null;
    await tx.dockets.updateDocket(docket.id, { decision, reportDueOn, expiresOn });
    if (reportDueOn) await tx.dockets.insertReport(docket.id, reportDueOn);
    return { data: toJsonObject({ decision, reportDueOn, expiresOn }) };
  },
  deadlines: { start: [
    { ...reportDeadline, due: ({ ctx, case: docket, input }) => {
      const dueOn = firstReportDueOn(docket, input, ctx.now);
      return dueOn === null ? null : reportDue(docket, dueOn);
    } },
    { ...expiryRule, due: ({ case: docket, input }) => (input.expiresOn && approves(input) ? expiryDue(docket, input.expiresOn) : null) },
  ] },
});
