import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { authorizePolicy } from '../../../accounts/policies.js';
import { anyone, scoped } from '../../../accounts/policy.js';
import { CommandError } from '../../../core/command-error.js';
import { decisionInput } from '../../../oversight/dockets/docket-decision-step.js';
import { reportInput } from '../../../oversight/dockets/docket-report-steps.js';
import { agencyOfficer, boardClerk, presetOf } from '../../../oversight/dockets/docket-rules.js';
import { commentInput, docketWorkflow, hearingInput, noticeInput, openDocketInput, renewInput, reviseInput, voteInput } from '../../../oversight/dockets/docket-workflow.js';
import { allJurisdictions } from '../../../oversight/dockets/jurisdiction-presets.js';
import { docketStep, openDocket } from '../../../oversight/dockets/open-docket.js';
import { findingInput, findingPolicy, recordDocketFinding } from '../../../oversight/dockets/record-docket-finding.js';
import { listDockets, listFindings, readDocketDetail, readPendingComments } from '../../../store/oversight/dockets/read-dockets.js';
import { DatabaseRateLimiter } from '../../../store/rate-limits/database-rate-limiter.js';
import type { Store } from '../../../store/store.js';
import type { AppEnv } from '../../app-env.js';
import { rateLimit } from '../../middleware/rate-limit.js';
import type { ApiRouter } from '../api-router.js';
import { runCommand } from '../command-runner.js';
import { pageQuerySchema, uuidParamsSchema } from '../common-schemas.js';
import { pageOf } from '../presenters/page.js';
import { docketCommentPresenter, docketDetailPresenter, docketFindingPresenter, docketPresenter, docketReportPresenter, docketVotePresenter, jurisdictionPresenter, presentComment, presentDocket, presentDocketDetail } from '../presenters/docket-presenter.js';

const tag = 'dockets';
const pendingCommentPresenter = z.object({ id: z.uuid(), text: z.string().nullable(), contact: z.string().nullable().describe('sealed: shown to the clerk only'), submittedAt: z.string(), status: z.literal('pending') });

/**
 * Community oversight dockets: open, notice, comments (anyone, no account, rate-limited with the
 * tips bucket), moderation, hearing, votes, decision, annual reports, renewal, findings.
 */
