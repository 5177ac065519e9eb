import { z } from 'zod';
import { defineEvent, type EventDefinition } from '../../ledger/catalogue/event-definition.js';
import { deadlineFiredData } from '../../ledger/catalogue/step-event-data.js';
import { countrySchema, recordIdSchema } from '../../registry/schemas/common.js';
import { PROVISO_KINDS, type ExportLicensesTransaction, type LicenseStatus, type Screening } from './export-license.js';

/** Who recorded a step and when: the entry's actor and time (a replay reads them from the entry). */
export interface StepMeta {
  readonly actor: string;
  readonly time: string;
}

/** A step's entry data (as `licenseData(…)` makes it, with the key typed). */
function licenseData<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject({ license: z.string().min(1), from: z.string().optional(), to: z.string().optional(), occurredAt: z.string().optional(), ...shape });
}

const designationHitSchema = z.strictObject({
  designation: z.string(), party: z.enum(['exporter', 'end-user']), subject: z.string(), subjectName: z.string(), via: z.string().nullable(),
  authority: z.string(), list: z.string(), listed: z.string(), reason: z.string().nullable(), sources: z.array(z.string()),
});
export const screeningSchema = z.strictObject({ designations: z.array(designationHitSchema), riskEntries: z.array(z.string()) });

export const applicationFields = {
  exporter: recordIdSchema, item: z.string(), eccn: z.string(), endUser: recordIdSchema, endUse: z.string(), destination: countrySchema, licensingAgency: recordIdSchema, screening: screeningSchema,
};
const applicationData = licenseData(applicationFields);
export type ApplicationData = z.infer<typeof applicationData>;

export const provisoDataSchema = z.strictObject({ id: z.uuid(), position: z.number().int().min(1), kind: z.enum(PROVISO_KINDS), text: z.string(), dueDate: z.iso.date().nullable() });
export type ProvisoData = z.infer<typeof provisoDataSchema>;
const approvedData = licenseData({ note: z.string(), provisos: z.array(provisoDataSchema) });
const noteData = licenseData({ note: z.string().optional() });
const reasonsData = licenseData({ reasons: z.string() });
const deniedData = licenseData({ note: z.string() });
const evidenceData = licenseData({ evidence: z.uuid(), proviso: z.uuid(), summary: z.string(), url: z.string().optional() });
const revocationReviewData = licenseData({ reasons: z.string(), incident: recordIdSchema.optional(), designation: z.string().optional() });
const riskEntryData = z.strictObject({ entry: z.uuid(), country: countrySchema, reason: z.string(), sources: z.array(z.string()).min(1), incidents: z.array(z.string()) });
export type RiskEntryData = z.infer<typeof riskEntryData>;

/** The deadline kind of a proviso's due date. */
export function provisoDeadlineKind(provisoId: string): string {
  return `proviso:${provisoId}`;
}

const when = (data: { occurredAt?: string | undefined }, meta: StepMeta) => data.occurredAt ?? meta.time;

// Each step's writes, shared by the live step (the workflow's effect) and the replay, so both
// produce the same rows from the same entry.

export async function applyApplication(tx: ExportLicensesTransaction, data: Omit<ApplicationData, 'from'>, status: LicenseStatus, meta: StepMeta): Promise<void> {
  const screening: Screening = data.screening;
  const at = when(data, meta);
  await tx.exportLicenses.insertLicense({
    id: data.license, exporter: data.exporter, item: data.item, eccn: data.eccn, endUser: data.endUser, endUse: data.endUse, destination: data.destination, licensingAgency: data.licensingAgency,
    status, appliedAt: at, screening, decisionNote: null, decidedAt: status === 'refused' ? at : null, revocationReasons: null, revokedAt: null, updatedAt: meta.time,
  });
  const note = status === 'refused' ? `Refused on screening: ${data.screening.designations.map((d) => `${d.subjectName} — ${d.authority} ${d.list}, listed ${d.listed}`).join('; ')}` : null;
  await tx.exportLicenses.addStep({ licenseId: data.license, step: status, at, actor: meta.actor, note, incidentId: null });
}

