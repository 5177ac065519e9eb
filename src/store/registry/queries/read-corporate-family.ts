import type { Kysely } from 'kysely';
import type { RelationshipType } from '../../../registry/schemas/relationship.js';
import type { FamilyMember, FamilyRelation, FamilyStep, RecordRef } from '../../../registry/views.js';
import type { Database } from '../../schema.js';

/** Relationships that make two organisations one corporate family, and what each end is to the other. */
const FAMILY_EDGES: Readonly<Partial<Record<RelationshipType, { readonly fromSees: FamilyRelation; readonly toSees: FamilyRelation }>>> = {
  // "A subsidiary-of B": from A, B is its parent; from B, A is its subsidiary.
  'subsidiary-of': { fromSees: 'parent', toSees: 'subsidiary' },
  'part-of': { fromSees: 'parent', toSees: 'subsidiary' },
  acquired: { fromSees: 'subsidiary', toSees: 'parent' },
  'owner-of': { fromSees: 'subsidiary', toSees: 'parent' },
  'affiliate-of': { fromSees: 'affiliate', toSees: 'affiliate' },
  'member-of-consortium': { fromSees: 'affiliate', toSees: 'affiliate' },
  'renamed-from': { fromSees: 'predecessor', toSees: 'successor' },
};
const FAMILY_TYPES = Object.keys(FAMILY_EDGES);

/** Limits of one walk: a registry of 100,000 organisations must not turn one page into a crawl. */
export interface FamilyWalkLimits {
  readonly maxDepth: number;
  readonly maxMembers: number;
}

const DEFAULT_LIMITS: FamilyWalkLimits = { maxDepth: 6, maxMembers: 200 };

interface Neighbour {
  readonly from: string;
  readonly to: string;
  readonly step: Omit<FamilyStep, 'member'>;
}

/** Every family edge touching the frontier, seen from the frontier's side: one query for relationships, one for `parent` fields. */
async function neighboursOf(db: Kysely<Database>, frontier: readonly string[]): Promise<Neighbour[]> {
  const rows = await db
    .selectFrom('relationships')
    .select(['id', 'fromId', 'toId', 'type', 'startDate', 'endDate'])
    .where('type', 'in', FAMILY_TYPES)
    .where('fromType', '=', 'organization')
    .where('toType', '=', 'organization')
    .where((eb) => eb.or([eb('fromId', 'in', frontier), eb('toId', 'in', frontier)]))
    .orderBy('id')
    .execute();
  const out: Neighbour[] = [];
  const inFrontier = new Set(frontier);
  for (const row of rows) {
    const type = FAMILY_TYPES.find((t): t is RelationshipType => t === row.type);
    const edge = type === undefined ? undefined : FAMILY_EDGES[type];
    if (type === undefined || edge === undefined) continue;
    const common = { relationshipType: type, relationshipId: row.id, date: row.startDate, end: row.endDate };
    if (inFrontier.has(row.fromId)) out.push({ from: row.fromId, to: row.toId, step: { ...common, relation: edge.fromSees } });
    if (inFrontier.has(row.toId)) out.push({ from: row.toId, to: row.fromId, step: { ...common, relation: edge.toSees } });
  }
  const parents = await db
    .selectFrom('organizations')
    .select(['id', 'parentId'])
    .where((eb) => eb.or([eb('id', 'in', frontier), eb('parentId', 'in', frontier)]))
    .orderBy('id')
    .execute();
  for (const { id, parentId } of parents) {
    if (parentId === null) continue;
    const common = { relationshipType: 'part-of' as const, relationshipId: null, date: null, end: null };
    if (inFrontier.has(id)) out.push({ from: id, to: parentId, step: { ...common, relation: 'parent' } });
    if (inFrontier.has(parentId)) out.push({ from: parentId, to: id, step: { ...common, relation: 'subsidiary' } });
  }
  // Where a cycle makes one organisation both above and below another at the same distance, it
  // counts as a holding: its facts are then shown (labelled), not hidden.
  return out.sort((a, b) => Number(a.step.relation === 'parent') - Number(b.step.relation === 'parent'));
}

interface Reached {
  readonly side: FamilyMember['side'];
  readonly path: readonly (Omit<FamilyStep, 'member'> & { readonly memberId: string })[];
}

/**
 * An organisation's corporate family: its parents (up, transitively) and its subsidiaries and
 * affiliates (down and sideways, transitively), each with the shortest path that reaches it.
 * A walk never turns from down to up or from up to down, so siblings and cousins are not family
 * here: a subsidiary's page does not gather its parent's other holdings.
 *
 * Breadth first, one level per round trip (two small queries a level, one for the names at the
 * end), so a family costs a few queries however many members it has — never one per member. A
 * visited set guards against cycles (A owns B owns A); depth and size are capped, and
 * `truncated` says when a cap was hit.
 *
 * @example
 * const { members } = await readCorporateFamily(db, 'paragon-solutions');
 * // [{ ref: Paragon Solutions (US) Inc., side: 'holding', path: [{ relation: 'subsidiary', … }] }, …]
 */
export async function readCorporateFamily(db: Kysely<Database>, rootId: string, limits: FamilyWalkLimits = DEFAULT_LIMITS): Promise<{ members: FamilyMember[]; truncated: boolean }> {
  const reached = new Map<string, Reached>([[rootId, { side: 'holding', path: [] }]]);
  let frontier: string[] = [rootId];
  let truncated = false;
  for (let depth = 0; frontier.length > 0; depth++) {
    if (depth === limits.maxDepth) {
      truncated = (await neighboursOf(db, frontier)).some((n) => !reached.has(n.to));
      break;
    }
    const next: string[] = [];
    for (const { from, to, step } of await neighboursOf(db, frontier)) {
      const origin = reached.get(from);
      if (origin === undefined) throw new Error(`family walk: ${from} is on the frontier but was never reached`);
      if (reached.has(to)) continue;
      const up = step.relation === 'parent';
      // The root's first step decides the direction; after it, never turn (see above).
      const side: Reached['side'] = origin.path.length === 0 ? (up ? 'ancestor' : 'holding') : origin.side;
      if ((side === 'ancestor') !== up) continue;
      if (reached.size - 1 >= limits.maxMembers) {
        truncated = true;
        break;
      }
      reached.set(to, { side, path: [...origin.path, { ...step, memberId: to }] });
      next.push(to);
    }
    frontier = next;
  }
  reached.delete(rootId);
  const names = await organizationRefs(db, [...reached.keys()]);
  const ref = (id: string): RecordRef => names.get(id) ?? { type: 'organization', id, name: id };
  const members = [...reached.entries()].map(([id, r]) => ({
    ref: ref(id),
    side: r.side,
    path: r.path.map(({ memberId, ...step }) => ({ ...step, member: ref(memberId) })),
  }));
  members.sort((a, b) => a.path.length - b.path.length || a.ref.name.localeCompare(b.ref.name));
  return { members, truncated };
}

async function organizationRefs(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, RecordRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { type: 'organization', id: r.id, name: r.name }]));
}
