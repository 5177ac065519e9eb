import { z } from 'zod';
import { eccnLabel } from '../../../oversight/export-licenses/eccn.js';
import type { ExportLicense, RiskListEntry } from '../../../oversight/export-licenses/export-license.js';
import { PROVISO_KIND_LABELS } from '../../../oversight/export-licenses/export-license-input.js';
import { exportLicenseWorkflow } from '../../../oversight/export-licenses/export-license-workflow.js';
import { countryName } from '../../../registry/labels.js';
import type { ExportLicenseView } from '../../../store/oversight/export-licenses/read-export-licenses.js';

const party = z.object({ id: z.string(), name: z.string().nullable(), url: z.string() });
const designationHit = z.object({
  designation: z.string(), party: z.enum(['exporter', 'end-user']), subject: z.string(), subjectName: z.string(), via: z.string().nullable(), authority: z.string(), list: z.string(), listed: z.string(), reason: z.string().nullable(), sources: z.array(z.string()),
});

export const riskEntryPresenter = z.object({
  id: z.string(), country: z.string(), countryName: z.string(), reason: z.string(), sources: z.array(z.string()), incidents: z.array(z.string()), addedAt: z.string().nullable(), addedBy: z.string().nullable(),
});

export const exportLicenseSummaryPresenter = z.object({
  id: z.string(), url: z.string(), status: z.string(), statusLabel: z.string(), exporter: party, endUser: party, item: z.string(), eccn: z.string(), eccnLabel: z.string(),
  endUse: z.string(), destination: z.string(), destinationName: z.string(), licensingAgency: z.string(), appliedAt: z.string(), decidedAt: z.string().nullable(), overdueProvisos: z.number().int(),
  /** Why the application was refused: each designation with its authority, list, date and sources. */
  refusal: z.object({ designations: z.array(designationHit) }).nullable(),
});

export const exportLicensePresenter = exportLicenseSummaryPresenter.extend({
  decisionNote: z.string().nullable(), revocationReasons: z.string().nullable(), revokedAt: z.string().nullable(),
  screening: z.object({ designations: z.array(designationHit), riskEntries: z.array(z.string()) }),
  provisos: z.array(z.object({
    id: z.string(), position: z.number().int(), kind: z.string(), kindLabel: z.string(), text: z.string(), dueDate: z.string().nullable(), status: z.enum(['open', 'met', 'overdue', 'met-late']),
    overdueAt: z.string().nullable(), metAt: z.string().nullable(),
    evidence: z.array(z.object({ id: z.string(), summary: z.string(), url: z.string().nullable(), submittedAt: z.string() })),
  })),
  steps: z.array(z.object({ position: z.number().int(), step: z.string(), at: z.string(), note: z.string().nullable(), incident: z.string().nullable() })),
  incidents: z.array(z.object({ id: z.string(), title: z.string().nullable(), url: z.string(), linkedAt: z.string() })),
  riskEntries: z.array(riskEntryPresenter),
});

const partyOf = (id: string, name: string | null) => ({ id, name, url: `/organizations/${id}` });

export function presentRiskEntry(e: RiskListEntry): z.infer<typeof riskEntryPresenter> {
  return { ...e, countryName: countryName(e.country), sources: [...e.sources], incidents: [...e.incidents] };
}

export function presentLicenseSummary(l: ExportLicense, names: { exporter: string | null; endUser: string | null }, overdueProvisos: number): z.infer<typeof exportLicenseSummaryPresenter> {
  return {
    id: l.id, url: `/export-licenses/${l.id}`, status: l.status, statusLabel: exportLicenseWorkflow.states[l.status]?.label ?? l.status, exporter: partyOf(l.exporter, names.exporter), endUser: partyOf(l.endUser, names.endUser),
    item: l.item, eccn: l.eccn, eccnLabel: eccnLabel(l.eccn), endUse: l.endUse, destination: l.destination, destinationName: countryName(l.destination), licensingAgency: l.licensingAgency,
    appliedAt: l.appliedAt, decidedAt: l.decidedAt, overdueProvisos, refusal: l.status === 'refused' ? { designations: l.screening.designations.map((d) => ({ ...d, sources: [...d.sources] })) } : null,
  };
}

export function presentLicense(view: ExportLicenseView): z.infer<typeof exportLicensePresenter> {
  const { license: l } = view;
  const provisos = view.provisos.map((p) => ({
    id: p.id, position: p.position, kind: p.kind, kindLabel: PROVISO_KIND_LABELS[p.kind], text: p.text, dueDate: p.dueDate, overdueAt: p.overdueAt, metAt: p.metAt,
    status: p.status === 'met' ? (p.overdueAt ? 'met-late' as const : 'met' as const) : p.overdueAt ? 'overdue' as const : 'open' as const,
    evidence: p.evidence.map((e) => ({ id: e.id, summary: e.summary, url: e.url, submittedAt: e.submittedAt })),
  }));
  return {
    ...presentLicenseSummary(l, view.names, provisos.filter((p) => p.status === 'overdue').length),
    decisionNote: l.decisionNote, revocationReasons: l.revocationReasons, revokedAt: l.revokedAt,
    screening: { designations: l.screening.designations.map((d) => ({ ...d, sources: [...d.sources] })), riskEntries: [...l.screening.riskEntries] },
    provisos,
    steps: view.steps.map((s) => ({ position: s.position, step: s.step, at: s.at, note: s.note, incident: s.incidentId })),
    incidents: view.incidents.map((i) => ({ ...i, url: `/incidents/${i.id}` })),
    riskEntries: view.riskEntries.map(presentRiskEntry),
  };
}