export function addDocketRoutes(app: Hono<AppEnv>, router: ApiRouter, store: Store, now: () => Date): void {
  // Anonymous comments are spam-limited like tips: one bucket per client for anonymous submissions.
  app.use('/api/v1/dockets/:id/comments', rateLimit(new DatabaseRateLimiter(store.db, store.sqlite), (limits) => limits.tips, ['POST']));
  const detail = async (id: string) => {
    const found = await readDocketDetail(store.db, id);
    if (!found) throw new CommandError({ code: 'NOT_FOUND', message: `no docket "${id}"` });
    return found;
  };
  const step = (action: string) => async (c: Context<AppEnv>, id: string, input: unknown) => {
    const result = await runCommand(store, now, c, (ctx, tx) => docketStep({ ctx, id, action, input }, tx));
    return presentDocket(result.docket);
  };

  router.add(
    { method: 'get', path: '/dockets/jurisdictions', operationId: 'listDocketJurisdictions', summary: 'The jurisdiction presets: lead times, comment periods, quorum, majority, report sections, each rule with its citation', tag, responses: { 200: { description: 'The presets', schema: z.object({ items: z.array(jurisdictionPresenter) }) } } },
    async (_c, { reply }) => reply({ items: allJurisdictions() }),
  );
  router.add(
    { method: 'get', path: '/dockets/findings', operationId: 'listDocketFindings', summary: 'Uses of technologies with no approved docket in that jurisdiction', tag, query: pageQuerySchema.extend({ jurisdiction: z.string().max(40).optional() }), responses: { 200: { description: 'A page of findings', schema: pageOf(docketFindingPresenter) } } },
    async (_c, { query, reply }) => reply({ ...(await listFindings(store.db, query)), limit: query.limit, offset: query.offset }),
  );
  router.add(
    { method: 'post', path: '/dockets/findings', operationId: 'recordDocketFinding', summary: 'Record a use of a technology with no approved docket as a public finding', tag, body: findingInput, permission: findingPolicy, responses: { 201: { description: 'The finding', schema: docketFindingPresenter } } },
    async (c, { body, reply }) => reply(await runCommand(store, now, c, (ctx, tx) => recordDocketFinding({ ctx, finding: body }, tx)), 201),
  );
  router.add(
    { method: 'get', path: '/dockets', operationId: 'listDockets', summary: 'Community oversight dockets, newest first', tag, query: pageQuerySchema.extend({ jurisdiction: z.string().max(40).optional(), status: z.enum(['proposed', 'noticed', 'hearing-held', 'approved', 'approved-with-conditions', 'rejected', 'expired']).optional() }), responses: { 200: { description: 'A page of dockets', schema: pageOf(docketPresenter) } } },
    async (_c, { query, reply }) => {
      const page = await listDockets(store.db, query);
      return reply({ items: page.items.map(presentDocket), total: page.total, limit: query.limit, offset: query.offset });
    },
  );
  router.add(
    { method: 'post', path: '/dockets', operationId: 'openDocket', summary: 'Open a docket: { jurisdiction, agency, technology, title } (seattle, oakland, nyc), with the impact report and use policy', tag, body: openDocketInput, permission: agencyOfficer, responses: { 201: { description: 'The docket', schema: docketPresenter } } },
    async (c, { body, reply }) => reply(presentDocket(await runCommand(store, now, c, (ctx, tx) => openDocket({ ctx, docket: body }, tx))), 201),
  );
  router.add(
    { method: 'get', path: '/dockets/{id}', operationId: 'getDocket', summary: 'A docket: proposal, agency, the vendor\'s registry record, deadlines, published comments with receipts, votes, decision, reports', tag, params: uuidParamsSchema, responses: { 200: { description: 'The docket', schema: docketDetailPresenter } } },
    async (_c, { params, reply }) => reply(presentDocketDetail(await detail(params.id))),
  );
  router.add(
    { method: 'post', path: '/dockets/{id}/proposal', operationId: 'reviseDocketProposal', summary: 'Revise the proposal before notice', tag, params: uuidParamsSchema, body: reviseInput, permission: agencyOfficer, responses: { 200: { description: 'The docket', schema: docketPresenter } } },
    async (c, { params, body, reply }) => reply(await step('revise')(c, params.id, body)),
  );
  router.add(
    { method: 'post', path: '/dockets/{id}/notice', operationId: 'publishDocketNotice', summary: 'Publish notice { publishedAt }: opens the comment period by the jurisdiction\'s rules', tag, params: uuidParamsSchema, body: noticeInput, permission: boardClerk, responses: { 200: { description: 'The docket with its notice dates', schema: docketPresenter } } },
    async (c, { params, body, reply }) => reply(await step('notice')(c, params.id, body)),
  );
  router.add(
    { method: 'get', path: '/dockets/{id}/comments', operationId: 'listDocketComments', summary: 'Published comments with their receipts; ?status=pending: the moderation queue (the board\'s clerk)', tag, params: uuidParamsSchema, query: z.object({ status: z.enum(['published', 'pending']).default('published') }), responses: { 200: { description: 'The comments', schema: z.object({ items: z.array(z.union([docketCommentPresenter, pendingCommentPresenter])) }) } } },
    async (c, { params, query, reply }) => {
      const found = await detail(params.id);
      if (query.status === 'published') return reply({ items: found.comments.map(presentComment) });
      authorizePolicy(c.get('auth').actor, 'read the moderation queue', boardClerk, docketWorkflow.resourceOf(found.docket));
      return reply({ items: (await readPendingComments(store.db, params.id)).map((p) => ({ ...p, status: 'pending' })) });
    },
  );
  router.add(
    { method: 'post', path: '/dockets/{id}/comments', operationId: 'submitDocketComment', summary: 'Comment while the comment period runs: anyone, no account needed (moderated, rate-limited); a contact, if given, stays sealed', tag, params: uuidParamsSchema, body: commentInput, permission: anyone, responses: { 202: { description: 'Received; published once the clerk approves it', schema: z.object({ docket: z.uuid(), status: z.literal('pending'), message: z.string() }) } } },
    async (c, { params, body, reply }) => {
      await runCommand(store, now, c, (ctx, tx) => docketStep({ ctx, id: params.id, action: 'comment', input: body }, tx));
      return reply({ docket: params.id, status: 'pending', message: 'Received. The board\'s clerk publishes comments after moderation.' }, 202);
    },
  );
  router.add(
    { method: 'post', path: '/dockets/{id}/comments/{comment}/moderation', operationId: 'moderateDocketComment', summary: 'Publish or reject a comment (the board\'s clerk)', tag, params: z.object({ id: z.uuid(), comment: z.uuid() }), body: z.strictObject({ decision: z.enum(['publish', 'reject']) }), permission: boardClerk, responses: { 200: { description: 'The docket', schema: docketPresenter } } },
    async (c, { params, body, reply }) => reply(await step('moderate')(c, params.id, { comment: params.comment, decision: body.decision })),
  );
  router.add(
    { method: 'post', path: '/dockets/{id}/hearing', operationId: 'recordDocketHearing', summary: 'Record the hearing with its documents', tag, params: uuidParamsSchema, body: hearingInput, permission: boardClerk, responses: { 200: { description: 'The docket', schema: docketPresenter } } },
    async (c, { params, body, reply }) => reply(await step('hearing')(c, params.id, body)),
  );
  router.add(
    { method: 'get', path: '/dockets/{id}/votes', operationId: 'listDocketVotes', summary: 'Every vote, in public', tag, params: uuidParamsSchema, responses: { 200: { description: 'The votes', schema: z.object({ items: z.array(docketVotePresenter) }) } } },
    async (_c, { params, reply }) => reply({ items: (await detail(params.id)).votes }),
  );
  router.add(
    { method: 'post', path: '/dockets/{id}/votes', operationId: 'castDocketVote', summary: 'Vote yes, no or abstain (a member of the jurisdiction\'s board); each vote is public and final', tag, params: uuidParamsSchema, body: voteInput, permission: scoped('board-member'), responses: { 201: { description: 'The docket', schema: docketPresenter } } },
    async (c, { params, body, reply }) => reply(await step('vote')(c, params.id, body), 201),
  );
  router.add(
    { method: 'post', path: '/dockets/{id}/decision', operationId: 'decideDocket', summary: 'Record the decision (approve, approve-with-conditions, reject), as the votes carried it', tag, params: uuidParamsSchema, body: decisionInput, permission: boardClerk, responses: { 200: { description: 'The decided docket', schema: docketPresenter } } },
    async (c, { params, body, reply }) => reply(await step('decide')(c, params.id, body)),
  );
  router.add(
    { method: 'get', path: '/dockets/{id}/reports', operationId: 'listDocketReports', summary: 'Annual surveillance reports: due, overdue and filed', tag, params: uuidParamsSchema, responses: { 200: { description: 'The report periods', schema: z.object({ sections: z.array(z.object({ key: z.string(), label: z.string(), citation: z.string() })), items: z.array(docketReportPresenter) }) } } },
    async (_c, { params, reply }) => {
      const found = await detail(params.id);
      return reply({ sections: presetOf(found.docket.jurisdiction).reportSections, items: found.reports });
    },
  );
  router.add(
    { method: 'post', path: '/dockets/{id}/reports', operationId: 'fileDocketReport', summary: 'File the annual surveillance report in the jurisdiction\'s sections (the agency\'s officer)', tag, params: uuidParamsSchema, body: reportInput, permission: agencyOfficer, responses: { 201: { description: 'The docket', schema: docketPresenter } } },
    async (c, { params, body, reply }) => reply(await step('fileReport')(c, params.id, body), 201),
  );
  router.add(
    { method: 'post', path: '/dockets/{id}/renewal', operationId: 'renewDocket', summary: 'Renew an approval to a new expiry date', tag, params: uuidParamsSchema, body: renewInput, permission: boardClerk, responses: { 200: { description: 'The docket', schema: docketPresenter } } },
    async (c, { params, body, reply }) => reply(await step('renew')(c, params.id, body)),
  );
}
