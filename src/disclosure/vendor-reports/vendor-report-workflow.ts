import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { atLeast, scoped } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import { stepsFor, type Workflow } from '../../kernel/workflow/workflow.js';
import { countrySchema, recordIdSchema } from '../../registry/schemas/common.js';
import type { RemedyTransaction } from '../remedy-transaction.js';
import { AGENCY_TYPES, type VendorReportRow } from './vendor-report-store.js';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** A yearly transparency report as a vendor representative files it. */
export const vendorReportSchema = z.strictObject({
  vendor: recordIdSchema,
  year: z.coerce.number().int().min(2000),
  selfIdentification: text(5000),
  products: z.array(text(300)).min(1, 'name at least one product or service').max(100),
  dueDiligence: text(20_000),
  risksAddressed: text(20_000),
  sales: z.array(z.strictObject({ country: countrySchema, agencyType: z.enum(AGENCY_TYPES), description: text(1000).optional() })).max(1000),
  rejectedClients: z.array(z.strictObject({ country: countrySchema, agencyType: z.enum(AGENCY_TYPES), reason: text(2000) })).max(1000),
});

/** An analyst's sourced contradiction: a note, and a registry source or incident (or both) it rests on. */
export const annotationSchema = z.strictObject({
  note: text(5000),
  source: recordIdSchema.optional(),
  incident: recordIdSchema.optional(),
}).refine((a) => a.source !== undefined || a.incident !== undefined, { message: 'cite a registry source or incident', path: ['source'] });

const step = stepsFor<VendorReportRow, RemedyTransaction>();
const resourceOf = (r: { vendor: string }) => ({ scopes: [{ kind: 'vendor' as const, id: r.vendor }] });

/**
 * Vendors' yearly transparency reports (the 2021 joint letter, item d): a vendor's
 * representative files one per calendar year — self-identification, products and services,
 * due diligence and how risks were addressed, sales (country and type of agency), clients
 * rejected on human-rights grounds. Published at once; analysts annotate contradictions, each
 * citing a registry source or incident. Everything here is public and replays from the log.
 */
export const vendorReportWorkflow: Workflow<VendorReportRow, RemedyTransaction> = {
  caseType: 'vendor-report',
  idField: 'report',
  label: 'transparency report',
  states: { published: { label: 'Published' } },
  load: (tx, id) => tx.remedy.vendorReports.findReport(id),
  stateOf: (r) => r.status,
  resourceOf,
  readableBy: () => true,
  openings: { file: step.opening({
    label: 'File a transparency report', event: 'disclosure.vendor-report.filed', to: 'published', policy: scoped('vendor-representative'), input: vendorReportSchema,
    resourceOf: (input) => resourceOf(input),
    async guard({ ctx, input, tx }) {
      if (input.year > ctx.now.getUTCFullYear()) throw new CommandError({ code: 'INVALID_INPUT', message: `a report covers a year that has begun; ${input.year} has not`, issues: [{ path: 'year', message: 'must not be in the future' }] });
      if (!(await tx.remedy.lookups.recordExists('organization', input.vendor))) throw new CommandError({ code: 'INVALID_INPUT', message: `no organisation "${input.vendor}" in the registry`, issues: [{ path: 'vendor', message: 'unknown organisation' }] });
      const existing = await tx.remedy.vendorReports.findReportFor(input.vendor, input.year);
      if (existing) throw new CommandError({ code: 'CONFLICT', message: `${input.vendor} already filed its ${input.year} report (${existing.id})` });
    },
    async create({ ctx, input, tx }) {
      const id = randomUUID();
      await tx.remedy.vendorReports.insertReport({ ...input, id, status: 'published', filedBy: ctx.actor.actorId, filedAt: ctx.now.toISOString() });
      return { id, data: { ...input, sales: input.sales.map((s) => ({ ...s })), rejectedClients: input.rejectedClients.map((r) => ({ ...r })), products: [...input.products] }, subjects: [`organization:${input.vendor}`] };
    },
  }) },
  transitions: {
    annotate: step.transition({
      label: 'Annotate', event: 'disclosure.vendor-report.annotated', from: ['published'], to: 'published', policy: atLeast('analyst'), input: annotationSchema,
      async guard({ input, tx }) {
        for (const [type, id] of [['source', input.source], ['incident', input.incident]] as const) {
          if (id !== undefined && !(await tx.remedy.lookups.recordExists(type, id))) throw new CommandError({ code: 'INVALID_INPUT', message: `no ${type} "${id}" in the registry`, issues: [{ path: type, message: `unknown ${type}` }] });
        }
      },
      async effect({ ctx, case: r, input, tx }) {
        const annotation = { id: randomUUID(), reportId: r.id, note: input.note, sourceId: input.source ?? null, incidentId: input.incident ?? null, createdBy: ctx.actor.actorId, createdAt: ctx.now.toISOString() };
        await tx.remedy.vendorReports.insertAnnotation(annotation);
        return {
          data: { annotation: annotation.id, note: annotation.note, source: annotation.sourceId, incident: annotation.incidentId },
          subjects: [`organization:${r.vendor}`, ...(input.source ? [`source:${input.source}`] : []), ...(input.incident ? [`incident:${input.incident}`] : [])],
        };
      },
    }),
  },
};
