import { z } from 'zod';
import { CommandError } from '../../../core/command-error.js';
import { openCase, transition } from '../../../kernel/workflow/transition.js';
import { targetNoticeWorkflow } from '../../../disclosure/target-notices/target-notice-workflow.js';
import { NOTICE_METHODS } from '../../../disclosure/target-notices/target-notice-store.js';
import { vendorReportSchema, vendorReportWorkflow } from '../../../disclosure/vendor-reports/vendor-report-workflow.js';
import { remedyStores } from '../../../store/disclosure/kysely-remedy-stores.js';
import type { Store } from '../../../store/store.js';
import type { ApiRouter } from '../api-router.js';
import { runCommand } from '../command-runner.js';
import { pageQuerySchema, uuidParamsSchema } from '../common-schemas.js';
import { pageOf } from '../presenters/page.js';
import { targetNoticePresenter, vendorReportPresenter } from '../presenters/remedy-presenters.js';

/**
 * Vendors' yearly transparency reports (filed by the vendor's representatives, public, annotated
 * by analysts) and the notices owed to targets (opened by the system, steps by the agency).
 */
export function addVendorReportRoutes(router: ApiRouter, store: Store, now: () => Date): void {
  const reports = vendorReportWorkflow;
  router.add(
    { method: 'post', path: '/vendor-reports', operationId: 'fileVendorReport', summary: 'File a vendor’s yearly transparency report', tag: 'vendor-reports', body: vendorReportSchema, permission: reports.openings['file']!.policy, responses: { 201: { description: 'The published report', schema: vendorReportPresenter } } },
    async (c, { body, reply }) => reply((await runCommand(store, now, c, (ctx, tx) => openCase({ ctx, workflow: reports, via: 'file', input: body }, tx))).case, 201),
  );
  router.add(
    { method: 'get', path: '/vendor-reports', operationId: 'listVendorReports', summary: 'Transparency reports, by vendor and year', tag: 'vendor-reports', query: pageQuerySchema.extend({ vendor: z.string().max(100).optional(), year: z.coerce.number().int().min(2000).max(3000).optional() }), responses: { 200: { description: 'A page of reports', schema: pageOf(vendorReportPresenter) } } },
    async (_c, { query, reply }) => reply({ ...(await remedyStores(store.db).vendorReports.listReports(query)), limit: query.limit, offset: query.offset }),
  );
  router.add(
    { method: 'get', path: '/vendor-reports/{id}', operationId: 'getVendorReport', summary: 'A transparency report with its annotations', tag: 'vendor-reports', params: uuidParamsSchema, responses: { 200: { description: 'The report', schema: vendorReportPresenter } } },
    async (_c, { params, reply }) => {
      const report = await remedyStores(store.db).vendorReports.findReport(params.id);
      if (!report) throw new CommandError({ code: 'NOT_FOUND', message: `no transparency report "${params.id}"` });
      return reply(report);
    },
  );
  router.add(
    { method: 'post', path: '/vendor-reports/{id}/annotations', operationId: 'annotateVendorReport', summary: 'Annotate a report with a sourced contradiction (a registry source or incident)', tag: 'vendor-reports', params: uuidParamsSchema, body: z.strictObject({ note: z.string(), source: z.string().optional(), incident: z.string().optional() }), permission: reports.transitions['annotate']!.policy, responses: { 201: { description: 'The report with the annotation', schema: vendorReportPresenter } } },
    async (c, { params, body, reply }) => reply((await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: reports, id: params.id, action: 'annotate', input: body }, tx))).case, 201),
  );

  const notices = targetNoticeWorkflow;
  router.add(
    { method: 'get', path: '/target-notices', operationId: 'listTargetNotices', summary: 'Notices owed to people an authorisation targeted, and whether they were sent', tag: 'target-notices', query: pageQuerySchema.extend({ status: z.enum(['due', 'prepared', 'sent']).optional() }), responses: { 200: { description: 'A page of notices', schema: pageOf(targetNoticePresenter) } } },
    async (_c, { query, reply }) => reply({ ...(await remedyStores(store.db).notices.listNotices(query)), limit: query.limit, offset: query.offset }),
  );
  router.add(
    { method: 'get', path: '/target-notices/{id}', operationId: 'getTargetNotice', summary: 'A notice to a target', tag: 'target-notices', params: uuidParamsSchema, responses: { 200: { description: 'The notice', schema: targetNoticePresenter } } },
    async (_c, { params, reply }) => {
      const notice = await remedyStores(store.db).notices.findNotice(params.id);
      if (!notice) throw new CommandError({ code: 'NOT_FOUND', message: `no notice "${params.id}"` });
      return reply(notice);
    },
  );
  for (const [action, operationId, summary, body] of [
    ['prepare', 'prepareTargetNotice', 'Mark a notice prepared', z.strictObject({})],
    ['send', 'sendTargetNotice', 'Record a notice as sent: the date and how', z.strictObject({ sentOn: z.string(), method: z.enum(NOTICE_METHODS) })],
  ] as const) {
    router.add(
      { method: 'post', path: `/target-notices/{id}/${action}`, operationId, summary, tag: 'target-notices', params: uuidParamsSchema, body, permission: notices.transitions[action]!.policy, responses: { 200: { description: 'The notice after the step', schema: targetNoticePresenter } } },
      async (c, { params, body: input, reply }) => reply((await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: notices, id: params.id, action, input }, tx))).case),
    );
  }
}
