import type { RecordStatus, RecordType } from './schemas/common.js';
import type { ContractEvent } from './schemas/contract.js';
import type { ORGANIZATION_KINDS } from './schemas/organization.js';
import type { RelationshipType } from './schemas/relationship.js';
import type { FamilyRelation } from './views.js';

/**
 * Words for the codes and slugs the registry stores, so that readers never meet `IT`,
 * `migrant-rights-advocate` or `stop-work-lifted`. Every page, feed and export for people takes
 * its labels from here; the stored values stay codes (ISO 3166-1, slugs) for machines.
 */

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/**
 * A country's English name from its ISO 3166-1 alpha-2 code (from the ICU data Node ships, CLDR
 * names); an unknown code is returned as it is rather than guessed.
 *
 * @example
 * countryName('IT'); // 'Italy'
 * countryName('MK'); // 'North Macedonia'
 */
export function countryName(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  const name = regionNames.of(code);
  // ICU answers "Unknown Region" for user-assigned codes (ZZ, XX…): keep the code instead.
  return name === undefined || name === 'Unknown Region' ? code : name;
}

const TARGET_CATEGORIES: Readonly<Record<string, string>> = {
  journalist: 'Journalist',
  'human-rights-defender': 'Human-rights defender',
  activist: 'Activist',
  lawyer: 'Lawyer',
  politician: 'Politician',
  'migrant-rights-advocate': 'Migrant-rights advocate',
  'religious-figure-associate': 'Associate of a religious figure',
  academic: 'Academic',
  diplomat: 'Diplomat',
  'opposition-figure': 'Opposition figure',
};

/**
 * A target category (`migrant-rights-advocate`) in words. Categories are open-ended: one not in
 * the table reads as its words, capitalised (`union-leader` → "Union leader").
 *
 * @example
 * targetCategoryLabel('migrant-rights-advocate'); // 'Migrant-rights advocate'
 */
export function targetCategoryLabel(category: string): string {
  return TARGET_CATEGORIES[category] ?? sentenceCase(category.replace(/-/g, ' '));
}

const CONTRACT_EVENTS: Readonly<Record<ContractEvent, string>> = {
  award: 'Award',
  modification: 'Modification',
  'stop-work': 'Stop-work order',
  'stop-work-lifted': 'Stop-work order lifted',
  termination: 'Termination',
  funding: 'Funding change',
  deletion: 'Removed from procurement data',
};

/**
 * A contract event in words.
 *
 * @example
 * contractEventLabel('stop-work-lifted'); // 'Stop-work order lifted'
 */
export function contractEventLabel(event: ContractEvent): string {
  return CONTRACT_EVENTS[event];
}

/** How a relationship reads from each end: "Subsidiary of X" from the subsidiary, "Parent of X" from the parent. */
const RELATIONSHIPS: Readonly<Record<RelationshipType, { readonly type: string; readonly outgoing: string; readonly incoming: string }>> = {
  'subsidiary-of': { type: 'Subsidiary', outgoing: 'Subsidiary of', incoming: 'Parent of' },
  acquired: { type: 'Acquisition', outgoing: 'Acquired', incoming: 'Acquired by' },
  'invested-in': { type: 'Investment', outgoing: 'Invested in', incoming: 'Investor:' },
  'affiliate-of': { type: 'Affiliate', outgoing: 'Affiliate of', incoming: 'Affiliate:' },
  'part-of': { type: 'Part of', outgoing: 'Part of', incoming: 'Includes' },
  'renamed-from': { type: 'Renaming', outgoing: 'Formerly', incoming: 'Renamed to' },
  'member-of-consortium': { type: 'Consortium membership', outgoing: 'Member of the consortium with', incoming: 'Consortium member:' },
  'enabler-of': { type: 'Enabler', outgoing: 'Enabler of', incoming: 'Enabled by' },
  'owner-of': { type: 'Ownership', outgoing: 'Owner of', incoming: 'Owned by' },
  'officer-of': { type: 'Officer', outgoing: 'Officer of', incoming: 'Officer:' },
  'founder-of': { type: 'Founder', outgoing: 'Founder of', incoming: 'Founded by' },
  'supplier-to': { type: 'Supplier', outgoing: 'Supplier to', incoming: 'Supplied by' },
};

/**
 * A relationship as it reads from one end: `outgoing` from its `from` party, `incoming` from its
 * `to` party; without a direction, the kind of relationship itself.
 *
 * @example
 * relationshipLabel('subsidiary-of', 'outgoing'); // 'Subsidiary of'
 * relationshipLabel('subsidiary-of', 'incoming'); // 'Parent of'
 * relationshipLabel('member-of-consortium'); // 'Consortium membership'
 */
export function relationshipLabel(type: RelationshipType, direction?: 'outgoing' | 'incoming'): string {
  const labels = RELATIONSHIPS[type];
  return direction === undefined ? labels.type : labels[direction];
}

