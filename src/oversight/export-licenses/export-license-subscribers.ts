import { z } from 'zod';
import { SYSTEM } from '../../accounts/actor.js';
import type { EventSubscriber } from '../../kernel/events/event-subscriber.js';
import { transition } from '../../kernel/workflow/transition.js';
import { deadlineFiredData } from '../../ledger/catalogue/step-event-data.js';
import { countryName } from '../../registry/labels.js';
import { ACTIVE_STATUSES, type ExportLicensesTransaction } from './export-license.js';
import { applyProvisoOverdue } from './export-license-events.js';
import { exportLicenseWorkflow } from './export-license-workflow.js';

const incidentData = z.object({
  record: z.object({ id: z.string(), title: z.string(), vendor: z.string().optional(), vendors: z.array(z.string()).optional(), countries: z.array(z.string()).optional() }),
});

/**
 * Revocation review on new evidence (issue #9; the joint letter asks states to "investigate export
 * licenses … and revoke" them where human rights are put at risk): when the registry records an
 * incident attributed to a licence's end user — or to an organisation of its corporate family —
 * or in the licence's destination, every licence in force there goes to revocation review with
 * the incident linked. A licence already linked to the incident is left alone (an edit of the
 * incident is not new evidence).
 */
export const revocationReviewOnIncident: EventSubscriber<ExportLicensesTransaction> = {
  name: 'oversight.export-license.revocation-review-on-incident',
  on: ['registry.incident.upserted'],
  async handle(event, tx) {
    const { record: incident } = incidentData.parse(event.data);
    // A bulk import writes thousands of incidents: without a licence in force there is nothing to walk.
    if (!(await tx.exportLicenses.anyInStatus([...ACTIVE_STATUSES, 'revocation-review']))) return;
    const vendors = [...new Set([...(incident.vendor ? [incident.vendor] : []), ...(incident.vendors ?? [])])];
    const attributed = new Map<string, string>();
    for (const vendor of vendors) {
      const self = await tx.exportLicenses.organization(vendor);
      const vendorName = self?.name ?? vendor;
      attributed.set(vendor, `attributed to ${vendorName}, the licence's end user`);
      for (const related of await tx.exportLicenses.relatedOrganizations(vendor)) {
        if (!attributed.has(related.id)) attributed.set(related.id, `attributed to ${vendorName}, whose ${related.relation} ${related.name} is the licence's end user`);
      }
    }
    const countries = incident.countries ?? [];
    const licences = await tx.exportLicenses.licensesConcerning({ endUsers: [...attributed.keys()], countries, statuses: [...ACTIVE_STATUSES, 'revocation-review'] });
    const ctx = { actor: SYSTEM, now: new Date(event.time) };
    for (const licence of licences) {
      if ((await tx.exportLicenses.linkedIncidents(licence.id)).includes(incident.id)) continue;
      const why = [
        ...(attributed.has(licence.endUser) ? [attributed.get(licence.endUser) ?? ''] : []),
        ...(countries.includes(licence.destination) ? [`in ${countryName(licence.destination)}, the licence's destination`] : []),
      ];
      const reasons = `The registry recorded incident "${incident.title}" (${incident.id}), ${why.join('; and ')}.`;
      // A licence already under review gains the incident as more evidence; one in force goes to review.
      const action = licence.status === 'revocation-review' ? 'link-incident' : 'open-revocation-review';
      await transition({ ctx, workflow: exportLicenseWorkflow, id: licence.id, action, input: { reasons, incident: incident.id } }, tx);
    }
  },
};

const designationData = z.object({
  record: z.object({ id: z.string().optional(), subject: z.string(), authority: z.string(), list: z.string(), listed: z.string(), delisted: z.string().optional() }),
});

/**
 * A designation published for a licence's exporter or end user — or for an organisation of
 * either's corporate family — is new evidence too: licences in force go to revocation review,
 * the designation named in the reasons. A licence already reviewed for that designation (an edit
 * of the record) is left alone.
 */
export const revocationReviewOnDesignation: EventSubscriber<ExportLicensesTransaction> = {
  name: 'oversight.export-license.revocation-review-on-designation',
  on: ['registry.designation.recorded', 'registry.designation.upserted'],
  async handle(event, tx) {
    const { record: d } = designationData.parse(event.data);
    const day = event.time.slice(0, 10);
    if ((d.delisted !== undefined && d.delisted <= day) || !(await tx.exportLicenses.anyInStatus(ACTIVE_STATUSES))) return;
    const subject = await tx.exportLicenses.organization(d.subject);
    if (!subject) return; // a person: screening and licences name organisations
    const family = new Map<string, string>([[subject.id, subject.name], ...(await tx.exportLicenses.relatedOrganizations(subject.id)).map((r) => [r.id, `${r.name} (${r.relation} of ${subject.name})`] as const)]);
    const ids = [...family.keys()];
    const licences = await tx.exportLicenses.licensesConcerning({ endUsers: ids, exporters: ids, countries: [], statuses: ACTIVE_STATUSES });
    const designation = d.id ?? `${d.subject} ${d.authority} ${d.list} ${d.listed}`;
    const ctx = { actor: SYSTEM, now: new Date(event.time) };
    for (const licence of licences) {
      if ((await tx.exportLicenses.steps(licence.id)).some((s) => s.step === 'revocation-review-opened' && (s.note ?? '').includes(`(${designation})`))) continue;
      const party = family.has(licence.endUser) ? `the end user ${family.get(licence.endUser) ?? ''}` : `the exporter ${family.get(licence.exporter) ?? ''}`;
      const reasons = `The registry published a designation of ${subject.name}: ${d.authority} ${d.list}, listed ${d.listed} (${designation}); it concerns ${party}.`;
      await transition({ ctx, workflow: exportLicenseWorkflow, id: licence.id, action: 'open-revocation-review', input: { reasons, ...(d.id ? { designation: d.id } : {}) } }, tx);
    }
  },
};

/** The tick's "proviso overdue" entry flags the proviso on the licence (the replay does the same from the entry). */
export const flagOverdueProviso: EventSubscriber<ExportLicensesTransaction> = {
  name: 'oversight.export-license.flag-overdue-proviso',
  on: ['oversight.export-license.proviso-overdue'],
  handle: (event, tx) => applyProvisoOverdue(tx, deadlineFiredData.parse(event.data), { actor: event.actor, time: event.time }),
};

export const exportLicenseSubscribers: readonly EventSubscriber<ExportLicensesTransaction>[] = [revocationReviewOnIncident, revocationReviewOnDesignation, flagOverdueProviso];
