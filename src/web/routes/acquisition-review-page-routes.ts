import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../accounts/actor.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import { REVIEW_STATUSES, type AcquisitionReview } from '../../oversight/reviews/acquisition-review.js';
import { openReview, runReviewStep } from '../../oversight/reviews/review-commands.js';
import { reviewStaff } from '../../oversight/reviews/review-workflow.js';
import { runCommand } from '../../server/api/command-runner.js';
import type { AppEnv } from '../../server/app-env.js';
import { KyselyOversightStore } from '../../store/oversight/kysely-oversight-store.js';
import { deadlinesOfCase } from '../../store/kernel/kysely-deadline-store.js';
import type { Database } from '../../store/schema.js';
import { acquisitionReviewPage } from '../pages/acquisition-review-page.js';
import { acquisitionReviewsPage } from '../pages/acquisition-reviews-page.js';
import { oversightReportPage } from '../pages/oversight-report-page.js';
import { oversightReportPdf } from '../../oversight/report/oversight-report-pdf.js';
import { readOversightReport } from '../../store/oversight/read-oversight-report.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { formFields, pageFrame, pageResponse } from './page-response.js';

const PAGE_SIZE = 25;
const reportQuery = z.object({
  year: z.coerce.number().int().min(2023).max(2100).optional(),
  agency: z.string().trim().regex(/^[a-z0-9-]*$/, 'must be a registry id').max(100).optional().transform((v) => (v ? v : undefined)),
});
const slug = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;
const listQuery = z.object({
  agency: z.string().trim().regex(/^[a-z0-9-]*$/, 'must be a registry id').max(100).optional().transform((v) => (v ? v : undefined)),
  status: z.union([z.literal('').transform(() => undefined), z.enum(REVIEW_STATUSES)]).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** Names and titles of the records reviews refer to, by reference (`organization:ice` → its name). */
export async function referenceTitles(db: Kysely<Database>, refs: Iterable<string>): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const ref of refs) {
    const at = ref.indexOf(':');
    if (at > 0) byType.set(ref.slice(0, at), (byType.get(ref.slice(0, at)) ?? new Set()).add(ref.slice(at + 1)));
  }
  const out = new Map<string, string>();
  const ids = (type: string) => [...(byType.get(type) ?? [])];
  const put = (type: string, rows: { id: string; title: string }[]) => rows.forEach((r) => out.set(`${type}:${r.id}`, r.title));
  if (ids('organization').length) put('organization', await db.selectFrom('organizations').select(['id', 'name as title']).where('id', 'in', ids('organization')).execute());
  if (ids('product').length) put('product', await db.selectFrom('products').select(['id', 'name as title']).where('id', 'in', ids('product')).execute());
  if (ids('incident').length) put('incident', await db.selectFrom('incidents').select(['id', 'title']).where('id', 'in', ids('incident')).execute());
  if (ids('source').length) put('source', await db.selectFrom('sources').select(['id', 'title']).where('id', 'in', ids('source')).execute());
  if (ids('contract').length) for (const piid of ids('contract')) out.set(`contract:${piid}`, `Contract ${piid}`);
  if (ids('designation').length) put('designation', (await db.selectFrom('designations').select(['id', 'authority', 'list', 'listedDate']).where('id', 'in', ids('designation')).execute()).map((d) => ({ id: d.id, title: `${d.authority} ${d.list}, listed ${d.listedDate}` })));
  if (ids('relationship').length) put('relationship', (await db.selectFrom('relationships').select(['id', 'fromId', 'type', 'toId']).where('id', 'in', ids('relationship')).execute()).map((r) => ({ id: r.id, title: `${r.fromId} ${r.type.replace(/-/g, ' ')} ${r.toId}` })));
  return out;
}

/** Every registry reference a review makes. */
export function referencesOf(review: AcquisitionReview): string[] {
  return [
    `organization:${review.agency}`, `organization:${review.vendor}`, `product:${review.product}`, ...(review.contract ? [`contract:${review.contract}`] : []),
    ...review.sources.map((s) => `source:${s}`), ...review.factors.flatMap((f) => f.evidence), ...review.stopWork.flatMap((o) => [...o.evidence, ...o.liftEvidence]),
    ...Object.values(review.steps).flatMap((s) => s?.evidence ?? []),
  ];
}

/** The agencies this reader may open a review for: null for any (admins), 'none' for none. */
function openableAgencies(actor: Actor): readonly string[] | null | 'none' {
  if (reviewStaff.allows(actor, { scopes: [] })) return null;
  const agencies = actor.grants.filter((g) => g.role === 'officer' && g.scope.kind === 'agency').map((g) => g.scope.id);
  return agencies.length > 0 ? agencies : 'none';
}

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
const list = (v: string | undefined, split: RegExp) => (blank(v) === undefined ? undefined : (v ?? '').split(split).map((s) => s.trim()).filter((s) => s !== ''));

/** A step form's fields as the step's input: empty fields left out, evidence one reference per line. */
function stepInput(fields: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === '_csrf' || key === 'step') continue;
    const v = key === 'evidence' ? list(value, /[\s,]+/) : blank(value);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

