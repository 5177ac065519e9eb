import type { RecordShapes } from '../../registry-record.js';
import type { RelationshipType } from '../../schemas/relationship.js';
import type { ExportLookups, Party } from '../export-batch.js';
import { ftmEntity, ftmIds, ftmProvenance, type FtmEntity, type FtmValues } from './ftm-entity.js';
import { partyEntityId, partySchema } from './ftm-party-schema.js';

type Relationship = RecordShapes['relationship'];

/**
 * How each relationship type is told in FtM, read "from TYPE to". Each schema's entity
 * properties have a range (FtM 3.8.4):
 * - Ownership: `owner` (LegalEntity) owns `asset` (Asset — of ours, only Company extends it);
 * - Membership: `member` (LegalEntity) belongs to `organization` (Organization);
 * - Directorship: `director` (LegalEntity) directs `organization` (Organization);
 * - Succession: `predecessor` (LegalEntity) precedes `successor` (LegalEntity);
 * - UnknownLink: `subject` (Thing) linked to `object` (Thing), the nature in `role`.
 * Where the parties do not fit the range — an acquired public body, a person "part of" someone —
 * the link falls back to UnknownLink rather than emit an entity FtM would reject.
 */
const SHAPES: Readonly<Record<RelationshipType, Shape>> = {
  'subsidiary-of': { schema: 'Ownership', source: 'asset', target: 'owner' },
  acquired: { schema: 'Ownership', source: 'owner', target: 'asset' },
  'invested-in': { schema: 'Ownership', source: 'owner', target: 'asset' },
  'owner-of': { schema: 'Ownership', source: 'owner', target: 'asset' },
  'part-of': { schema: 'Membership', source: 'member', target: 'organization' },
  'member-of-consortium': { schema: 'Membership', source: 'member', target: 'organization' },
  'officer-of': { schema: 'Directorship', source: 'director', target: 'organization' },
  'renamed-from': { schema: 'Succession', source: 'successor', target: 'predecessor' },
  'affiliate-of': { schema: 'UnknownLink', source: 'subject', target: 'object' },
  'enabler-of': { schema: 'UnknownLink', source: 'subject', target: 'object' },
  'founder-of': { schema: 'UnknownLink', source: 'subject', target: 'object' },
  'supplier-to': { schema: 'UnknownLink', source: 'subject', target: 'object' },
};

interface Shape {
  readonly schema: 'Ownership' | 'Membership' | 'Directorship' | 'Succession' | 'UnknownLink';
  /** The property that names the relationship's `from` party. */
  readonly source: string;
  /** The property that names its `to` party. */
  readonly target: string;
}

const UNKNOWN_LINK: Shape = { schema: 'UnknownLink', source: 'subject', target: 'object' };

/** Whether a party may stand in a property of the shape (the ranges above; Person, Company, PublicBody and Organization are all LegalEntity). */
function fits(property: string, party: Party): boolean {
  const schema = partySchema(party);
  if (property === 'asset') return schema === 'Company';
  if (property === 'organization') return schema !== 'Person';
  return true;
}

/**
 * A relationship as one FtM interval entity: the schema for its type (see SHAPES), the two
 * parties, `startDate`/`endDate`, the relationship type in words as `role` (Interest's "Role"),
 * the registry id as `recordId` (Interval's "Record ID"), notes as `description`, and its sources.
 * A relationship whose parties the lookups do not know is left out rather than left dangling.
 *
 * @example
 * relationshipToFtm({ id: 'ae-industrial-partners--acquired--paragon-solutions', from: 'ae-industrial-partners', type: 'acquired', to: 'paragon-solutions', date: '2024-12', … }, lookups);
 * // [{ schema: 'Ownership', properties: { owner: ['countersign-org-ae-industrial-partners'], asset: ['countersign-org-paragon-solutions'], startDate: ['2024-12'], role: ['acquired'], … } }]
 */
export function relationshipToFtm(relationship: Relationship, lookups: ExportLookups): FtmEntity[] {
  const from = lookups.parties.get(relationship.from);
  const to = lookups.parties.get(relationship.to);
  const fromId = partyEntityId(relationship.from, lookups);
  const toId = partyEntityId(relationship.to, lookups);
  if (!from || !to || fromId === undefined || toId === undefined) return [];
  const preferred = SHAPES[relationship.type];
  const shape = fits(preferred.source, from) && fits(preferred.target, to) ? preferred : UNKNOWN_LINK;
  const properties: Record<string, FtmValues> = {
    [shape.source]: fromId,
    [shape.target]: toId,
    role: relationship.type.replace(/-/g, ' '),
    startDate: relationship.date,
    endDate: relationship.end,
    // Interval's `date`: the day a source describes the link as holding, when it gives no start.
    date: relationship.asOf,
    // Ownership's `percentage`; a stake in words goes with the notes.
    ...(shape.schema === 'Ownership' ? { percentage: relationship.stakePercent } : {}),
    description: [relationship.stake === undefined ? undefined : `Stake: ${relationship.stake}`, relationship.notes].filter((t) => t !== undefined).join('. ') || undefined,
    recordId: relationship.id,
    ...ftmProvenance(relationship.sources, lookups),
  };
  return [ftmEntity(ftmIds.relationship(relationship.id), shape.schema, properties)];
}