async function applyStep(tx: ExportLicensesTransaction, license: string, step: string, status: LicenseStatus, note: string | null, meta: StepMeta, occurredAt?: string, incidentId: string | null = null): Promise<void> {
  await tx.exportLicenses.updateLicense(license, { status, updatedAt: meta.time });
  await tx.exportLicenses.addStep({ licenseId: license, step, at: occurredAt ?? meta.time, actor: meta.actor, note, incidentId });
}

export async function applyApproval(tx: ExportLicensesTransaction, data: { license: string; note: string; provisos: readonly ProvisoData[]; occurredAt?: string | undefined }, meta: StepMeta): Promise<void> {
  const at = when(data, meta);
  for (const p of data.provisos) await tx.exportLicenses.insertProviso({ ...p, licenseId: data.license, status: 'open', overdueAt: null, metAt: null });
  await tx.exportLicenses.updateLicense(data.license, { status: 'approved', decisionNote: data.note, decidedAt: at, updatedAt: meta.time });
  await tx.exportLicenses.addStep({ licenseId: data.license, step: 'approved', at, actor: meta.actor, note: data.note, incidentId: null });
}

export async function applyDenial(tx: ExportLicensesTransaction, data: { license: string; note: string; occurredAt?: string | undefined }, meta: StepMeta): Promise<void> {
  const at = when(data, meta);
  await tx.exportLicenses.updateLicense(data.license, { status: 'denied', decisionNote: data.note, decidedAt: at, updatedAt: meta.time });
  await tx.exportLicenses.addStep({ licenseId: data.license, step: 'denied', at, actor: meta.actor, note: data.note, incidentId: null });
}

export async function applyEvidence(tx: ExportLicensesTransaction, data: z.infer<typeof evidenceData>, meta: StepMeta): Promise<void> {
  await tx.exportLicenses.insertEvidence({ id: data.evidence, licenseId: data.license, provisoId: data.proviso, summary: data.summary, url: data.url ?? null, submittedAt: meta.time, submittedBy: meta.actor });
  await tx.exportLicenses.markProvisoMet(data.license, data.proviso, meta.time);
  await tx.exportLicenses.addStep({ licenseId: data.license, step: 'evidence-recorded', at: meta.time, actor: meta.actor, note: data.summary, incidentId: null });
}

/** The tick found a proviso past due with no evidence: the flag the public page shows. */
export async function applyProvisoOverdue(tx: ExportLicensesTransaction, data: z.infer<typeof deadlineFiredData>, meta: StepMeta): Promise<void> {
  const provisoId = data.kind.slice('proviso:'.length);
  await tx.exportLicenses.markProvisoOverdue(data.case, provisoId, meta.time);
  await tx.exportLicenses.addStep({ licenseId: data.case, step: 'proviso-overdue', at: meta.time, actor: meta.actor, note: `Proviso due ${data.dueDate ?? data.dueAt} has no evidence`, incidentId: null });
}

export async function applyRevocationReview(tx: ExportLicensesTransaction, data: { license: string; reasons: string; incident?: string | undefined }, meta: StepMeta): Promise<void> {
  if (data.incident) await tx.exportLicenses.linkIncident(data.license, data.incident, meta.time);
  await applyStep(tx, data.license, 'revocation-review-opened', 'revocation-review', data.reasons, meta, undefined, data.incident ?? null);
}

/** New evidence for a licence already under revocation review: linked, the state unchanged. */
export async function applyEvidenceLinked(tx: ExportLicensesTransaction, data: { license: string; reasons: string; incident: string }, meta: StepMeta): Promise<void> {
  await tx.exportLicenses.linkIncident(data.license, data.incident, meta.time);
  await tx.exportLicenses.addStep({ licenseId: data.license, step: 'incident-linked', at: meta.time, actor: meta.actor, note: data.reasons, incidentId: data.incident });
}

export async function applyRevocation(tx: ExportLicensesTransaction, data: { license: string; reasons: string }, meta: StepMeta): Promise<void> {
  await tx.exportLicenses.updateLicense(data.license, { status: 'revoked', revocationReasons: data.reasons, revokedAt: meta.time, updatedAt: meta.time });
  await tx.exportLicenses.addStep({ licenseId: data.license, step: 'revoked', at: meta.time, actor: meta.actor, note: data.reasons, incidentId: null });
}

