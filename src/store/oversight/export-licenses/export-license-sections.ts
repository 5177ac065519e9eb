import { canonicalJson } from '../../../ledger/entries/canonical-json.js';
import type { PublicStateSection } from '../../public-state/public-state-section.js';

/** Sections of public state for export-licence review: licences, provisos, evidence, steps, incident links, risk-list entries. */
export const EXPORT_LICENSE_SECTIONS: readonly PublicStateSection[] = [
  {
    name: 'export-license',
    async items(db) {
      const rows = await db.selectFrom('exportLicenses').selectAll().execute();
      return rows.map((r) => [r.id, canonicalJson({ ...r, screening: JSON.parse(r.screening) })] as const);
    },
  },
  {
    name: 'export-license-proviso',
    async items(db) {
      const rows = await db.selectFrom('exportLicenseProvisos').selectAll().execute();
      return rows.map((r) => [r.id, canonicalJson({ ...r, position: Number(r.position) })] as const);
    },
  },
  {
    name: 'export-license-evidence',
    async items(db) {
      const rows = await db.selectFrom('exportLicenseEvidence').selectAll().execute();
      return rows.map((r) => [r.id, canonicalJson({ ...r })] as const);
    },
  },
  {
    name: 'export-license-step',
    async items(db) {
      const rows = await db.selectFrom('exportLicenseSteps').selectAll().execute();
      return rows.map((r) => [`${r.licenseId}/${String(r.position).padStart(6, '0')}`, canonicalJson({ ...r, position: Number(r.position) })] as const);
    },
  },
  {
    name: 'export-license-incident',
    async items(db) {
      const rows = await db.selectFrom('exportLicenseIncidents').selectAll().execute();
      return rows.map((r) => [`${r.licenseId}/${r.incidentId}`, canonicalJson({ ...r })] as const);
    },
  },
  {
    name: 'destination-risk-entry',
    async items(db) {
      const rows = await db.selectFrom('destinationRiskEntries').selectAll().execute();
      return rows.map((r) => [r.id, canonicalJson({ ...r, sources: JSON.parse(r.sources), incidents: JSON.parse(r.incidents) })] as const);
    },
  },
];
