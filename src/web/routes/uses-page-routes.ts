import type { Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from '../../accounts/actor.js';
import { atLeast } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import { openCase, transition } from '../../kernel/workflow/transition.js';
import { auditWorkflow } from '../../oversight/audits/audit-workflow.js';
import { authorizationWorkflow } from '../../oversight/authorizations/authorization-workflow.js';
import { authorizeUse } from '../../oversight/authorizations/authorize-use.js';
import { DATA_CATEGORIES } from '../../oversight/authorizations/data-categories.js';
import { recordUse } from '../../oversight/uses/record-use.js';
import { FINDING_KINDS } from '../../oversight/uses/use.js';
import { runCommand } from '../../server/api/command-runner.js';
import type { AppEnv } from '../../server/app-env.js';
import { deadlinesOfCase } from '../../store/kernel/kysely-deadline-store.js';
import { findingsAbout, listAudits, listAuthorizations, listFindings, listSharings, listUses, readAudit, readAuthorization, readOffenceCategories } from '../../store/oversight/read-uses.js';
import { auditPage, auditsPage, findingsPage, statisticsPage } from '../pages/audit-pages.js';
import { authorizationPage, authorizationsPage } from '../pages/authorization-pages.js';
import { targetRetention } from '../../oversight/authorizations/target-retention.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { formFields, pageFrame, pageResponse } from './page-response.js';

const PAGE_SIZE = 25;
const uuid = z.uuid();
const listQuery = z.object({
  agency: z.string().trim().regex(/^[a-z0-9-]*$/, 'must be a registry id').max(100).optional().transform((v) => (v ? v : undefined)),
  kind: z.union([z.literal('').transform(() => undefined), z.enum(FINDING_KINDS)]).optional(),
  audit: z.union([z.literal('').transform(() => undefined), z.uuid()]).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
const STEPS = new Set(['extend', 'extend-notice', 'give-notice', 'confirm-deletion', 'share', 'unseal']);

const agenciesWhere = (actor: Actor, role: 'officer' | 'auditor') => actor.grants.filter((g) => g.role === role && g.scope.kind === 'agency').map((g) => g.scope.id);
const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** A form's fields as a command's input: empty ones left out, `dc-ID` checkboxes as the data categories, numbers as numbers. */
function formInput(fields: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const categories = DATA_CATEGORIES.filter((c) => fields[`dc-${c.id}`] !== undefined).map((c) => c.id);
  if (categories.length > 0) out['dataCategories'] = categories;
  for (const [key, value] of Object.entries(fields)) {
    if (key === '_csrf' || key.startsWith('dc-')) continue;
    const v = blank(value);
    if (v === undefined) continue;
    out[key] = key === 'retentionDays' && /^\d+$/.test(v) ? Number(v) : v;
  }
  return out;
}

function notFound(what: string): never {
  throw new CommandError({ code: 'NOT_FOUND', message: `There is no ${what} with this id.` });
}

/**
 * Authorised uses, findings, audits and statistics as pages — public to read — and a plain form
 * POST for every step (authorise, use, extension, notice delay, notice, deletion, sharing,
 * unsealing, audit run, sign-off), each answering 303 back to the page it changed.
 */
export function addUsesPageRoutes(app: Hono<AppEnv>, { store, now = () => new Date(), logEntriesFor }: PortalDependencies): void {
  app.get('/authorizations', async (c) => {
    const q = parseInput(listQuery, c.req.query(), 'filters');
    const actor = c.get('auth').actor;
    const page = await listAuthorizations(store.db, { agency: q.agency, limit: PAGE_SIZE, offset: q.offset });
    return pageResponse(c, authorizationsPage(pageFrame(c), { ...page, limit: PAGE_SIZE, offset: q.offset, agency: q.agency, categories: await readOffenceCategories(store.db), officer: agenciesWhere(actor, 'officer').length > 0 }));
  });

  app.post('/authorizations', async (c) => {
    const input = formInput(await formFields(c));
    const created = await runCommand(store, now, c, (ctx, tx) => authorizeUse({ ctx, request: input }, tx));
    return c.redirect(`/authorizations/${created.id}?done=grant`, 303);
  });

  app.get('/authorizations/:id', async (c) => {
    const id = c.req.param('id');
    const authorization = uuid.safeParse(id).success ? await readAuthorization(store.db, id) : null;
    if (!authorization) notFound('authorisation');
    const actor = c.get('auth').actor;
    const canAct = agenciesWhere(actor, 'officer').includes(authorization.agency);
    const [uses, findings, sharings, deadlines] = await Promise.all([
      listUses(store.db, { authorization: id, limit: 20, offset: 0 }),
      findingsAbout(store.db, id, 200),
      listSharings(store.db, id),
      deadlinesOfCase(store.db, 'authorization', id),
    ]);
    return pageResponse(c, authorizationPage(pageFrame(c), {
      authorization, categories: await readOffenceCategories(store.db), uses, sharings, findings, deadlines,
      logEntries: await logEntriesFor?.(`authorization:${id}`), canAct, canUnseal: canAct || atLeast('admin').allows(actor, undefined), done: c.req.query('done') ? 'done' : undefined,
      targetRetention: targetRetention(authorization, now()),
    }));
  });

  app.post('/authorizations/:id/steps/:action', async (c) => {
    const id = c.req.param('id');
    const action = c.req.param('action');
    if (!uuid.safeParse(id).success) notFound('authorisation');
    if (!STEPS.has(action)) throw new CommandError({ code: 'NOT_FOUND', message: `an authorisation has no step "${action}"` });
    const { occurredAt, ...input } = formInput(await formFields(c));
    await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: authorizationWorkflow, id, action, input, ...(occurredAt !== undefined ? { occurredAt } : {}) }, tx));
    return c.redirect(`/authorizations/${id}?done=${action}`, 303);
  });

  app.post('/uses', async (c) => {
    const input = formInput(await formFields(c));
    const use = await runCommand(store, now, c, (ctx, tx) => recordUse({ ctx, request: input }, tx));
    return c.redirect(use.authorization ? `/authorizations/${use.authorization}?done=use` : `/oversight/findings?agency=${use.agency}`, 303);
  });

  app.get('/oversight/findings', async (c) => {
    const q = parseInput(listQuery, c.req.query(), 'filters');
    const page = await listFindings(store.db, { agency: q.agency, kind: q.kind, audit: q.audit, limit: PAGE_SIZE, offset: q.offset });
    return pageResponse(c, findingsPage(pageFrame(c), { ...page, limit: PAGE_SIZE, offset: q.offset, agency: q.agency, kind: q.kind }));
  });

  app.get('/audits', async (c) => {
    const q = parseInput(listQuery, c.req.query(), 'filters');
    const page = await listAudits(store.db, { agency: q.agency, limit: PAGE_SIZE, offset: q.offset });
    return pageResponse(c, auditsPage(pageFrame(c), { ...page, limit: PAGE_SIZE, offset: q.offset, auditorOf: agenciesWhere(c.get('auth').actor, 'auditor') }));
  });

  app.post('/audits', async (c) => {
    const input = formInput(await formFields(c));
    const { case: audit } = await runCommand(store, now, c, (ctx, tx) => openCase({ ctx, workflow: auditWorkflow, via: 'run', input }, tx));
    return c.redirect(`/audits/${audit.id}?done=run`, 303);
  });

  app.get('/audits/:id', async (c) => {
    const id = c.req.param('id');
    const audit = uuid.safeParse(id).success ? await readAudit(store.db, id) : null;
    if (!audit) notFound('audit');
    return pageResponse(c, auditPage(pageFrame(c), {
      audit, findings: await listFindings(store.db, { audit: id, limit: 100, offset: 0 }), categories: await readOffenceCategories(store.db),
      canSignOff: agenciesWhere(c.get('auth').actor, 'auditor').includes(audit.agency), done: c.req.query('done') !== undefined,
    }));
  });

  app.post('/audits/:id/sign-off', async (c) => {
    const id = c.req.param('id');
    if (!uuid.safeParse(id).success) notFound('audit');
    const input = formInput(await formFields(c));
    await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: auditWorkflow, id, action: 'sign-off', input }, tx));
    return c.redirect(`/audits/${id}?done=sign-off`, 303);
  });

  app.get('/oversight/statistics', async (c) => {
    const q = parseInput(listQuery, c.req.query(), 'filters');
    const { items } = await listAudits(store.db, { status: 'signed-off', limit: 100, offset: 0 });
    const chosen = q.audit ? (items.find((a) => a.id === q.audit) ?? notFound('signed-off audit')) : (items[0] ?? null);
    return pageResponse(c, statisticsPage(pageFrame(c), { audits: items, chosen, categories: await readOffenceCategories(store.db) }));
  });
}
