import type { RecordShapes } from '../../registry-record.js';
import { relationshipId } from '../../schemas/relationship.js';
import type { ExportLookups } from '../export-batch.js';
import { ftmCountry, ftmEntity, ftmIds, ftmProvenance, type FtmEntity } from './ftm-entity.js';
import { partySchema } from './ftm-party-schema.js';
import { relationshipToFtm } from './ftm-relationship.js';

/**
 * An organisation as a Company, PublicBody or Organization: names (`name`, `alias`,
 * `previousName` — Thing), `country`, the locality as `address`, identifiers as LegalEntity's
 * `uniqueEntityId` (SAM.gov UEI), `dunsCode`, `leiCode` and Organization's `cageCode`. `country`
 * and not `jurisdiction`: the registry records where an organisation is, not where it is
 * incorporated. A `parent` becomes a Membership — the same entity, with the same id, that a
 * part-of relationship would give — unless that relationship is recorded too.
 *
 * @example
 * organizationToFtm(paragonUs, lookups);  // [{ id: 'countersign-org-paragon-solutions-us', schema: 'Company', properties: { uniqueEntityId: ['NW6QFTZACWM7'], … } }]
 */
export function organizationToFtm(organization: RecordShapes['organization'], lookups: ExportLookups): FtmEntity[] {
  const schema = partySchema({ type: 'organization', kind: organization.kind });
  const entity = ftmEntity(ftmIds.organization(organization.id), schema, {
    name: organization.name,
    alias: organization.aliases,
    previousName: organization.formerNames?.map((f) => f.name),
    country: ftmCountry(organization.country),
    address: organization.locality,
    uniqueEntityId: organization.identifiers?.uei,
    dunsCode: organization.identifiers?.duns,
    cageCode: organization.identifiers?.cage,
    leiCode: organization.identifiers?.lei,
    isinCode: organization.identifiers?.isin,
    ticker: organization.identifiers?.ticker,
    notes: organization.notes,
    ...ftmProvenance(organization.sources, lookups),
  });
  const parent = organization.parent;
  if (parent === undefined || lookups.parentAlsoRelationship.has(organization.id)) return [entity];
  const link = { from: organization.id, type: 'part-of', to: parent } as const;
  return [entity, ...relationshipToFtm({ ...link, id: relationshipId(link), sources: organization.sources, status: organization.status }, lookups)];
}
