import type { RecordShapes } from '../../registry-record.js';
import type { ExportLookups } from '../export-batch.js';
import { ftmCountry, ftmEntity, ftmIds, ftmProvenance, type FtmEntity } from './ftm-entity.js';

/**
 * A person as a Person: `name`, `alias`, the role as `position`, `nationality`.
 *
 * @example
 * personToFtm(dilian, lookups);  // [{ id: 'countersign-person-tal-dilian', schema: 'Person', properties: { position: ['founder of the Intellexa consortium'], … } }]
 */
export function personToFtm(person: RecordShapes['person'], lookups: ExportLookups): FtmEntity[] {
  return [
    ftmEntity(ftmIds.person(person.id), 'Person', {
      name: person.name,
      alias: person.aliases,
      position: person.role,
      nationality: ftmCountry(person.nationality),
      notes: person.notes,
      ...ftmProvenance(person.sources, lookups),
    }),
  ];
}
