import type { Hono } from 'hono';
import { z } from 'zod';
import { CommandError } from '../../../core/command-error.js';
import { REVIEW_STATUSES, REVIEW_STATUS_LABELS, type AcquisitionReview } from '../../../oversight/reviews/acquisition-review.js';
import { openReview, runReviewStep } from '../../../oversight/reviews/review-commands.js';
import {
  answerFactorInput, consentInput, determinationInput, exemptionInput, noticeInput, openReviewInput, procurementStepInput, resumeInput, stopWorkInput, waiverInput,
} from '../../../oversight/reviews/review-inputs.js';
import { acquisitionReviewWorkflow } from '../../../oversight/reviews/review-workflow.js';
import { KyselyOversightStore } from '../../../store/oversight/kysely-oversight-store.js';
import { readOversightReport } from '../../../store/oversight/read-oversight-report.js';
import { deadlinesOfCase } from '../../../store/kernel/kysely-deadline-store.js';
import { parseIsoDate } from '../../../kernel/calendar/iso-date.js';
import type { CalendarEvent } from '../../../kernel/icalendar/calendar-event.js';
import { renderCalendar } from '../../../kernel/icalendar/render-calendar.js';
import type { Store } from '../../../store/store.js';
import type { AppEnv } from '../../app-env.js';
import { atomFeed } from '../../feeds/atom.js';
import { absoluteUrl } from '../../server-settings.js';
import type { ApiRouter } from '../api-router.js';
import { runCommand } from '../command-runner.js';
import { idParamsSchema, pageQuerySchema } from '../common-schemas.js';
import { pageOf } from '../presenters/page.js';
import { presentReview, reviewPresenter } from '../presenters/review-presenter.js';

const slug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/, 'must be a registry id');
const listQuery = pageQuerySchema.extend({ agency: slug.optional(), status: z.enum(REVIEW_STATUSES).optional(), product: slug.optional(), vendor: slug.optional() });

/** The procurement steps by name, and the workflow action that records each. */
export const PROCUREMENT_STEP_ACTIONS = {
  'dni-assessment-reviewed': 'review-dni-assessment',
  'dni-information-requested': 'request-dni-information',
  'dni-information-answered': 'record-dni-answer',
  'due-diligence': 'complete-due-diligence',
} as const;
const procurementStepBody = procurementStepInput.extend({ step: z.enum(Object.keys(PROCUREMENT_STEP_ACTIONS) as [keyof typeof PROCUREMENT_STEP_ACTIONS]) });

const reportPresenter = z.object({
  year: z.number().int(), agency: z.string().nullable(), generatedAt: z.string(), summary: z.record(z.string(), z.number()), summaryLabels: z.record(z.string(), z.string()),
  sections: z.array(z.object({ key: z.string(), title: z.string(), description: z.string(), columns: z.array(z.object({ key: z.string(), label: z.string(), linkTo: z.string().optional() })), rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))) })),
});

/** A one-line title of a review: "ICE: Graphite (paragon-solutions-us) — Re-evaluation required". */
export function reviewTitle(review: AcquisitionReview): string {
  return `${review.agency}: ${review.product} (${review.vendor}) — ${REVIEW_STATUS_LABELS[review.status]}`;
}

