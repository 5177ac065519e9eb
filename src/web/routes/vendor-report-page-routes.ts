import type { Hono } from 'hono';
import { z } from 'zod';
import { atLeast } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import { openCase, transition } from '../../kernel/workflow/transition.js';
import { targetNoticeWorkflow } from '../../disclosure/target-notices/target-notice-workflow.js';
import { AGENCY_TYPE_LABELS, AGENCY_TYPES } from '../../disclosure/vendor-reports/vendor-report-store.js';
import { vendorReportWorkflow } from '../../disclosure/vendor-reports/vendor-report-workflow.js';
import { runCommand } from '../../server/api/command-runner.js';
import type { AppEnv } from '../../server/app-env.js';
import { recordLabels, remedyStores } from '../../store/disclosure/kysely-remedy-stores.js';
import { targetNoticesPage, vendorReportFormPage, vendorReportPage, type VendorReportFormValues } from '../pages/vendor-report-pages.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { formFields, pageFrame, pageResponse } from './page-response.js';

const uuid = z.uuid();

/** A type of agency as typed: its label ("Law enforcement") or its key. */
function agencyType(text: string): string {
  const t = text.trim().toLowerCase();
  return AGENCY_TYPES.find((k) => k === t || AGENCY_TYPE_LABELS[k].toLowerCase() === t) ?? t;
}

/** `country | type | text` lines → objects (the schema then says what is wrong, line by line). */
function lines(text: string, last: 'description' | 'reason'): Record<string, string>[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((line) => {
    const [country = '', type = '', ...rest] = line.split('|');
    const value = rest.join('|').trim();
    return { country: country.trim().toUpperCase(), agencyType: agencyType(type), ...(value || last === 'reason' ? { [last]: value } : {}) };
  });
}

async function vendorName(store: PortalDependencies['store'], id: string): Promise<string> {
  const row = await store.db.selectFrom('organizations').select('name').where('id', '=', id).executeTakeFirst();
  if (!row) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no organization with this id in the registry.' });
  return row.name;
}

/** Vendor transparency reports (form, page, annotation form) and the notices-to-targets list with its step forms. */
export function addVendorReportPageRoutes(app: Hono<AppEnv>, { store, now = () => new Date() }: PortalDependencies): void {
  app.get('/vendor-reports/new', async (c) => {
    const vendor = c.req.query('vendor') ?? '';
    const values: VendorReportFormValues = { vendor, year: String(now().getUTCFullYear() - 1), selfIdentification: '', products: '', dueDiligence: '', risksAddressed: '', sales: '', rejectedClients: '' };
    return pageResponse(c, vendorReportFormPage(pageFrame(c), await vendorName(store, vendor), values, []));
  });
  app.post('/vendor-reports/new', async (c) => {
    const f = await formFields(c);
    const values: VendorReportFormValues = {
      vendor: f['vendor'] ?? '', year: f['year'] ?? '', selfIdentification: f['selfIdentification'] ?? '', products: f['products'] ?? '', dueDiligence: f['dueDiligence'] ?? '',
      risksAddressed: f['risksAddressed'] ?? '', sales: f['sales'] ?? '', rejectedClients: f['rejectedClients'] ?? '',
    };
    const input = {
      vendor: values.vendor, year: values.year, selfIdentification: values.selfIdentification, dueDiligence: values.dueDiligence, risksAddressed: values.risksAddressed,
      products: values.products.split(/\r?\n/).map((p) => p.trim()).filter(Boolean), sales: lines(values.sales, 'description'), rejectedClients: lines(values.rejectedClients, 'reason'),
    };
    try {
      const { case: report } = await runCommand(store, now, c, (ctx, tx) => openCase({ ctx, workflow: vendorReportWorkflow, via: 'file', input }, tx));
      return c.redirect(`/vendor-reports/${report.id}`, 303);
    } catch (error) {
      if (error instanceof CommandError && error.code === 'INVALID_INPUT') return pageResponse(c, vendorReportFormPage(pageFrame(c), await vendorName(store, values.vendor), values, error.issues), 400);
      throw error;
    }
  });
  app.get('/vendor-reports/:id', async (c) => {
    const id = c.req.param('id');
    const report = uuid.safeParse(id).success ? await remedyStores(store.db).vendorReports.findReport(id) : null;
    if (!report) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no transparency report with this reference.' });
    const labels = await recordLabels(store.db, { sources: report.annotations.map((a) => a.sourceId), incidents: report.annotations.map((a) => a.incidentId) });
    return pageResponse(c, vendorReportPage(pageFrame(c), report, await vendorName(store, report.vendor), atLeast('analyst').allows(c.get('auth').actor, undefined), labels));
  });
  app.post('/vendor-reports/:id/annotations', async (c) => {
    const id = c.req.param('id');
    if (!uuid.safeParse(id).success) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no transparency report with this reference.' });
    const f = await formFields(c);
    const input = { note: f['note'] ?? '', ...(f['source']?.trim() ? { source: f['source'].trim() } : {}), ...(f['incident']?.trim() ? { incident: f['incident'].trim() } : {}) };
    await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: vendorReportWorkflow, id, action: 'annotate', input }, tx));
    return c.redirect(`/vendor-reports/${id}`, 303);
  });

  app.get('/target-notices', async (c) => {
    const actor = c.get('auth').actor;
    const { items } = await remedyStores(store.db).notices.listNotices({ limit: 200, offset: 0 });
    const policy = targetNoticeWorkflow.transitions['prepare']!.policy;
    const labels = await recordLabels(store.db, { organizations: items.map((n) => n.agency) });
    return pageResponse(c, targetNoticesPage(pageFrame(c), items.map((notice) => ({ notice, canAct: policy.allows(actor, targetNoticeWorkflow.resourceOf(notice)) })), labels));
  });
  for (const action of ['prepare', 'send'] as const) {
    app.post(`/target-notices/:id/${action}`, async (c) => {
      const id = c.req.param('id');
      if (!uuid.safeParse(id).success) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no notice with this reference.' });
      const f = await formFields(c);
      const input = action === 'send' ? { sentOn: f['sentOn'] ?? '', method: f['method'] ?? '' } : {};
      await runCommand(store, now, c, (ctx, tx) => transition({ ctx, workflow: targetNoticeWorkflow, id, action, input }, tx));
      return c.redirect('/target-notices', 303);
    });
  }
}
