import type { Hono } from 'hono';
import { z } from 'zod';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import { transition } from '../../kernel/workflow/transition.js';
import { addRiskListEntry } from '../../oversight/export-licenses/add-risk-list-entry.js';
import { applyForExportLicense } from '../../oversight/export-licenses/apply-for-export-license.js';
import { riskEntriesFor } from '../../oversight/export-licenses/destination-risk-list.js';
import { LICENSE_STATUSES } from '../../oversight/export-licenses/export-license.js';
import { exportLicenseWorkflow } from '../../oversight/export-licenses/export-license-workflow.js';
import { runCommand } from '../../server/api/command-runner.js';
import type { AppEnv } from '../../server/app-env.js';
import { KyselyExportLicenseStore } from '../../store/oversight/export-licenses/kysely-export-license-store.js';
import { readExportLicense, readExportLicenseList } from '../../store/oversight/export-licenses/read-export-licenses.js';
import { exportLicensePage } from '../pages/export-license-page.js';
import { destinationRiskListPage, exportLicenseApplyPage, exportLicenseListPage, type ApplicationFormValues } from '../pages/export-license-list-page.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { formFields, found, pageFrame, pageResponse } from './page-response.js';

const PAGE = 50;
const listQuery = z.object({ status: z.enum(LICENSE_STATUSES).optional(), offset: z.coerce.number().int().min(0).max(100_000).default(0) });

/**
 * What was just done, by key: the confirmation after a redirect. Only these fixed sentences are
 * shown, so a crafted link cannot put words of its own on the page.
 */
const DONE: Readonly<Record<string, string>> = {
  filed: 'The application is filed.', refused: 'The application was refused on screening.', review: 'The review has started.', approval: 'The licence is approved with its provisos.',
  denial: 'The application is denied.', evidence: 'The evidence is recorded.', 'revocation-review': 'The licence is under revocation review.', revocation: 'The licence is revoked.',
  reinstatement: 'The licence is reinstated.', incidents: 'The incident is linked.', 'risk-entry': 'The entry is on the list.',
};
const doneText = (key: string | undefined) => (key !== undefined && Object.hasOwn(DONE, key) ? DONE[key] : undefined);

/** Form fields as a step's input: empty fields are left out, as if never filled in. */
function filled(fields: Record<string, string>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = (fields[name] ?? '').trim();
    if (value !== '') out[name] = value;
  }
  return out;
}

/** The provisos of the approval form (rows 1–4; a row without a condition is left out). */
function provisosOf(fields: Record<string, string>): Record<string, string>[] {
  return [1, 2, 3, 4].flatMap((n) => {
    const text = (fields[`provisoText${n}`] ?? '').trim();
    if (text === '') return [];
    const due = (fields[`provisoDue${n}`] ?? '').trim();
    return [{ kind: fields[`provisoKind${n}`] ?? '', text, ...(due ? { dueDate: due } : {}) }];
  });
}

