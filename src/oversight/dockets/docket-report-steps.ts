import { z } from 'zod';
import { systemOnly } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import { parseIsoDate } from '../../kernel/calendar/iso-date.js';
import { dueInCalendarDays } from '../../kernel/deadlines/due.js';
import { stepsFor, type Due } from '../../kernel/workflow/workflow.js';
import { addMonths, calendarOf } from './docket-dates.js';
import { agencyOfficer, presetOf, selfLoop } from './docket-rules.js';
import { APPROVED_STATUSES, type Docket, type DocketsTransaction } from './docket.js';

const step = stepsFor<Docket, DocketsTransaction>();

/** The annual report deadline: when it passes unfiled, the tick flags the report overdue in public. */
export const reportDeadline = { kind: 'report-due', label: 'Annual surveillance report due', firesEvent: 'kernel.deadline.fired', onFire: 'flagReportOverdue' } as const;

/** A report due on `dueOn` falls due at the end of that day in the jurisdiction. */
export function reportDue(docket: Docket, dueOn: string): Due {
  return dueInCalendarDays(calendarOf(presetOf(docket.jurisdiction)), parseIsoDate(dueOn), 0);
}

function nextDueOn(docket: Docket): string {
  if (!docket.reportDueOn) throw new Error(`approved docket ${docket.id} has no report due date`);
  return addMonths(parseIsoDate(docket.reportDueOn), presetOf(docket.jurisdiction).reportIntervalMonths.value);
}

/** The report's sections as text, keyed by the jurisdiction's section keys (Oakland's A–H). */
export const reportInput = z.strictObject({ sections: z.record(z.string().regex(/^[a-zA-Z]{2,60}$/), z.string().trim().min(1, 'must not be empty').max(20_000)) });

/** The agency files the annual surveillance report for the period now due (late if it is overdue); the next one falls due. */
export const fileReportStep = step.transition({
  label: 'File the annual report', event: 'oversight.docket.report-filed', from: APPROVED_STATUSES, to: 'approved', target: selfLoop, policy: agencyOfficer, input: reportInput,
  async guard({ case: docket, input }) {
    const keys = presetOf(docket.jurisdiction).reportSections.map((s) => s.key);
    const unknown = Object.keys(input.sections).filter((k) => !keys.includes(k));
    const missing = keys.filter((k) => !Object.hasOwn(input.sections, k));
    if (unknown.length > 0 || missing.length > 0) {
      const issues = [...unknown.map((k) => ({ path: `sections.${k}`, message: 'not a section of this jurisdiction\'s report' })), ...missing.map((k) => ({ path: `sections.${k}`, message: 'required' }))];
      throw new CommandError({ code: 'INVALID_INPUT', message: `the annual report has sections ${keys.join(', ')}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues });
    }
  },
  async effect({ ctx, case: docket, input, tx }) {
    const dueOn = docket.reportDueOn;
    if (!dueOn) throw new Error(`approved docket ${docket.id} has no report due date`);
    const late = ctx.now.toISOString() > reportDue(docket, dueOn).dueAt;
    const next = nextDueOn(docket);
    await tx.dockets.fileReport(docket.id, dueOn, { filedAt: ctx.now.toISOString(), late, sections: input.sections });
    await tx.dockets.insertReport(docket.id, next);
    await tx.dockets.updateDocket(docket.id, { reportDueOn: next });
    return { data: { dueOn, late, sections: input.sections, nextDueOn: next } };
  },
  deadlines: { stop: [reportDeadline.kind], start: [{ ...reportDeadline, due: ({ case: docket }) => reportDue(docket, nextDueOn(docket)) }] },
});

/** Run by the tick when a report's due day has passed unfiled: the report is flagged overdue on the docket's public page. */
export const flagReportOverdueStep = step.transition({
  label: 'Flag the report overdue', event: 'oversight.docket.report-overdue', from: APPROVED_STATUSES, to: 'approved', target: selfLoop, policy: systemOnly, input: z.strictObject({}),
  async effect({ case: docket, tx }) {
    if (!docket.reportDueOn) throw new Error(`approved docket ${docket.id} has no report due date`);
    await tx.dockets.markReportOverdue(docket.id, docket.reportDueOn);
    return { data: { dueOn: docket.reportDueOn } };
  },
});
