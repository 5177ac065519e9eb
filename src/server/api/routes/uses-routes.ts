import { z } from 'zod';
import { scoped, anyone, either, atLeast } from '../../../accounts/policy.js';
import { CommandError } from '../../../core/command-error.js';
import { openCase, transition } from '../../../kernel/workflow/transition.js';
import { authorizationRequestSchema, deletionInput, extendNoticeInput, extendWindowInput, noticeGivenInput, sharingInput, unsealInput } from '../../../oversight/authorizations/authorization-input.js';
import { authorizationWorkflow } from '../../../oversight/authorizations/authorization-workflow.js';
import { authorizeUse } from '../../../oversight/authorizations/authorize-use.js';
import { auditRequestSchema, auditWorkflow } from '../../../oversight/audits/audit-workflow.js';
import { recordUse } from '../../../oversight/uses/record-use.js';
import { FINDING_KINDS } from '../../../oversight/uses/use.js';
import { useRequestSchema } from '../../../oversight/uses/use-workflow.js';
import { listAudits, listAuthorizations, listFindings, listSharings, listUses, readAudit, readAuthorization, readOffenceCategories } from '../../../store/oversight/read-uses.js';
import type { Store } from '../../../store/store.js';
import type { ApiRouter } from '../api-router.js';
import { runCommand } from '../command-runner.js';
import { pageQuerySchema, uuidParamsSchema } from '../common-schemas.js';
import { pageOf } from '../presenters/page.js';
import { auditPresenter, authorizationPresenter, findingPresenter, offenceCategoryPresenter, sharingPresenter, usePresenter } from '../presenters/uses-presenters.js';

const agencyFilter = z.string().trim().min(1).max(200).optional();
const occurredAt = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional();
const backdated = <S extends z.ZodObject>(schema: S) => schema.extend({ occurredAt });

/** The authorisation steps the API offers, each at its own path. */
const AUTHORIZATION_STEPS = [
  { action: 'extend', path: 'extension', operationId: 'extendAuthorization', summary: 'Extend the window of an authorisation (cite the court order); the deletion date moves with it', body: extendWindowInput },
  { action: 'extend-notice', path: 'notice-extension', operationId: 'extendTargetNotice', summary: 'Delay the notice to the target (cite the court order); the notice deadline moves', body: extendNoticeInput },
  { action: 'give-notice', path: 'target-notice', operationId: 'recordTargetNotice', summary: 'Record that the target was told (occurredAt: when)', body: backdated(noticeGivenInput) },
  { action: 'confirm-deletion', path: 'deletion', operationId: 'confirmDeletion', summary: 'Confirm that data collected under the authorisation was deleted (occurredAt: when)', body: backdated(deletionInput) },
  { action: 'share', path: 'sharings', operationId: 'recordSharing', summary: 'Record data shared outside the agency: recipient and legal basis (none given is recorded, and is a finding)', body: backdated(sharingInput) },
  { action: 'unseal', path: 'unsealing', operationId: 'unsealAuthorizationField', summary: 'A court ordered a sealed field (docket number, target) published: its value and opening go into the log', body: unsealInput },
] as const;

