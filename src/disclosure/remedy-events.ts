import { z } from 'zod';
import { defineEvent, type EventDefinition } from '../ledger/catalogue/event-definition.js';
import { COMPLAINT_OUTCOMES, type ComplaintStatus } from './complaints/complaint-store.js';
import type { RemedyTransaction } from './remedy-transaction.js';
import { NOTICE_METHODS } from './target-notices/target-notice-store.js';
import { vendorReportSchema } from './vendor-reports/vendor-report-workflow.js';

// The shape stepEventData gives, with the id field spelled out so the data is typed.
const stepShape = { from: z.string().optional(), to: z.string().optional(), occurredAt: z.string().optional() };
const complaintData = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ complaint: z.string().min(1), ...stepShape, ...shape });
const noticeData = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ notice: z.string().min(1), ...stepShape, ...shape });
const reportData = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ report: z.string().min(1), ...stepShape, ...shape });
const statusOf = (to: string | undefined): ComplaintStatus => (to === 'under-review' || to === 'closed' ? to : 'received');

/**
 * Complaints, target notices and vendor reports. A complaint's entries carry only its id, its
 * body, its state and outcome: what identifies the complainant is sealed (one group, erased
 * together) or, for the status token, never logged at all.
 */
export const remedyEvents: readonly EventDefinition<unknown, RemedyTransaction>[] = [
  defineEvent({
    type: 'disclosure.complaint.received', summary: 'Someone filed a complaint (anonymously in the log); their name, contact, account and evidence are sealed.',
    data: complaintData({ body: z.string().nullable() }), sealed: ['name', 'contact', 'account', 'evidence'],
    replays: 'adds the complaint (its public part: body, state, date)',
    async replay(data, meta, tx) {
      await tx.remedy.complaints.insertComplaint({ id: data.complaint, body: data.body, receivedAt: meta.time, receiptHash: null, refs: null });
    },
  }),
  defineEvent({
    type: 'disclosure.complaint.routed', summary: 'An admin routed a complaint to an oversight body.', data: complaintData({ body: z.string() }), sealed: [],
    replays: 'sets the complaint’s body', async replay(data, meta, tx) {
      await tx.remedy.complaints.updateComplaint(data.complaint, { body: data.body, routedAt: meta.time });
    },
  }),
  defineEvent({
    type: 'disclosure.complaint.review-started', summary: 'The oversight body started reviewing a complaint.', data: complaintData({}), sealed: [],
    replays: 'marks the complaint under review', async replay(data, _meta, tx) {
      await tx.remedy.complaints.updateComplaint(data.complaint, { status: statusOf(data.to) });
    },
  }),
  defineEvent({
    type: 'disclosure.complaint.closed', summary: 'The oversight body closed a complaint with an outcome; its message to the complainant is sealed.', data: complaintData({ outcome: z.enum(COMPLAINT_OUTCOMES) }), sealed: ['message'],
    replays: 'closes the complaint with its outcome', async replay(data, meta, tx) {
      await tx.remedy.complaints.updateComplaint(data.complaint, { status: 'closed', outcome: data.outcome, closedAt: meta.time });
    },
  }),
  defineEvent({ type: 'disclosure.complaint.consented', summary: 'The complainant consented, through their private link, to linking the complaint to a registry incident.', data: complaintData({}), sealed: [] }),
  defineEvent({
    type: 'disclosure.complaint.linked', summary: 'With the complainant’s consent, a handler linked a complaint to a registry incident.', data: complaintData({ incident: z.string() }), sealed: [],
    replays: 'links the complaint to the incident', async replay(data, _meta, tx) {
      await tx.remedy.complaints.updateComplaint(data.complaint, { incidentId: data.incident });
    },
  }),
  defineEvent({ type: 'disclosure.complaint.erased', summary: 'Everything that identified a complainant was shredded (on their request or by the body).', data: complaintData({}), sealed: [] }),
  defineEvent({
    type: 'disclosure.target-notice.opened', summary: 'An authorisation’s delayed-notice date passed: a notice to the person targeted is due.',
    data: noticeData({ authorization: z.string(), agency: z.string().nullable(), dueAt: z.string() }), sealed: [],
    replays: 'adds the notice', async replay(data, meta, tx) {
      await tx.remedy.notices.insertNotice({ id: data.notice, authorizationId: data.authorization, agency: data.agency, status: 'due', dueAt: data.dueAt, openedAt: meta.time });
    },
  }),
  defineEvent({
    type: 'disclosure.target-notice.prepared', summary: 'The agency prepared a notice to a target.', data: noticeData({}), sealed: [],
    replays: 'marks the notice prepared', async replay(data, meta, tx) {
      await tx.remedy.notices.updateNotice(data.notice, { status: 'prepared', preparedAt: meta.time });
    },
  }),
  defineEvent({
    type: 'disclosure.target-notice.sent', summary: 'The agency sent a notice to a target: when and how.', data: noticeData({ sentOn: z.string(), method: z.enum(NOTICE_METHODS) }), sealed: [],
    replays: 'marks the notice sent', async replay(data, _meta, tx) {
      await tx.remedy.notices.updateNotice(data.notice, { status: 'sent', sentOn: data.sentOn, method: data.method });
    },
  }),
  defineEvent({
    type: 'disclosure.vendor-report.filed', summary: 'A vendor’s representative filed its yearly transparency report (published).',
    data: reportData(vendorReportSchema.shape), sealed: [],
    replays: 'adds the report', async replay(data, meta, tx) {
      const { report, from: _from, to: _to, occurredAt: _at, ...content } = data;
      await tx.remedy.vendorReports.insertReport({ ...content, id: report, status: 'published', filedBy: meta.actor, filedAt: meta.time });
    },
  }),
  defineEvent({
    type: 'disclosure.vendor-report.annotated', summary: 'An analyst annotated a transparency report with a sourced contradiction.',
    data: reportData({ annotation: z.string(), note: z.string(), source: z.string().nullable(), incident: z.string().nullable() }), sealed: [],
    replays: 'adds the annotation', async replay(data, meta, tx) {
      await tx.remedy.vendorReports.insertAnnotation({ id: data.annotation, reportId: data.report, note: data.note, sourceId: data.source, incidentId: data.incident, createdBy: meta.actor, createdAt: meta.time });
    },
  }),
];
