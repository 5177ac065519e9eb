import { z } from 'zod';
import type { Actor } from '../../../accounts/actor.js';
import { atLeast } from '../../../accounts/policy.js';
import { CommandError } from '../../../core/command-error.js';
import type { DisclosureRequest } from '../../../disclosure/requests/disclosure-request.js';
import { REQUEST_STATUSES } from '../../../disclosure/requests/disclosure-request.js';
import { draftAppeal } from '../../../disclosure/requests/draft-follow-up.js';
import { draftRequest } from '../../../disclosure/requests/draft-request.js';
import type { DraftSubjectKind, DraftSubjectReaders } from '../../../disclosure/requests/draft-subject.js';
import { extractDocumentText } from '../../../disclosure/requests/extract-document-text.js';
import { JURISDICTION_IDS, jurisdictionOf } from '../../../disclosure/requests/jurisdictions.js';
import { requestWorkflow } from '../../../disclosure/requests/request-workflow.js';
import { deadlineFeed } from '../../../kernel/deadlines/deadline-feed.js';
import { transition } from '../../../kernel/workflow/transition.js';
import { KyselyRequestStore } from '../../../store/disclosure/requests/kysely-request-store.js';
import { agencyStatistics, documentContent, filedRequestDeadlines, listRequests, searchPublishedDocuments } from '../../../store/disclosure/requests/read-requests.js';
import type { Store, StoreTransaction } from '../../../store/store.js';
import type { AppEnv } from '../../app-env.js';
import type { ApiRouter } from '../api-router.js';
import { runCommand } from '../command-runner.js';
import { pageQuerySchema, uuidParamsSchema } from '../common-schemas.js';
import { disclosureRequestPresenter, isRequesterOf, presentRequest } from '../presenters/disclosure-request-presenter.js';
import { pageOf } from '../presenters/page.js';

const FROM_FIELDS = { fromAlert: 'alert', fromContract: 'contract', fromReview: 'review', fromDocket: 'docket' } as const satisfies Record<string, DraftSubjectKind>;
const subjectId = z.string().trim().min(1).max(200);
const draftBody = z.strictObject({
  fromAlert: subjectId.optional(), fromContract: subjectId.optional(), fromReview: subjectId.optional(), fromDocket: subjectId.optional(),
  jurisdiction: z.enum(JURISDICTION_IDS).optional(), expedited: z.boolean().optional(), requesterName: z.string().trim().min(1).max(200).optional(),
});
const stepParams = z.object({ id: z.uuid(), step: z.string().regex(/^[a-z][a-z-]{1,40}$/) });
const documentParams = z.object({ id: z.uuid(), document: z.uuid() });
const statisticsPresenter = z.object({
  agencyId: z.string(), agencyName: z.string(), filed: z.number(), open: z.number(), overdue: z.number(), answeredLate: z.number(),
  outcomes: z.object({ done: z.number(), partial: z.number(), rejected: z.number(), 'no-documents': z.number() }), medianResponseDays: z.number().nullable(), averageResponseDays: z.number().nullable(),
});
/** Steps the portal and API run through their own routes (drafting, submitting, uploading) or the tick runs. */
const NOT_GENERIC = new Set(['submit', 'edit', 'receive-document', 'flag-overdue', 'note-embargo-ending', 'publish-documents']);

/** The one subject a draft body names; two or none is a 400 naming the fields. */
export function subjectOfDraft(body: z.infer<typeof draftBody>): { kind: DraftSubjectKind; id: string } {
  const given = (['fromAlert', 'fromContract', 'fromReview', 'fromDocket'] as const).flatMap((field) => {
    const id = body[field];
    return id === undefined ? [] : [{ kind: FROM_FIELDS[field], id }];
  });
  const [only, ...more] = given;
  if (!only || more.length > 0) throw new CommandError({ code: 'INVALID_INPUT', message: 'name exactly one of fromAlert, fromContract, fromReview, fromDocket', issues: [{ path: 'fromAlert', message: given.length === 0 ? 'one subject is required' : 'only one subject at a time' }] });
  return only;
}