const PROCUREMENT_ACTIONS: Readonly<Record<string, string>> = {
  'dni-assessment-reviewed': 'review-dni-assessment', 'dni-information-requested': 'request-dni-information', 'dni-information-answered': 'record-dni-answer', 'due-diligence': 'complete-due-diligence',
};
const FORM_ACTIONS = new Set(['answer-factor', 'determine', 'notice', 'consent', 'stop-work', 'resume', 'exemption', 'exemption-notice', 'waiver', 'waiver-notice']);

/**
 * Acquisition reviews as pages: the list (`/acquisition-reviews`, with the form that opens one),
 * each review's public case page, and a plain form POST for every step (303 back to the page).
 */
export function addAcquisitionReviewPageRoutes(app: Hono<AppEnv>, { store, now = () => new Date(), logEntriesFor }: PortalDependencies): void {
  const reviews = new KyselyOversightStore(store.db);

  app.get('/acquisition-reviews', async (c) => {
    const q = parseInput(listQuery, c.req.query(), 'review filters');
    const { items, total } = await reviews.listReviews({ agency: q.agency, status: q.status }, PAGE_SIZE, q.offset);
    const openFor = openableAgencies(c.get('auth').actor);
    const refs = [...items.flatMap((r) => [`organization:${r.agency}`, `organization:${r.vendor}`, `product:${r.product}`]), ...(Array.isArray(openFor) ? openFor.map((a) => `organization:${a}`) : [])];
    const choices = openFor === 'none' ? undefined : {
      products: await store.db.selectFrom('products').select(['id', 'name']).orderBy('name').limit(1000).execute(),
      vendors: await store.db.selectFrom('organizations').select(['id', 'name']).where('kind', '=', 'vendor').orderBy('name').limit(2000).execute(),
    };
    return pageResponse(c, acquisitionReviewsPage(pageFrame(c), { items, total, limit: PAGE_SIZE, offset: q.offset, filters: { agency: q.agency, status: q.status }, titles: await referenceTitles(store.db, refs), openFor, ...(choices ? { choices } : {}) }));
  });

  app.post('/acquisition-reviews', async (c) => {
    const fields = await formFields(c);
    const input = { ...stepInput(fields), ...(blank(fields['uses']) ? { uses: list(fields['uses'], /\r?\n/) } : {}) };
    const review = await runCommand(store, now, c, (ctx, tx) => openReview({ ctx, input }, tx));
    return c.redirect(`/acquisition-reviews/${review.id}?done=open`, 303);
  });

  app.get('/acquisition-reviews/:id', async (c) => {
    const id = c.req.param('id');
    const review = slug.test(id) ? await reviews.review(id) : null;
    if (!review) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no acquisition review with this id.' });
    const done = c.req.query('done');
    return pageResponse(c, acquisitionReviewPage(pageFrame(c), {
      review, titles: await referenceTitles(store.db, referencesOf(review)), today: now().toISOString().slice(0, 10),
      logEntries: await logEntriesFor?.(`acquisition-review:${review.id}`), deadlines: await deadlinesOfCase(store.db, 'acquisition-review', review.id), done: done && /^[a-z-]{1,40}$/.test(done) ? done : undefined,
    }));
  });

  const report = async (query: Record<string, string>) => {
    const q = parseInput(reportQuery, query, 'report');
    return readOversightReport(store.db, { year: q.year ?? now().getUTCFullYear(), agency: q.agency ?? null }, now());
  };
  app.get('/oversight/report', async (c) => pageResponse(c, oversightReportPage(pageFrame(c), await report(c.req.query()))));
  app.get('/oversight/report.json', async (c) => c.json(await report(c.req.query())));
  app.get('/oversight/report.pdf', async (c) => {
    const r = await report(c.req.query());
    const bytes = await oversightReportPdf(r);
    return c.body(bytes.slice().buffer, 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="oversight-report-${r.year}${r.agency ? `-${r.agency}` : ''}.pdf"` });
  });

  app.post('/acquisition-reviews/:id/steps/:action', async (c) => {
    const id = c.req.param('id');
    const given = c.req.param('action');
    if (!slug.test(id)) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no acquisition review with this id.' });
    const fields = await formFields(c);
    const action = given === 'procurement' ? PROCUREMENT_ACTIONS[fields['step'] ?? ''] : FORM_ACTIONS.has(given) ? given : undefined;
    if (!action) throw new CommandError({ code: given === 'procurement' ? 'INVALID_INPUT' : 'NOT_FOUND', message: given === 'procurement' ? 'step: choose one of the procurement steps' : `an acquisition review has no step "${given}"`, issues: given === 'procurement' ? [{ path: 'step', message: 'unknown step' }] : [] });
    await runCommand(store, now, c, (ctx, tx) => runReviewStep({ ctx, id, action, input: stepInput(fields) }, tx));
    return c.redirect(`/acquisition-reviews/${id}?done=${action}`, 303);
  });
}
