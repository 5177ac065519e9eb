import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { authorizePolicy } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import { agencyOfficer, boardClerk } from '../../oversight/dockets/docket-rules.js';
import { docketWorkflow } from '../../oversight/dockets/docket-workflow.js';
import { jurisdictionPreset } from '../../oversight/dockets/jurisdiction-presets.js';
import { docketStep, openDocket } from '../../oversight/dockets/open-docket.js';
import { findingPolicy, recordDocketFinding } from '../../oversight/dockets/record-docket-finding.js';
import { runCommand } from '../../server/api/command-runner.js';
import type { AppEnv } from '../../server/app-env.js';
import { rateLimit } from '../../server/middleware/rate-limit.js';
import { listDockets, listFindings, readApprovedTechnologies, readDocketDetail, readPendingComments } from '../../store/oversight/dockets/read-dockets.js';
import { DatabaseRateLimiter } from '../../store/rate-limits/database-rate-limiter.js';
import { docketsIndexPage, jurisdictionPage, moderationPage, newDocketPage, newFindingPage } from '../pages/docket-index-pages.js';
import { docketPage, type CommentFormValues } from '../pages/docket-page.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { formFields, found, pageFrame, pageResponse } from './page-response.js';

const uuid = z.uuid();
const STEPS = new Set(['revise', 'notice', 'hearing', 'vote', 'decide', 'fileReport', 'renew', 'moderate']);

/** Non-empty trimmed lines of a text area. */
const lines = (text: string | undefined) => (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
/** The fields with a prefix (`sections.costs`), non-empty, without it. */
function prefixed(fields: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([k, v]) => k.startsWith(prefix) && v.trim() !== '').map(([k, v]) => [k.slice(prefix.length), v]));
}
/** The optional fields that were filled in. */
function filled(fields: Record<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => (fields[n] ?? '').trim() !== '').map((n) => [n, fields[n] ?? '']));
}

/** A staff form's fields as the step's input: the same shape the API takes. */
function stepInput(action: string, fields: Record<string, string>): unknown {
  switch (action) {
    case 'revise': return { ...filled(fields, ['title']), proposal: { impactReport: prefixed(fields, 'impactReport.'), usePolicy: prefixed(fields, 'usePolicy.') } };
    case 'notice': return { publishedAt: fields['publishedAt'] ?? '' };
    case 'hearing': return {
      heldOn: fields['heldOn'] ?? '', ...filled(fields, ['summary']),
      documents: lines(fields['documents']).map((line) => {
        const [title = '', url = ''] = line.split(' | ').map((part) => part.trim());
        return url ? { title, url } : { title };
      }),
    };
    case 'vote': return { vote: fields['vote'] ?? '', ...filled(fields, ['note']) };
    case 'decide': return { outcome: fields['outcome'] ?? '', conditions: lines(fields['conditions']), ...filled(fields, ['note', 'reportDueOn', 'expiresOn']) };
    case 'fileReport': return { sections: prefixed(fields, 'sections.') };
    case 'renew': return { expiresOn: fields['expiresOn'] ?? '', ...filled(fields, ['note']) };
    case 'moderate': return { comment: fields['comment'] ?? '', decision: fields['decision'] ?? '' };
    default: throw new CommandError({ code: 'NOT_FOUND', message: `a docket has no step "${action}"` });
  }
}

/**
 * The docket pages: the index, each jurisdiction's approved technologies and report status, each
 * docket's public page with its comment form (no JavaScript, no account; rate-limited like tips),
 * the clerk's moderation page, and a plain form for every staff step.
 */
