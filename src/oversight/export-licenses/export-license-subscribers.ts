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
    const licences = await tx.exportLicenses.licensesConcerning({ endUsers: [...attributed.keys()], countries, statuses: ACTIVE_STATUSES });
    const ctx = { actor: SYSTEM, now: new Date(event.time) };
    for (const licence of licences) {
      if ((await tx.exportLicenses.linkedIncidents(licence.id)).includes(incident.id)) continue;
      const why = [
        ...(attributed.has(licence.endUser) ? [attributed.get(licence.endUser) ?? ''] : []),
        ...(countries.includes(licence.destination) ? [`in ${countryName(licence.destination)}, the licence's destination`] : []),
      ];
      const reasons = `The registry recorded incident "${incident.title}" (${incident.id}), ${why.join('; and ')}.`;
      await transition({ ctx, workflow: exportLicenseWorkflow, id: licence.id, action: 'open-revocation-review', input: { reasons, incident: incident.id } }, tx);
    }
  },
};

/** The tick's "proviso overdue" entry flags the proviso on the licence (the replay does the same from the entry). */
export const flagOverdueProviso: EventSubscriber<ExportLicensesTransaction> = {
  name: 'oversight.export-license.flag-overdue-proviso',
  on: ['oversight.export-license.proviso-overdue'],
  handle: (event, tx) => applyProvisoOverdue(tx, deadlineFiredData.parse(event.data), { actor: event.actor, time: event.time }),
};

export const exportLicenseSubscribers: readonly EventSubscriber<ExportLicensesTransaction>[] = [revocationReviewOnIncident, flagOverdueProviso];
