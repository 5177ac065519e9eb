import type { RecordShapes } from '../../registry-record.js';
import type { ExportLookups } from '../export-batch.js';
import { ftmEntity, ftmIds, ftmProvenance, type FtmEntity } from './ftm-entity.js';
import { partyEntityId } from './ftm-party-schema.js';

/**
 * Authorities by the name sanctions data gives them (OpenSanctions' Sanction `authority` values
 * are names, not codes). An authority not listed here is exported by its registry code.
 */
const AUTHORITY_NAMES: Readonly<Record<string, string>> = {
  'US-BIS': 'Bureau of Industry and Security',
  'US-OFAC': 'Office of Foreign Assets Control',
};

/**
 * The country whose authority issued a designation: registry authority codes begin with it
 * (`US-BIS`). EU and UN codes name no ISO 3166-1 country and are left out rather than guessed.
 */
function authorityCountry(authority: string): string | undefined {
  const prefix = authority.split('-')[0] ?? '';
  return /^[A-Z]{2}$/.test(prefix) && prefix !== 'EU' && prefix !== 'UN' ? prefix.toLowerCase() : undefined;
}

/**
 * A designation as a Sanction (FtM: "A sanction designation", an Interval): `entity` the listed
 * party, `authority`, the list as `program` (Thing's "Regulatory program or sanctions list on which
 * an entity is listed"), `listingDate` and `startDate` the listing, `endDate` the delisting,
 * `reason`, the delisting's reason as `description`, the registry id as `recordId`. Left out if
 * the lookups do not know the subject: `entity` is Sanction's one required property.
 *
 * @example
 * designationToFtm({ id: 'intellexa-sa--us-ofac--sdn--2024-03-05', subject: 'intellexa-sa', authority: 'US-OFAC', list: 'SDN', listed: '2024-03-05', … }, lookups);
 * // [{ id: 'countersign-sanction-intellexa-sa--us-ofac--sdn--2024-03-05', schema: 'Sanction', properties: { entity: ['countersign-org-intellexa-sa'], program: ['SDN'], … } }]
 */
export function designationToFtm(designation: RecordShapes['designation'], lookups: ExportLookups): FtmEntity[] {
  const entity = partyEntityId(designation.subject, lookups);
  if (entity === undefined) return [];
  return [
    ftmEntity(ftmIds.designation(designation.id), 'Sanction', {
      entity,
      authority: AUTHORITY_NAMES[designation.authority] ?? designation.authority,
      country: authorityCountry(designation.authority),
      program: designation.list,
      listingDate: designation.listed,
      startDate: designation.listed,
      endDate: designation.delisted,
      reason: designation.reason,
      description: designation.delistingReason === undefined ? undefined : `Delisted: ${designation.delistingReason}`,
      recordId: designation.id,
      ...ftmProvenance(designation.sources, lookups),
    }),
  ];
}
