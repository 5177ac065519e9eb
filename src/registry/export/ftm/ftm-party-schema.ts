import type { ExportLookups, Party } from '../export-batch.js';
import { ftmIds, type FtmSchema } from './ftm-entity.js';

/**
 * The FtM schema of a party. Government agencies are PublicBody ("a ministry, department or state
 * company"); vendors, subsidiaries, investors and companies are Company — the schema that extends
 * Asset, so an Ownership can point at it; anything else is a plain Organization.
 *
 * @example
 * partySchema({ type: 'organization', kind: 'government-agency' });  // 'PublicBody'
 */
export function partySchema(party: Party): FtmSchema {
  if (party.type === 'person') return 'Person';
  switch (party.kind) {
    case 'government-agency': return 'PublicBody';
    case 'other': return 'Organization';
    default: return 'Company';
  }
}

/**
 * The entity id of a party, or undefined when the lookups do not know it (it is then not referenced).
 *
 * @example
 * partyEntityId('tal-dilian', lookups);  // 'countersign-person-tal-dilian'
 */
export function partyEntityId(id: string, lookups: ExportLookups): string | undefined {
  const party = lookups.parties.get(id);
  if (!party) return undefined;
  return party.type === 'person' ? ftmIds.person(id) : ftmIds.organization(id);
}
