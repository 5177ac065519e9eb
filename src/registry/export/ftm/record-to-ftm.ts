import type { RegistryRecord } from '../../registry-record.js';
import type { RecordType } from '../../schemas/common.js';
import type { ExportLookups } from '../export-batch.js';
import { contractToFtm } from './ftm-contract.js';
import type { FtmEntity } from './ftm-entity.js';
import { incidentToFtm } from './ftm-incident.js';
import { organizationToFtm } from './ftm-organization.js';
import { personToFtm } from './ftm-person.js';
import { relationshipToFtm } from './ftm-relationship.js';
import { designationToFtm } from './ftm-sanction.js';

/**
 * The record types FtM can tell, in export order: parties first, then the sanctions, links,
 * contracts and events that reference them — a reader streaming the file meets an entity before
 * any reference to it. Products, transactions, sources and policies have no FtM schema.
 */
export const FTM_RECORD_TYPES: readonly RecordType[] = ['organization', 'person', 'designation', 'relationship', 'contract', 'incident'];

/**
 * A record as FollowTheMoney entities: none, one, or a few (an organisation with its parent
 * link, a contract with its award). See this folder's README for the whole mapping.
 *
 * @example
 * recordToFtm({ type: 'designation', record: intellexaOfac }, lookups);  // [{ id: 'countersign-sanction-…', schema: 'Sanction', … }]
 */
export function recordToFtm(entry: RegistryRecord, lookups: ExportLookups): FtmEntity[] {
  switch (entry.type) {
    case 'organization': return organizationToFtm(entry.record, lookups);
    case 'person': return personToFtm(entry.record, lookups);
    case 'designation': return designationToFtm(entry.record, lookups);
    case 'relationship': return relationshipToFtm(entry.record, lookups);
    case 'contract': return contractToFtm(entry.record, lookups);
    case 'incident': return incidentToFtm(entry.record, lookups);
    case 'product':
    case 'transaction':
    case 'source':
    case 'policy':
      return [];
  }
}
