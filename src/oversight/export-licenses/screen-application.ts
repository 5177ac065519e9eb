import type { DesignationHit, ExportLicenseStore, PartyOrganization } from './export-license.js';

/**
 * Screens the parties of an application against the registry's designations in force on `date`:
 * the exporter and the end user themselves, and every organisation of their corporate families
 * (parents, subsidiaries, affiliates, consortium partners — a listed parent taints its subsidiary,
 * as the joint letter asks for affiliates and holding companies to be held responsible too).
 *
 * @example
 * const hits = await screenApplication(tx.exportLicenses, { exporter, endUser }, '2026-11-23');
 */
export async function screenApplication(store: ExportLicenseStore, parties: { exporter: PartyOrganization; endUser: PartyOrganization }, date: string): Promise<DesignationHit[]> {
  const hits: DesignationHit[] = [];
  for (const [party, organization] of [['exporter', parties.exporter], ['end-user', parties.endUser]] as const) {
    const related = await store.relatedOrganizations(organization.id);
    const names = new Map<string, { name: string; via: string | null }>([[organization.id, { name: organization.name, via: null }], ...related.map((r) => [r.id, { name: r.name, via: r.relation }] as const)]);
    for (const d of await store.activeDesignations([...names.keys()], date)) {
      const who = names.get(d.subject);
      if (!who) continue;
      hits.push({ designation: d.id, party, subject: d.subject, subjectName: who.name, via: who.via, authority: d.authority, list: d.list, listed: d.listed, reason: d.reason, sources: [...d.sources] });
    }
  }
  // The party's own listings first, then by date.
  return hits.sort((a, b) => Number(a.via !== null) - Number(b.via !== null) || a.listed.localeCompare(b.listed) || a.designation.localeCompare(b.designation));
}