/** A request with its parts, for whoever may read it (a draft is its requester's; others see it as absent). */
export async function readRequestFor(store: Store, actor: Actor, id: string) {
  const requests = new KyselyRequestStore(store.db);
  const request = await requests.get(id);
  if (!request || !requestWorkflow.readableBy(actor, request)) throw new CommandError({ code: 'NOT_FOUND', message: `no disclosure request "${id}"` });
  return presentRequest(actor, request, { tracking: await requests.trackingNumbers(id), messages: await requests.messages(id), documents: await requests.documents(id) });
}

/** Receives a document: its text extracted outside the transaction, then the workflow step stores and hashes it. */
export async function receiveDocument(store: Store, now: () => Date, c: Parameters<typeof runCommand>[2], id: string, file: { fileName: string; mediaType: string; content: Uint8Array; embargoUntil?: string | undefined; messageId?: string | undefined }) {
  const extracted = await extractDocumentText(file.content, file.mediaType);
  const input = { fileName: file.fileName, mediaType: file.mediaType, content: file.content, text: extracted.text, pages: extracted.pages, ...(file.embargoUntil ? { embargoUntil: file.embargoUntil } : {}), ...(file.messageId ? { messageId: file.messageId } : {}) };
  return runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: requestWorkflow, id, action: 'receive-document', input }, tx));
}

/**
 * Records requests: drafted from an alert, a contract, a review or a docket in one step, edited,
 * filed (the due date follows), moved through the agency's answers; documents received; the
 * statistics per agency; every filed request's deadlines as one calendar.
 */
