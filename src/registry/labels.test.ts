import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES } from './schemas/relationship.js';
import { CONTRACT_EVENTS } from './schemas/contract.js';
import { ORGANIZATION_KINDS } from './schemas/organization.js';
import {
  authorityLabel, contractEventLabel, countryName, designationListLabel, familyRelationLabel, organizationKindLabel, recordStatusExplanation, recordStatusLabel,
  recordTypeLabel, relationshipLabel, targetCategoryLabel,
} from './labels.js';

describe('labels', () => {
  it('names countries from their ISO codes, and keeps a code it does not know', () => {
    expect(countryName('IT')).toBe('Italy');
    expect(countryName('MK')).toBe('North Macedonia');
    expect(countryName('VG')).toBe('British Virgin Islands');
    expect(countryName('ZZ')).toBe('ZZ');
    expect(countryName('not a code')).toBe('not a code');
  });

  it('spells out target categories, known or not', () => {
    expect(targetCategoryLabel('migrant-rights-advocate')).toBe('Migrant-rights advocate');
    expect(targetCategoryLabel('religious-figure-associate')).toBe('Associate of a religious figure');
    expect(targetCategoryLabel('union-leader')).toBe('Union leader');
  });

  it('has words for every contract event, relationship type and organisation kind', () => {
    expect(contractEventLabel('stop-work-lifted')).toBe('Stop-work order lifted');
    for (const event of CONTRACT_EVENTS) expect(contractEventLabel(event)).toMatch(/^[A-Z][a-z]/);
    for (const type of RELATIONSHIP_TYPES) {
      for (const label of [relationshipLabel(type), relationshipLabel(type, 'outgoing'), relationshipLabel(type, 'incoming')]) expect(label).not.toMatch(/-/);
    }
    expect(relationshipLabel('subsidiary-of', 'incoming')).toBe('Parent of');
    for (const kind of ORGANIZATION_KINDS) expect(organizationKindLabel(kind)).toMatch(/^[A-Z][a-z ]+$/);
    expect(organizationKindLabel('government-agency')).toBe('Government agency');
  });

  it('names statuses, authorities, lists, record types and family relations', () => {
    expect(recordStatusLabel('documented')).toBe('Documented');
    expect(recordStatusExplanation('verified')).toBe('Verified: checked against its sources by an editor');
    expect(authorityLabel('US-OFAC')).toBe('US Treasury (OFAC)');
    expect(authorityLabel('US-BIS', 'full')).toBe('US Department of Commerce, Bureau of Industry and Security');
    expect(authorityLabel('XX-NEW')).toBe('XX-NEW');
    expect(designationListLabel('SDN')).toBe('Specially Designated Nationals (SDN) List');
    expect(recordTypeLabel('person', 2)).toBe('people');
    expect(recordTypeLabel('transaction')).toBe('contract transaction');
    expect(familyRelationLabel('affiliate', 'member-of-consortium')).toBe('consortium partner');
    expect(familyRelationLabel('parent', 'acquired')).toBe('parent company');
  });
});