const list = (text: string | undefined) => (text ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');

/** What each form posts: the workflow step, and how its fields become the step's input. */
const STEP_FORMS: Readonly<Record<string, { action: string; input: (f: Record<string, string>) => Record<string, unknown> }>> = {
  review: { action: 'review', input: (f) => filled(f, ['note']) },
  approval: { action: 'approve', input: (f) => ({ ...filled(f, ['note']), provisos: provisosOf(f) }) },
  denial: { action: 'deny', input: (f) => filled(f, ['reasons']) },
  evidence: { action: 'record-evidence', input: (f) => filled(f, ['proviso', 'summary', 'url']) },
  incidents: { action: 'link-incident', input: (f) => filled(f, ['reasons', 'incident']) },
  'revocation-review': { action: 'open-revocation-review', input: (f) => filled(f, ['reasons', 'incident']) },
  revocation: { action: 'revoke', input: (f) => filled(f, ['reasons']) },
  reinstatement: { action: 'reinstate', input: (f) => filled(f, ['reasons']) },
};

/**
 * Export-licence pages (issue #9): the list, the application form, each licence's public page with
 * the staff's forms for every step, and the destination risk list with its administrators' form.
 *
 * @example
 * addExportLicensePageRoutes(app, { store, now, logEntriesFor });
 */
export function addExportLicensePageRoutes(app: Hono<AppEnv>, { store, now = () => new Date(), logEntriesFor }: PortalDependencies): void {
  app.get('/export-licenses', async (c) => {
    const query = parseInput(listQuery, c.req.query(), 'licence list');
    const { items, total } = await readExportLicenseList(store.db, { ...(query.status ? { statuses: [query.status] } : {}), limit: PAGE, offset: query.offset });
    return pageResponse(c, exportLicenseListPage(pageFrame(c), { status: query.status, items, total, offset: query.offset, limit: PAGE }));
  });
  app.get('/export-licenses/new', (c) => pageResponse(c, exportLicenseApplyPage(pageFrame(c))));
  app.post('/export-licenses/new', async (c) => {
    const fields = await formFields(c);
    const value = (name: string) => fields[name] ?? '';
    const values: ApplicationFormValues = {
      exporter: value('exporter'), item: value('item'), eccn: value('eccn'), endUser: value('endUser'), endUse: value('endUse'), destination: value('destination'), licensingAgency: value('licensingAgency'),
    };
    try {
      const application = filled(fields, Object.keys(values));
      const { case: licence } = await runCommand(store, now, c, (ctx, tx) => applyForExportLicense({ ctx, application }, tx));
      return c.redirect(`/export-licenses/${licence.id}?done=${licence.status === 'refused' ? 'refused' : 'filed'}`, 303);
    } catch (error) {
      if (error instanceof CommandError && error.code === 'INVALID_INPUT') return pageResponse(c, exportLicenseApplyPage(pageFrame(c), values, error.issues), 400);
      throw error;
    }
  });
  app.get('/export-licenses/:id', async (c) => {
    const id = c.req.param('id');
    const view = found(z.uuid().safeParse(id).success ? await readExportLicense(store.db, id) : null, 'export licence with this id');
    const log = logEntriesFor ? await logEntriesFor(`export-license:${id}`) : undefined;
    return pageResponse(c, exportLicensePage(pageFrame(c), view, log, doneText(c.req.query('done'))));
  });
  app.post('/export-licenses/:id/:step', async (c) => {
    const id = c.req.param('id');
    const form = Object.hasOwn(STEP_FORMS, c.req.param('step')) ? STEP_FORMS[c.req.param('step')] : undefined;
    if (!form || !z.uuid().safeParse(id).success) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no such export-licence step.' });
    const fields = await formFields(c);
    const occurredAt = (fields['occurredAt'] ?? '').trim();
    try {
      await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: exportLicenseWorkflow, id, action: form.action, input: form.input(fields), ...(occurredAt ? { occurredAt } : {}) }, tx));
    } catch (error) {
      // What was wrong, on the licence's own page (the step changed nothing).
      const view = error instanceof CommandError && (error.code === 'INVALID_INPUT' || error.code === 'CONFLICT') ? await readExportLicense(store.db, id) : null;
      if (view && error instanceof CommandError) return pageResponse(c, exportLicensePage(pageFrame(c), view, logEntriesFor ? await logEntriesFor(`export-license:${id}`) : undefined, undefined, error), error.code === 'CONFLICT' ? 409 : 400);
      throw error;
    }
    return c.redirect(`/export-licenses/${id}?done=${c.req.param('step')}`, 303);
  });
  app.get('/destination-risk-list', async (c) => {
    return pageResponse(c, destinationRiskListPage(pageFrame(c), await riskEntriesFor(new KyselyExportLicenseStore(store.db)), doneText(c.req.query('done'))));
  });
  app.post('/destination-risk-list', async (c) => {
    const fields = await formFields(c);
    const entry = { ...filled(fields, ['country', 'reason']), sources: list(fields['sources']), incidents: list(fields['incidents']) };
    await runCommand(store, now, c, (ctx, tx) => addRiskListEntry({ ctx, entry }, tx));
    return c.redirect(`/destination-risk-list?done=risk-entry`, 303);
  });
}