export function addDisclosureRequestRoutes(router: ApiRouter, store: Store, now: () => Date, readers: DraftSubjectReaders<StoreTransaction>, publicUrl: string): void {
  const present = (c: { get(key: 'auth'): AppEnv['Variables']['auth'] }, request: DisclosureRequest) => readRequestFor(store, c.get('auth').actor, request.id);
  router.add(
    { method: 'post', path: '/disclosure-requests', operationId: 'draftDisclosureRequest', summary: 'Draft a records request from an alert, a contract (PIID), a review or a docket: the letter is written for you', tag: 'disclosure', body: draftBody, permission: atLeast('contributor'), responses: { 201: { description: 'The draft, its letter included', schema: disclosureRequestPresenter } } },
    async (c, { body, reply }) => {
      const from = subjectOfDraft(body);
      const user = c.get('auth').user;
      const requesterName = body.requesterName ?? user?.displayName ?? user?.username ?? 'The requester';
      const request = await runCommand(store, now, c, (ctx, tx) => draftRequest({ ctx, from, readers, requesterName, ...(body.jurisdiction ? { jurisdiction: body.jurisdiction } : {}), ...(body.expedited !== undefined ? { expedited: body.expedited } : {}) }, tx));
      return reply(await present(c, request), 201);
    },
  );
  router.add(
    { method: 'get', path: '/disclosure-requests', operationId: 'listDisclosureRequests', summary: 'Filed records requests, newest first (mine=true: your own, drafts included)', tag: 'disclosure', query: pageQuerySchema.extend({ agency: z.string().max(100).optional(), status: z.enum(REQUEST_STATUSES).optional(), mine: z.enum(['true', 'false']).optional() }), responses: { 200: { description: 'A page of requests', schema: pageOf(disclosureRequestPresenter) } } },
    async (c, { query, reply }) => {
      const actor = c.get('auth').actor;
      if (query.mine === 'true' && actor.userId === null) throw new CommandError({ code: 'UNAUTHENTICATED', message: 'sign in to list your own requests' });
      const list = await listRequests(store.db, { agencyId: query.agency, status: query.status, ownerUserId: query.mine === 'true' ? actor.userId : undefined, limit: query.limit, offset: query.offset });
      return reply({ items: await Promise.all(list.items.map((r) => present(c, r))), total: list.total, limit: query.limit, offset: query.offset });
    },
  );
  router.add(
    { method: 'get', path: '/disclosure-requests/{id}', operationId: 'getDisclosureRequest', summary: 'One records request: letter, clock, tracking numbers, correspondence, documents and the steps open to you', tag: 'disclosure', params: uuidParamsSchema, responses: { 200: { description: 'The request', schema: disclosureRequestPresenter } } },
    async (c, { params, reply }) => reply(await readRequestFor(store, c.get('auth').actor, params.id)),
  );
  router.add(
    { method: 'put', path: '/disclosure-requests/{id}', operationId: 'editDisclosureRequest', summary: 'Edit a draft before filing it (title, letter, law, expedited processing)', tag: 'disclosure', params: uuidParamsSchema, body: requestWorkflow.transitions.edit?.input ?? z.never(), permission: requestWorkflow.transitions.edit?.policy ?? atLeast('admin'), responses: { 200: { description: 'The draft', schema: disclosureRequestPresenter } } },
    async (c, { params, body, reply }) => reply(await present(c, (await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: requestWorkflow, id: params.id, action: 'edit', input: body }, tx))).case)),
  );
  router.add(
    { method: 'post', path: '/disclosure-requests/{id}/submit', operationId: 'submitDisclosureRequest', summary: 'File a draft as received by the agency on receivedAt: the statutory due date follows', tag: 'disclosure', params: uuidParamsSchema, body: z.strictObject({ receivedAt: z.iso.date(), trackingNumber: z.string().max(200).optional() }), permission: requestWorkflow.transitions.submit?.policy ?? atLeast('admin'), responses: { 200: { description: 'The filed request with its dueDate', schema: disclosureRequestPresenter } } },
    async (c, { params, body, reply }) => reply(await present(c, (await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: requestWorkflow, id: params.id, action: 'submit', input: body }, tx))).case)),
  );
  router.add(
    {
      method: 'post', path: '/disclosure-requests/{id}/steps/{step}', operationId: 'recordDisclosureRequestStep', summary: 'Record a lifecycle step (acknowledge, process, extend, require-fix, answer-fix, require-payment, pay, determine, appeal, litigate, abandon, add-tracking-number, record-message, extend-embargo); occurredAt backdates steps that allow it', tag: 'disclosure',
      params: stepParams, body: z.record(z.string(), z.unknown()), permission: atLeast('contributor'), responses: { 200: { description: 'The request after the step', schema: disclosureRequestPresenter } },
    },
    async (c, { params, body, reply }) => {
      if (NOT_GENERIC.has(params.step)) throw new CommandError({ code: 'NOT_FOUND', message: `"${params.step}" has its own route or is run by the tick` });
      const { occurredAt, ...input } = body;
      const result = await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: requestWorkflow, id: params.id, action: params.step, input, ...(occurredAt !== undefined ? { occurredAt } : {}) }, tx));
      return reply(await present(c, result.case));
    },
  );
  router.add(
    { method: 'get', path: '/disclosure-requests/{id}/appeal-draft', operationId: 'draftDisclosureAppeal', summary: 'An appeal letter drafted from the determination (file it with the appeal step)', tag: 'disclosure', params: uuidParamsSchema, responses: { 200: { description: 'The drafted appeal', schema: z.object({ subject: z.string(), body: z.string() }) } } },
    async (c, { params, reply }) => {
      const requests = new KyselyRequestStore(store.db);
      const request = await requests.get(params.id);
      if (!request || !requestWorkflow.readableBy(c.get('auth').actor, request)) throw new CommandError({ code: 'NOT_FOUND', message: `no disclosure request "${params.id}"` });
      if (!request.determination) throw new CommandError({ code: 'CONFLICT', message: 'the request has no determination to appeal yet' });
      return reply(draftAppeal(request, jurisdictionOf(request.jurisdiction), (await requests.trackingNumbers(request.id)).map((t) => t.number)));
    },
  );
  router.add(
    {
      method: 'post', path: '/disclosure-requests/{id}/documents', operationId: 'uploadDisclosureDocument', summary: 'Upload a document the agency released (base64): hashed into the log, text extracted, private until its embargo ends', tag: 'disclosure', params: uuidParamsSchema,
      body: z.strictObject({ fileName: z.string().max(255), mediaType: z.string().max(120), contentBase64: z.base64().max(44_000_000), embargoUntil: z.iso.date().optional(), messageId: z.uuid().optional() }), permission: requestWorkflow.transitions['receive-document']?.policy ?? atLeast('admin'),
      responses: { 201: { description: 'The request with the new document', schema: disclosureRequestPresenter } },
    },
    async (c, { params, body, reply }) => {
      const result = await receiveDocument(store, now, c, params.id, { fileName: body.fileName, mediaType: body.mediaType, content: new Uint8Array(Buffer.from(body.contentBase64, 'base64')), embargoUntil: body.embargoUntil, messageId: body.messageId });
      return reply(await present(c, result.case), 201);
    },
  );
  router.add(
    { method: 'get', path: '/disclosure-requests/{id}/documents/{document}', operationId: 'downloadDisclosureDocument', summary: 'A received document: public once its embargo ended, before that only to its requester', tag: 'disclosure', params: documentParams, responses: { 200: { description: 'The file as received', contentType: 'application/octet-stream' } } },
    async (c, { params }) => {
      const requests = new KyselyRequestStore(store.db);
      const [request, document] = [await requests.get(params.id), await requests.document(params.document)];
      const actor = c.get('auth').actor;
      const visible = request && document && document.requestId === request.id && requestWorkflow.readableBy(actor, request) && (document.publishedAt !== null || isRequesterOf(actor, request));
      const content = visible ? await documentContent(store.db, document.id) : null;
      if (!visible || !content) throw new CommandError({ code: 'NOT_FOUND', message: `no document "${params.document}" on this request` });
      const safeName = document.fileName.replace(/[^A-Za-z0-9._-]/g, '_');
      return c.body(Buffer.from(content.content), 200, { 'content-type': document.mediaType === 'application/pdf' ? 'application/pdf' : 'application/octet-stream', 'content-disposition': `attachment; filename="${safeName}"`, 'x-content-sha256': document.sha256 });
    },
  );
  router.add(
    { method: 'get', path: '/disclosure-documents', operationId: 'searchDisclosureDocuments', summary: 'Search the text of published documents', tag: 'disclosure', query: z.object({ q: z.string().trim().min(2).max(200), limit: z.coerce.number().int().min(1).max(100).default(20) }), responses: { 200: { description: 'Matching documents', schema: z.object({ items: z.array(z.object({ requestId: z.string(), documentId: z.string(), fileName: z.string(), sha256: z.string(), snippet: z.string(), url: z.string() })) }) } } },
    async (_c, { query, reply }) => reply({ items: (await searchPublishedDocuments(store.db, query.q, query.limit)).map(({ document, snippet }) => ({ requestId: document.requestId, documentId: document.id, fileName: document.fileName, sha256: document.sha256, snippet, url: `/api/v1/disclosure-requests/${document.requestId}/documents/${document.id}` })) }),
  );
  router.add(
    { method: 'get', path: '/disclosure-statistics', operationId: 'disclosureStatistics', summary: 'Per agency: requests filed, open, overdue, answered late, outcomes, median and average response days', tag: 'disclosure', query: z.object({ agency: z.string().max(100).optional() }), responses: { 200: { description: 'Statistics by agency', schema: z.object({ items: z.array(statisticsPresenter) }) } } },
    async (_c, { query, reply }) => reply({ items: await agencyStatistics(store.db, query.agency) }),
  );
  router.add(
    { method: 'get', path: '/disclosure-requests.ics', operationId: 'disclosureDeadlinesCalendar', summary: "Every filed request's deadlines as one iCalendar feed", tag: 'disclosure', responses: { 200: { description: 'RFC 5545 calendar', contentType: 'text/calendar' } } },
    async (c) => {
      const ics = deadlineFeed({ name: 'Countersign: disclosure request deadlines', url: `${publicUrl}/disclosure-requests`, deadlines: await filedRequestDeadlines(store.db), host: new URL(publicUrl).host });
      return c.body(ics, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline; filename="disclosure-requests.ics"' });
    },
  );
}