/** Authorised uses, findings and audits (EO 14093 oversight, issue #8). */
export function addUsesRoutes(router: ApiRouter, store: Store, now: () => Date): void {
  router.add(
    { method: 'get', path: '/offence-categories', operationId: 'listOffenceCategories', summary: 'The configured serious-crime categories an authorisation may name (US preset: 18 U.S.C. § 2516)', tag: 'oversight', permission: anyone,
      responses: { 200: { description: 'The categories', schema: z.object({ items: z.array(offenceCategoryPresenter) }) } } },
    async (_c, { reply }) => reply({ items: await readOffenceCategories(store.db) }),
  );
  router.add(
    { method: 'post', path: '/authorizations', operationId: 'createAuthorization', summary: 'Authorise use under an active approval, for a configured serious crime, once the notice clock has opened', tag: 'oversight', body: authorizationRequestSchema,
      permission: scoped('officer'), responses: { 201: { description: 'The authorisation (docket and target sealed)', schema: authorizationPresenter } } },
    async (c, { body, reply }) => {
      const created = await runCommand(store, now, c, (ctx, tx) => authorizeUse({ ctx, request: body }, tx));
      return reply(await readAuthorization(store.db, created.id), 201);
    },
  );
  router.add(
    { method: 'get', path: '/authorizations', operationId: 'listAuthorizations', summary: 'Authorisations, newest first', tag: 'oversight', query: pageQuerySchema.extend({ agency: agencyFilter, review: agencyFilter }),
      responses: { 200: { description: 'A page of authorisations', schema: pageOf(authorizationPresenter) } } },
    async (_c, { query, reply }) => reply({ ...(await listAuthorizations(store.db, query)), limit: query.limit, offset: query.offset }),
  );
  router.add(
    { method: 'get', path: '/authorizations/{id}', operationId: 'getAuthorization', summary: 'One authorisation, with its sharings', tag: 'oversight', params: uuidParamsSchema,
      responses: { 200: { description: 'The authorisation', schema: authorizationPresenter.extend({ sharings: z.array(sharingPresenter) }) } } },
    async (_c, { params, reply }) => {
      const found = await readAuthorization(store.db, params.id);
      if (!found) throw new CommandError({ code: 'NOT_FOUND', message: `no authorisation "${params.id}"` });
      return reply({ ...found, sharings: await listSharings(store.db, found.id) });
    },
  );
  for (const s of AUTHORIZATION_STEPS) {
    const policy = s.action === 'unseal' ? either(scoped('officer'), atLeast('admin')) : scoped('officer');
    router.add(
      { method: 'post', path: `/authorizations/{id}/${s.path}`, operationId: s.operationId, summary: s.summary, tag: 'oversight', params: uuidParamsSchema, body: s.body, permission: policy,
        responses: { 200: { description: 'The authorisation after the step', schema: authorizationPresenter } } },
      async (c, { params, body, reply }) => {
        const { occurredAt: at, ...input } = body as Record<string, unknown>;
        await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: authorizationWorkflow, id: params.id, action: s.action, input, ...(at !== undefined ? { occurredAt: at } : {}) }, tx));
        return reply(await readAuthorization(store.db, params.id));
      },
    );
  }
  router.add(
    { method: 'post', path: '/uses', operationId: 'recordUse', summary: 'Record a use, citing its authorisation (id or log receipt); a breach is recorded and flagged as a public finding, never refused', tag: 'oversight', body: useRequestSchema,
      permission: scoped('officer'), responses: { 201: { description: 'The use and the findings it raised', schema: usePresenter.extend({ findings: z.array(findingPresenter) }) } } },
    async (c, { body, reply }) => {
      const use = await runCommand(store, now, c, (ctx, tx) => recordUse({ ctx, request: body }, tx));
      const { items } = await listFindings(store.db, { subject: `use:${use.id}`, limit: 50, offset: 0 });
      return reply({ ...use, findings: items }, 201);
    },
  );
  router.add(
    { method: 'get', path: '/uses', operationId: 'listUses', summary: 'Recorded uses, latest first', tag: 'oversight', query: pageQuerySchema.extend({ agency: agencyFilter, authorization: agencyFilter }),
      responses: { 200: { description: 'A page of uses', schema: pageOf(usePresenter) } } },
    async (_c, { query, reply }) => reply({ ...(await listUses(store.db, query)), limit: query.limit, offset: query.offset }),
  );
  router.add(
    { method: 'get', path: '/findings', operationId: 'listFindings', summary: 'Public findings: breaches flagged when uses were recorded, and what audits found', tag: 'oversight',
      query: pageQuerySchema.extend({ agency: agencyFilter, kind: z.enum(FINDING_KINDS).optional(), audit: z.uuid().optional() }),
      responses: { 200: { description: 'A page of findings', schema: pageOf(findingPresenter) } } },
    async (_c, { query, reply }) => reply({ ...(await listFindings(store.db, query)), limit: query.limit, offset: query.offset }),
  );
  router.add(
    { method: 'post', path: '/audits', operationId: 'runAudit', summary: 'Run the post-use checks over an agency’s period (auditors of the agency)', tag: 'oversight', body: auditRequestSchema, permission: scoped('auditor'),
      responses: { 201: { description: 'The audit with its findings counted', schema: auditPresenter } } },
    async (c, { body, reply }) => reply((await runCommand(store, now, c, (ctx, tx) => openCase({ ctx, workflow: auditWorkflow, via: 'run', input: body }, tx))).case, 201),
  );
  router.add(
    { method: 'post', path: '/audits/{id}/sign-off', operationId: 'signOffAudit', summary: 'Sign off an audit and publish its statistics', tag: 'oversight', params: uuidParamsSchema,
      body: z.strictObject({ note: z.string().trim().max(4000).optional() }), permission: scoped('auditor'), responses: { 200: { description: 'The signed-off audit', schema: auditPresenter } } },
    async (c, { params, body, reply }) => reply((await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: auditWorkflow, id: params.id, action: 'sign-off', input: body }, tx))).case),
  );
  router.add(
    { method: 'get', path: '/audits', operationId: 'listAudits', summary: 'Audits, latest first', tag: 'oversight', query: pageQuerySchema.extend({ agency: agencyFilter }),
      responses: { 200: { description: 'A page of audits', schema: pageOf(auditPresenter) } } },
    async (_c, { query, reply }) => reply({ ...(await listAudits(store.db, query)), limit: query.limit, offset: query.offset }),
  );
  router.add(
    { method: 'get', path: '/audits/{id}', operationId: 'getAudit', summary: 'One audit: its findings by kind and, once signed off, its statistics', tag: 'oversight', params: uuidParamsSchema,
      responses: { 200: { description: 'The audit', schema: auditPresenter } } },
    async (_c, { params, reply }) => {
      const audit = await readAudit(store.db, params.id);
      if (!audit) throw new CommandError({ code: 'NOT_FOUND', message: `no audit "${params.id}"` });
      return reply(audit);
    },
  );
}