export async function applyRiskEntry(tx: ExportLicensesTransaction, data: RiskEntryData, meta: StepMeta): Promise<void> {
  await tx.exportLicenses.insertRiskEntry({ id: data.entry, country: data.country, reason: data.reason, sources: data.sources, incidents: data.incidents, addedAt: meta.time, addedBy: meta.actor });
}

/** Export-licence review's entries: every step carries what the public page shows, so the licences replay. */
export const exportLicenseEvents: readonly EventDefinition<unknown, ExportLicensesTransaction>[] = [
  defineEvent({ type: 'oversight.export-license.applied', summary: 'An export-licence application was filed; screening found no designated party.', data: applicationData, sealed: [], replays: 'adds the application',
    replay: (data, meta, tx) => applyApplication(tx, data, 'applied', meta) }),
  defineEvent({ type: 'oversight.export-license.refused', summary: 'An export-licence application was refused on screening: the exporter or end user (or a related organisation) is designated; the designations are in the entry.', data: applicationData, sealed: [], replays: 'adds the refused application with its designations',
    replay: (data, meta, tx) => applyApplication(tx, data, 'refused', meta) }),
  defineEvent({ type: 'oversight.export-license.review-started', summary: 'A licensing officer took up an application for review.', data: noteData, sealed: [], replays: 'moves the application under review',
    replay: (data, meta, tx) => applyStep(tx, data.license, 'review-started', 'under-review', data.note ?? null, meta, data.occurredAt) }),
  defineEvent({ type: 'oversight.export-license.approved', summary: 'A licence was approved with provisos (due-diligence reports, limits to legitimate use, clawback, duty to notify misuse).', data: approvedData, sealed: [], replays: 'approves the licence and adds its provisos',
    replay: (data, meta, tx) => applyApproval(tx, data, meta) }),
  defineEvent({ type: 'oversight.export-license.denied', summary: 'A licence application was denied, with reasons.', data: deniedData, sealed: [], replays: 'denies the application',
    replay: (data, meta, tx) => applyDenial(tx, data, meta) }),
  defineEvent({ type: 'oversight.export-license.evidence-recorded', summary: "Evidence was filed against a licence's proviso (a due-diligence report, a notification).", data: evidenceData, sealed: [], replays: 'adds the evidence and marks the proviso met',
    replay: (data, meta, tx) => applyEvidence(tx, data, meta) }),
  defineEvent({ type: 'oversight.export-license.proviso-overdue', summary: "A licence's proviso fell due with no evidence: flagged overdue.", data: deadlineFiredData, sealed: [], replays: 'flags the proviso overdue',
    replay: (data, meta, tx) => applyProvisoOverdue(tx, data, meta) }),
  defineEvent({ type: 'oversight.export-license.revocation-review-opened', summary: 'A licence went to revocation review on new evidence (an incident concerning its end user or destination).', data: revocationReviewData, sealed: [], replays: 'moves the licence to revocation review and links the incident',
    replay: (data, meta, tx) => applyRevocationReview(tx, data, meta) }),
  defineEvent({ type: 'oversight.export-license.incident-linked', summary: 'Another incident concerning a licence under revocation review was linked to it.', data: licenseData({ reasons: z.string(), incident: recordIdSchema }), sealed: [], replays: 'links the incident to the licence',
    replay: (data, meta, tx) => applyEvidenceLinked(tx, data, meta) }),
  defineEvent({ type: 'oversight.export-license.revoked', summary: 'A licence was revoked, with reasons.', data: reasonsData, sealed: [], replays: 'revokes the licence',
    replay: (data, meta, tx) => applyRevocation(tx, data, meta) }),
  defineEvent({ type: 'oversight.export-license.reinstated', summary: 'A licence under revocation review was reinstated, with reasons.', data: reasonsData, sealed: [], replays: 'reinstates the licence',
    replay: (data, meta, tx) => applyStep(tx, data.license, 'reinstated', 'approved', data.reasons, meta) }),
  defineEvent({ type: 'oversight.destination-risk.entry-added', summary: 'An administrator added a destination to the export risk list, citing sources.', data: riskEntryData, sealed: [], replays: 'adds the risk-list entry',
    replay: (data, meta, tx) => applyRiskEntry(tx, data, meta) }),
];