export function addDocketPageRoutes(app: Hono<AppEnv>, { store, now = () => new Date(), logEntriesFor }: PortalDependencies): void {
  app.use('/dockets/:id/comments', rateLimit(new DatabaseRateLimiter(store.db, store.sqlite), (limits) => limits.tips, ['POST']));
  const docketId = (c: Context<AppEnv>) => {
    const id = c.req.param('id') ?? '';
    if (!uuid.safeParse(id).success) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no docket with this reference.' });
    return id;
  };
  const showDocket = async (c: Context<AppEnv>, id: string, comment: { values: CommentFormValues; issues: CommandError['issues']; received: boolean }, status: 200 | 400 = 200) => {
    const detail = found(await readDocketDetail(store.db, id), 'docket with this reference');
    const preset = found(jurisdictionPreset(detail.docket.jurisdiction), 'jurisdiction for this docket');
    return pageResponse(c, docketPage(pageFrame(c), detail, preset, { ...comment, now: now() }, await logEntriesFor?.(`docket:${id}`)), status);
  };

  app.get('/dockets', async (c) => {
    const actor = c.get('auth').actor;
    const page = await listDockets(store.db, { limit: 200, offset: 0 });
    const findings = await listFindings(store.db, { limit: 50, offset: 0 });
    return pageResponse(c, docketsIndexPage(pageFrame(c), { dockets: page.items, total: page.total, findings: findings.items, canOpen: actor.kind === 'user' && (actor.role === 'admin' || actor.grants.some((g) => g.role === 'officer')), canRecordFinding: actor.kind === 'user' && (findingPolicy.allows(actor, { scopes: actor.grants.filter((g) => g.scope.kind === 'board').map((g) => g.scope) })) }));
  });
  app.get('/dockets/new', (c) => {
    const actor = c.get('auth').actor;
    authorizePolicy(actor, 'open a docket', agencyOfficer, { scopes: actor.grants.filter((g) => g.role === 'officer').map((g) => g.scope) });
    return pageResponse(c, newDocketPage(pageFrame(c)));
  });
  app.post('/dockets/new', async (c) => {
    const fields = await formFields(c);
    const input = { jurisdiction: fields['jurisdiction'] ?? '', agency: fields['agency'] ?? '', technology: fields['technology'] ?? '', title: fields['title'] ?? '', ...filled(fields, ['vendor']) };
    const docket = await runCommand(store, now, c, (ctx, tx) => openDocket({ ctx, docket: input }, tx));
    return c.redirect(`/dockets/${docket.id}`, 303);
  });
  app.get('/dockets/findings/new', (c) => {
    const actor = c.get('auth').actor;
    authorizePolicy(actor, 'record a finding', findingPolicy, { scopes: actor.grants.filter((g) => g.scope.kind === 'board').map((g) => g.scope) });
    return pageResponse(c, newFindingPage(pageFrame(c)));
  });
  app.post('/dockets/findings/new', async (c) => {
    const fields = await formFields(c);
    const sources = (fields['sources'] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
    const finding = { jurisdiction: fields['jurisdiction'] ?? '', agency: fields['agency'] ?? '', technology: fields['technology'] ?? '', observedOn: fields['observedOn'] ?? '', description: fields['description'] ?? '', sources };
    await runCommand(store, now, c, (ctx, tx) => recordDocketFinding({ ctx, finding }, tx));
    return c.redirect(`/dockets/jurisdictions/${encodeURIComponent(finding.jurisdiction)}`, 303);
  });
  app.get('/dockets/jurisdictions/:jurisdiction', async (c) => {
    const preset = found(jurisdictionPreset(c.req.param('jurisdiction')), 'jurisdiction with this name');
    const [approved, dockets, findings] = [await readApprovedTechnologies(store.db, preset.id), await listDockets(store.db, { jurisdiction: preset.id, limit: 200, offset: 0 }), await listFindings(store.db, { jurisdiction: preset.id, limit: 100, offset: 0 })];
    return pageResponse(c, jurisdictionPage(pageFrame(c), preset, { approved, dockets: dockets.items, findings: findings.items }));
  });
  app.get('/dockets/:id', async (c) => showDocket(c, docketId(c), { values: { text: '', contact: '' }, issues: [], received: c.req.query('comment') === 'received' }));
  app.post('/dockets/:id/comments', async (c) => {
    const id = docketId(c);
    const fields = await formFields(c);
    const values: CommentFormValues = { text: fields['text'] ?? '', contact: fields['contact'] ?? '' };
    try {
      await runCommand(store, now, c, (ctx, tx) => docketStep({ ctx, id, action: 'comment', input: { text: values.text, ...filled(fields, ['contact']) } }, tx));
    } catch (error) {
      if (error instanceof CommandError && error.code === 'INVALID_INPUT') return showDocket(c, id, { values, issues: error.issues, received: false }, 400);
      throw error;
    }
    return c.redirect(`/dockets/${id}?comment=received#comments`, 303);
  });
  app.get('/dockets/:id/moderation', async (c) => {
    const id = docketId(c);
    const detail = found(await readDocketDetail(store.db, id), 'docket with this reference');
    authorizePolicy(c.get('auth').actor, 'moderate comments on this docket', boardClerk, docketWorkflow.resourceOf(detail.docket));
    return pageResponse(c, moderationPage(pageFrame(c), detail.docket, await readPendingComments(store.db, id)));
  });
  app.post('/dockets/:id/steps/:action', async (c) => {
    const id = docketId(c);
    const action = c.req.param('action');
    if (!STEPS.has(action)) throw new CommandError({ code: 'NOT_FOUND', message: `a docket has no step "${action}"` });
    const input = stepInput(action, await formFields(c));
    await runCommand(store, now, c, (ctx, tx) => docketStep({ ctx, id, action, input }, tx));
    return c.redirect(action === 'moderate' ? `/dockets/${id}/moderation` : `/dockets/${id}`, 303);
  });
}
