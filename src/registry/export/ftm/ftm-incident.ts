import type { RecordShapes } from '../../registry-record.js';
import type { ExportLookups } from '../export-batch.js';
import { ftmCountry, ftmEntity, ftmIds, ftmProvenance, type FtmEntity } from './ftm-entity.js';
import { partyEntityId } from './ftm-party-schema.js';

/**
 * An incident as an Event (FtM: an Interval and a Thing, "something that happened"): the title as
 * `name`, `summary`, `date`, the countries as `country`, the vendors as `involved` (range
 * LegalEntity), the target categories as `keywords`, the forensic confirmation and notes as
 * `description` and `notes`. Products have no FtM schema, so the Event does not name them; the
 * incident's record in NDJSON does.
 *
 * @example
 * incidentToFtm({ id: 'graphite-italy-2025', title: 'Traces of Graphite found …', vendors: ['paragon-solutions'], countries: ['IT'], … }, lookups);
 * // [{ id: 'countersign-incident-graphite-italy-2025', schema: 'Event', properties: { involved: ['countersign-org-paragon-solutions'], country: ['it'], … } }]
 */
export function incidentToFtm(incident: RecordShapes['incident'], lookups: ExportLookups): FtmEntity[] {
  return [
    ftmEntity(ftmIds.incident(incident.id), 'Event', {
      name: incident.title,
      summary: incident.summary,
      date: incident.date,
      country: incident.countries.map((c) => ftmCountry(c)),
      involved: (incident.vendors ?? []).map((v) => partyEntityId(v, lookups)),
      keywords: incident.targetCategories,
      description: incident.forensicConfirmation === undefined ? undefined : `Forensic confirmation: ${incident.forensicConfirmation}`,
      notes: incident.notes,
      recordId: incident.id,
      ...ftmProvenance(incident.sources, lookups),
    }),
  ];
}