/** Acquisition reviews under EO 14093: the API of every step, and the agency's Atom feed. */
export function addReviewRoutes(app: Hono<AppEnv>, router: ApiRouter, store: Store, now: () => Date): void {
  const reviews = new KyselyOversightStore(store.db);
  const today = () => now().toISOString().slice(0, 10);
  const present = (review: AcquisitionReview) => presentReview(review, today());
  const single = { 200: { description: 'The review after the step', schema: reviewPresenter } };
  const tag = 'oversight';

  router.add(
    { method: 'get', path: '/acquisition-reviews', operationId: 'listAcquisitionReviews', summary: 'Acquisition reviews under EO 14093, newest first', tag, query: listQuery, responses: { 200: { description: 'A page of reviews', schema: pageOf(reviewPresenter) } } },
    async (_c, { query, reply }) => {
      const { items, total } = await reviews.listReviews({ agency: query.agency, status: query.status, product: query.product, vendor: query.vendor }, query.limit, query.offset);
      return reply({ items: items.map(present), total, limit: query.limit, offset: query.offset });
    },
  );
  router.add(
    {
      method: 'post', path: '/acquisition-reviews', operationId: 'openAcquisitionReview', summary: 'Open an acquisition review of a product and vendor from the registry (risk factors arrive pre-filled)', tag,
      body: openReviewInput, permission: acquisitionReviewWorkflow.openings['open']?.policy, responses: { 201: { description: 'The new review', schema: reviewPresenter } },
    },
    async (c, { body, reply }) => reply(present(await runCommand(store, now, c, (ctx, tx) => openReview({ ctx, input: body }, tx))), 201),
  );
  router.add(
    { method: 'get', path: '/acquisition-reviews/{id}', operationId: 'getAcquisitionReview', summary: 'One acquisition review: status, risk factors with evidence, the steps of EO 14093, when operational use may start', tag, params: idParamsSchema, responses: { 200: { description: 'The review', schema: reviewPresenter } } },
    async (_c, { params, reply }) => {
      const review = await reviews.review(params.id);
      if (!review) throw new CommandError({ code: 'NOT_FOUND', message: `no acquisition review "${params.id}"` });
      return reply(present(review));
    },
  );

  const step = <B extends z.ZodType>(operationId: string, path: string, summary: string, action: string, body: B, toInput: (body: z.output<B>, params: Record<string, string>) => unknown = (b) => b, params: z.ZodType<Record<string, string>> = idParamsSchema, actionOf: (body: z.output<B>) => string = () => action) =>
    router.add(
      { method: 'post', path: `/acquisition-reviews/{id}${path}`, operationId, summary, tag, params, body, permission: acquisitionReviewWorkflow.transitions[action]?.policy, responses: single },
      async (c, input) => {
        const id = String(input.params['id']);
        const { review } = await runCommand(store, now, c, (ctx, tx) => runReviewStep({ ctx, id, action: actionOf(input.body), input: toInput(input.body, input.params) }, tx));
        return input.reply(present(review));
      },
    );

  step('answerAcquisitionReviewFactor', '/factors', 'Answer a risk factor with evidence (registry references)', 'answer-factor', answerFactorInput);
  step('recordAcquisitionReviewStep', '/procurement-steps', "Record a procurement step: the DNI's assessment reviewed, information requested from or answered by the DNI, vendor due diligence", 'review-dni-assessment', procurementStepBody, ({ step: _step, ...rest }) => rest, idParamsSchema, (b) => PROCUREMENT_STEP_ACTIONS[b.step]);
  step('determineAcquisitionReview', '/determination', "The certifying official's determination: approve, approve with conditions, deny (a justification is required when a risk factor is present)", 'determine', determinationInput);
  step('recordAcquisitionReviewNotice', '/notice', 'Record the notice to the APNSA: operational use may start 7 calendar days later, or on consent', 'notice', noticeInput);
  step('recordAcquisitionReviewConsent', '/consent', "Record the APNSA's consent", 'consent', consentInput);
  step('stopAcquisitionReviewWork', '/stop-work', 'Record a stop-work order with its reason', 'stop-work', stopWorkInput);
  step('resumeAcquisitionReviewWork', '/resume', 'Lift the stop-work order, with its reason', 'resume', resumeInput);
  step('recordAcquisitionReviewExemption', '/exemptions', 'Record an exempt purchase (notice to the APNSA due within 45 days)', 'exemption', exemptionInput);
  step('recordAcquisitionReviewExemptionNotice', '/exemptions/{exemption}/notice', 'Record the notice to the APNSA of an exempt purchase', 'exemption-notice', z.strictObject({ notifiedOn: z.iso.date() }), (b, p) => ({ ...b, exemption: p['exemption'] }), z.object({ id: slug, exemption: z.string().regex(/^[a-f0-9]{8}$/) }));
  step('recordAcquisitionReviewWaiver', '/waivers', 'Record a waiver of at most one year (notice to the President due within 72 hours)', 'waiver', waiverInput);
  step('recordAcquisitionReviewWaiverNotice', '/waivers/{waiver}/notice', 'Record the notice of a waiver to the President', 'waiver-notice', z.strictObject({ notifiedAt: noticeInput.shape.notifiedAt }), (b, p) => ({ ...b, waiver: p['waiver'] }), z.object({ id: slug, waiver: z.string().regex(/^[a-f0-9]{8}$/) }));

  router.add(
    {
      method: 'get', path: '/oversight/report', operationId: 'getOversightReport', summary: 'The annual oversight report generated from the record: approvals in force with their justification, approvals ended, purchases; authorisations (by court, offence, legal authority, length), extensions, notices, retention, uses, findings and audits — nothing sealed', tag,
      query: z.object({ year: z.coerce.number().int().min(2023).max(2100), agency: slug.optional() }), responses: { 200: { description: 'The report', schema: reportPresenter } },
    },
    async (_c, { query, reply }) => reply(await readOversightReport(store.db, { year: query.year, agency: query.agency ?? null }, now())),
  );

  router.add(
    {
      method: 'get', path: '/oversight/calendar.ics', operationId: 'oversightCalendar', summary: "An agency's acquisition reviews as an iCalendar feed to subscribe to: every deadline (use may start, notices due, waivers expiring) and every re-evaluation required", tag,
      query: z.object({ agency: slug }), responses: { 200: { description: 'RFC 5545 calendar', contentType: 'text/calendar' } },
    },
    async (c, { query }) => {
      const settings = c.get('settings');
      const { items } = await reviews.listReviews({ agency: query.agency }, 500, 0);
      const events: CalendarEvent[] = [];
      for (const r of items) {
        const url = absoluteUrl(settings, `/acquisition-reviews/${r.id}`);
        for (const d of await deadlinesOfCase(store.db, 'acquisition-review', r.id)) {
          events.push({
            uid: `deadline-${d.id}@${settings.publicUrl.host}`, stamp: d.stoppedAt ?? d.firedAt ?? d.startedAt, url, categories: ['acquisition-review', d.kind.replace(/-[0-9a-f]{8}$/, '')],
            time: d.dueDate !== null ? { kind: 'all-day', date: parseIsoDate(d.dueDate) } : { kind: 'instant', at: d.dueAt },
            summary: `${d.label} — ${r.product} (${r.vendor})`, status: d.state === 'stopped' ? 'CANCELLED' : 'CONFIRMED',
            ...(d.state === 'open' ? { alarm: { minutesBefore: d.dueDate !== null ? 3 * 24 * 60 : 60 } } : {}),
          });
        }
        r.reEvaluations.forEach((e, i) => events.push({
          uid: `re-evaluation-${r.id}-${i}@${settings.publicUrl.host}`, stamp: e.at, url, categories: ['acquisition-review', 're-evaluation-required'],
          time: { kind: 'all-day', date: parseIsoDate(e.at.slice(0, 10)) }, summary: `Re-evaluation required — ${r.product} (${r.vendor})`, description: `${e.title} (${e.trigger}) was recorded after the approval.`,
        }));
      }
      const ics = renderCalendar({ prodId: '-//Countersign//Oversight//EN', name: `Countersign: acquisition reviews of ${query.agency}`, events });
      return c.body(ics, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `inline; filename="acquisition-reviews-${query.agency}.ics"` });
    },
  );

  app.get('/feeds/acquisition-reviews.atom', async (c) => {
    const agency = c.req.query('agency');
    if (agency !== undefined && !slug.safeParse(agency).success) throw new CommandError({ code: 'INVALID_INPUT', message: 'agency: must be a registry id', issues: [{ path: 'agency', message: 'must be a registry id' }] });
    const settings = c.get('settings');
    const { items } = await reviews.listReviews({ agency }, 100, 0);
    const sorted = [...items].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
    const self = absoluteUrl(settings, `/feeds/acquisition-reviews.atom${agency ? `?agency=${agency}` : ''}`);
    const feed = atomFeed({
      id: self, title: `Countersign: acquisition reviews${agency ? ` of ${agency}` : ''}`, self, alternate: absoluteUrl(settings, '/acquisition-reviews'),
      updated: sorted[0]?.updatedAt ?? now().toISOString(),
      entries: sorted.map((r) => {
        const last = r.reEvaluations.at(-1);
        return {
          id: `urn:countersign:acquisition-review:${r.id}:${r.updatedAt}`, title: reviewTitle(r), updated: r.updatedAt, published: r.openedAt, link: absoluteUrl(settings, `/acquisition-reviews/${r.id}`),
          summary: r.status === 're-evaluation-required' && last ? `Re-evaluation required: ${last.title} (${last.trigger}) was recorded after the approval.` : `${REVIEW_STATUS_LABELS[r.status]}. Purpose: ${r.purpose}`,
          categories: [r.status, r.agency],
        };
      }),
    });
    return c.body(feed, 200, { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' });
  });
}