const ORGANIZATION_KIND_LABELS = new Map<string, string>(Object.entries({
  vendor: 'Vendor',
  subsidiary: 'Subsidiary',
  investor: 'Investor',
  'government-agency': 'Government agency',
  company: 'Company',
  other: 'Other organization',
} satisfies Record<(typeof ORGANIZATION_KINDS)[number], string>));

/**
 * An organisation's kind in words; a kind not in the table reads as its words, capitalised.
 *
 * @example
 * organizationKindLabel('government-agency'); // 'Government agency'
 */
export function organizationKindLabel(kind: string): string {
  return ORGANIZATION_KIND_LABELS.get(kind) ?? sentenceCase(kind.replace(/-/g, ' '));
}

const STATUSES: Readonly<Record<RecordStatus, { readonly label: string; readonly explanation: string }>> = {
  reported: { label: 'Reported', explanation: 'rests on press or other unofficial reports' },
  documented: { label: 'Documented', explanation: 'rests on an official source, a filing or a letter' },
  verified: { label: 'Verified', explanation: 'checked against its sources by an editor' },
};

/**
 * How well a fact is established, in a word and with what that word means.
 *
 * @example
 * recordStatusLabel('documented'); // 'Documented'
 * recordStatusExplanation('documented'); // 'Documented: rests on an official source, a filing or a letter'
 */
export function recordStatusLabel(status: RecordStatus): string {
  return STATUSES[status].label;
}

/** See {@link recordStatusLabel}. */
export function recordStatusExplanation(status: RecordStatus): string {
  return `${STATUSES[status].label}: ${STATUSES[status].explanation}`;
}

const AUTHORITIES: Readonly<Record<string, { readonly short: string; readonly full: string }>> = {
  'US-BIS': { short: 'US Commerce (BIS)', full: 'US Department of Commerce, Bureau of Industry and Security' },
  'US-OFAC': { short: 'US Treasury (OFAC)', full: 'US Department of the Treasury, Office of Foreign Assets Control' },
  'US-STATE': { short: 'US State Department', full: 'US Department of State' },
  EU: { short: 'European Union', full: 'European Union' },
  'GB-OFSI': { short: 'UK Treasury (OFSI)', full: 'UK Office of Financial Sanctions Implementation' },
};

/**
 * A designating authority's name: short for lists and tables, full for explanations. An authority
 * not in the table keeps its code (it is what the source used).
 *
 * @example
 * authorityLabel('US-OFAC'); // 'US Treasury (OFAC)'
 * authorityLabel('US-OFAC', 'full'); // 'US Department of the Treasury, Office of Foreign Assets Control'
 */
export function authorityLabel(code: string, form: 'short' | 'full' = 'short'): string {
  return AUTHORITIES[code]?.[form] ?? code;
}

const LISTS: Readonly<Record<string, string>> = {
  SDN: 'Specially Designated Nationals (SDN) List',
  'Entity List': 'Entity List',
};

/**
 * A designation list's name in words (`SDN` → the Specially Designated Nationals List).
 *
 * @example
 * designationListLabel('SDN'); // 'Specially Designated Nationals (SDN) List'
 */
export function designationListLabel(list: string): string {
  return LISTS[list] ?? list;
}

const RECORD_TYPES: Readonly<Record<RecordType, readonly [string, string]>> = {
  source: ['source', 'sources'],
  organization: ['organization', 'organizations'],
  person: ['person', 'people'],
  product: ['product', 'products'],
  relationship: ['relationship', 'relationships'],
  designation: ['designation', 'designations'],
  incident: ['incident', 'incidents'],
  contract: ['contract', 'contracts'],
  transaction: ['contract transaction', 'contract transactions'],
  policy: ['policy', 'policies'],
};

/**
 * A kind of record in words, singular or plural by count (lower case: capitalise at the start of
 * a sentence with {@link sentenceCase}).
 *
 * @example
 * recordTypeLabel('person'); // 'person'
 * recordTypeLabel('person', 2); // 'people'
 */
export function recordTypeLabel(type: RecordType, count = 1): string {
  const [one, many] = RECORD_TYPES[type];
  return count === 1 ? one : many;
}

/**
 * Text with its first letter in upper case.
 *
 * @example
 * sentenceCase('government agency'); // 'Government agency'
 */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What a family member is to the organisation before it on a walk through a corporate family, as
 * a noun: "subsidiary", "parent company", "consortium partner".
 *
 * @example
 * familyRelationLabel('affiliate', 'member-of-consortium'); // 'consortium partner'
 */
export function familyRelationLabel(relation: FamilyRelation, relationshipType: RelationshipType): string {
  switch (relation) {
    case 'parent':
      return relationshipType === 'part-of' ? 'parent organization' : 'parent company';
    case 'subsidiary':
      return relationshipType === 'part-of' ? 'component' : 'subsidiary';
    case 'affiliate':
      return relationshipType === 'member-of-consortium' ? 'consortium partner' : 'affiliate';
    case 'predecessor':
      return 'predecessor';
    case 'successor':
      return 'successor';
  }
}
