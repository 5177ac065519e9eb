import { z } from 'zod';
import type { Docket } from '../../../oversight/dockets/docket.js';
import { docketWorkflow } from '../../../oversight/dockets/docket-workflow.js';
import { jurisdictionPresetSchema } from '../../../oversight/dockets/jurisdiction-presets.js';
import { presetOf } from '../../../oversight/dockets/docket-rules.js';
import { tallyVotes } from '../../../oversight/dockets/tally-votes.js';
import type { DocketDetail } from '../../../store/oversight/dockets/read-dockets.js';

const text = z.string().optional();
const nullable = z.string().nullable();

export const docketPresenter = z.object({
  id: z.uuid(),
  jurisdiction: z.string(),
  agency: z.string(),
  technology: z.string(),
  product: nullable,
  vendor: nullable,
  title: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  proposal: z.object({
    impactReport: z.object({ purpose: text, dataCollected: text, use: text, retention: text, sharing: text, legalBasis: text, monitoring: text, fiscalCost: text, alternatives: text, racialEquity: text, workingGroupAssessment: text, departmentResponse: text }),
    usePolicy: z.object({ retention: text, sharing: text, access: text, training: text, auditing: text, complaints: text }),
  }),
  openedAt: z.string(),
  notice: z.object({ publishedAt: z.string(), commentsCloseAt: z.string(), commentsCloseOn: z.string(), earliestUseOn: nullable, hearingFromOn: z.string() }).nullable(),
  hearing: z.object({ heldOn: z.string(), summary: nullable, documents: z.array(z.object({ title: z.string(), url: z.string().optional() })) }).nullable(),
  decision: z.object({
    outcome: z.enum(['approve', 'approve-with-conditions', 'reject']), conditions: z.array(z.string()), note: nullable, decidedAt: z.string(),
    beforeCommentsClosed: z.boolean().describe('decided while the comment period still ran'),
    tally: z.object({ yes: z.number().int(), no: z.number().int(), abstain: z.number().int(), members: z.number().int() }),
  }).nullable(),
  reportDueOn: nullable,
  expiresOn: nullable,
  renewedAt: nullable,
  url: z.string().describe('the public docket page'),
  calendarUrl: z.string().describe('the deadlines as an iCalendar feed to subscribe to'),
});

export function presentDocket(docket: Docket) {
  return {
    ...docket, statusLabel: docketWorkflow.states[docket.status]?.label ?? docket.status,
    url: `/dockets/${docket.id}`, calendarUrl: `/api/v1/cases/docket/${docket.id}/deadlines.ics`,
  };
}

export const docketVotePresenter = z.object({ member: z.string().describe('the member\'s pseudonymous actor id, as the log records it'), vote: z.enum(['yes', 'no', 'abstain']), note: nullable, castAt: z.string() });
export const docketReportPresenter = z.object({ dueOn: z.string(), status: z.enum(['due', 'overdue', 'filed']), filedAt: nullable, late: z.boolean(), sections: z.record(z.string(), z.string()).nullable() });
export const docketCommentPresenter = z.object({
  id: z.uuid(), text: z.string(), submittedAt: z.string(), publishedAt: nullable,
  receipt: z.object({ entryId: z.number().int(), url: z.string(), logIndex: z.number().int().nullable() }).nullable().describe('the log entry that published it'),
});
export const docketFindingPresenter = z.object({ id: z.uuid(), jurisdiction: z.string(), agency: z.string(), technology: z.string(), observedOn: z.string(), description: z.string(), sources: z.array(z.string()), recordedAt: z.string() });

export const docketDetailPresenter = docketPresenter.extend({
  agencyName: nullable,
  comments: z.array(docketCommentPresenter),
  pendingComments: z.number().int(),
  votes: z.array(docketVotePresenter),
  voteResult: z.object({ quorate: z.boolean(), carried: z.boolean(), explanation: z.string() }).describe('the votes under the jurisdiction\'s quorum and majority rules'),
  reports: z.array(docketReportPresenter),
  deadlines: z.array(z.object({ kind: z.string(), label: z.string(), dueAt: z.string(), dueDate: nullable, state: z.string() })),
  vendorRecord: z.object({
    vendor: z.object({ id: z.string(), name: z.string() }).nullable(),
    product: z.object({ id: z.string(), name: z.string() }).nullable(),
    designations: z.array(z.object({ id: z.string(), authority: z.string(), list: z.string(), listed: z.string(), delisted: nullable })),
    incidents: z.array(z.object({ id: z.string(), title: z.string(), date: nullable })),
    contracts: z.array(z.object({ piid: z.string(), buyerId: nullable, value: z.number().nullable(), description: nullable })),
  }),
});

export function presentComment(c: DocketDetail['comments'][number]): z.input<typeof docketCommentPresenter> {
  return { id: c.id, text: c.text, submittedAt: c.submittedAt, publishedAt: c.moderatedAt, receipt: c.entryId === null ? null : { entryId: c.entryId, url: `/api/v1/log/receipts/${c.entryId}`, logIndex: c.logIndex } };
}

export function presentDocketDetail(detail: DocketDetail) {
  return {
    ...presentDocket(detail.docket), agencyName: detail.agencyName, comments: detail.comments.map(presentComment), pendingComments: detail.pendingComments,
    votes: [...detail.votes], voteResult: (({ quorate, carried, explanation }) => ({ quorate, carried, explanation }))(tallyVotes(presetOf(detail.docket.jurisdiction), detail.votes)), reports: [...detail.reports], deadlines: [...detail.deadlines], vendorRecord: detail.vendorRecord,
  };
}

export const jurisdictionPresenter = jurisdictionPresetSchema;
