import { relationshipLabel } from '../../../registry/labels.js';
import type { RelationshipType } from '../../../registry/schemas/relationship.js';
import type { OrganizationView, PersonView, RecordRef, RelationshipView } from '../../../registry/views.js';
import { formatDate } from '../format-date.js';
import type { GraphEdge, GraphNode, GraphNodeRole, RelationshipGraphData } from './relationship-graph.js';

/**
 * A relationship's dates: in words for tooltips ("since December 2024"), and as a span of years
 * for the picture ("2024–"). Unknown dates stay unknown: no span is drawn.
 *
 * @example
 * relationshipDates('2019-03', '2023'); // { words: 'from March 2019 until 2023', span: '2019–2023' }
 */
export function relationshipDates(start: string | null | undefined, end: string | null | undefined): GraphEdge['dates'] {
  const year = (d: string) => d.slice(0, 4);
  if (start && end) return { words: `from ${formatDate(start)} until ${formatDate(end)}`, span: `${year(start)}–${year(end)}` };
  if (start) return { words: `since ${formatDate(start)}`, span: `${year(start)}–` };
  if (end) return { words: `until ${formatDate(end)}`, span: `–${year(end)}` };
  return { words: '', span: '' };
}

/** More parties than this make a picture nobody can read (and a layout too slow for a page): the rest stay in the tables. */
const MAX_NODES = 40;

/** Where a directly related party sits, seen from the focus: above (owners, people), level (partners) or below (holdings). */
function placement(r: RelationshipView): { role: GraphNodeRole; layer: number } {
  const type: RelationshipType = r.relationship.type;
  if (r.other.type === 'person') return { role: 'person', layer: -1 };
  const upward = r.direction === 'outgoing' ? ['subsidiary-of', 'part-of'] : ['acquired', 'invested-in', 'owner-of'];
  const downward = r.direction === 'outgoing' ? ['acquired', 'invested-in', 'owner-of'] : ['subsidiary-of', 'part-of'];
  if (upward.includes(type)) return { role: 'owner', layer: -1 };
  if (downward.includes(type)) return { role: 'holding', layer: 1 };
  if (type === 'affiliate-of' || type === 'member-of-consortium' || type === 'renamed-from') return { role: 'affiliate', layer: 0 };
  return { role: 'other', layer: 0 };
}

/** The edge of a direct relationship, drawn as the relationship reads: from its `from` party to its `to` party. */
function directEdge(focus: string, r: RelationshipView): GraphEdge {
  const [from, to] = r.direction === 'outgoing' ? [focus, r.other.id] : [r.other.id, focus];
  return { from, to, label: relationshipLabel(r.relationship.type).toLowerCase(), dates: relationshipDates(r.relationship.date, r.relationship.end) };
}

/**
 * The graph of an organisation: its corporate family as walked (parents above, subsidiaries and
 * affiliates below and beside, several levels deep) and every other party it is directly related
 * to (investors, people, enablers, suppliers).
 *
 * @example
 * relationshipGraph(organizationGraphData(view), { … });
 */
export function organizationGraphData(view: OrganizationView, maxNodes = MAX_NODES): RelationshipGraphData {
  const focus: RecordRef = { type: 'organization', id: view.organization.id, name: view.organization.name };
  const nodes = new Map<string, GraphNode>([[focus.id, { ref: focus, role: 'focus', layer: 0 }]]);
  const edges = new Map<string, GraphEdge>();
  let omitted = 0;
  for (const member of view.family) {
    if (nodes.size >= maxNodes) {
      omitted += 1;
      continue;
    }
    let layer = 0;
    let previous = focus.id;
    for (const step of member.path) {
      layer += step.relation === 'parent' ? -1 : step.relation === 'subsidiary' ? 1 : 0;
      const role: GraphNodeRole = member.side === 'ancestor' ? 'owner' : step.relation === 'subsidiary' ? 'holding' : 'affiliate';
      if (!nodes.has(step.member.id)) nodes.set(step.member.id, { ref: step.member, role, layer });
      const key = step.relationshipId ?? `${previous}>${step.member.id}`;
      if (!edges.has(key)) {
        // Draw ownership downwards: from the parent to what it holds.
        const [from, to] = step.relation === 'parent' ? [step.member.id, previous] : [previous, step.member.id];
        const label = step.relationshipId === null ? 'part of' : relationshipLabel(step.relationshipType).toLowerCase();
        edges.set(key, { from, to, label, dates: relationshipDates(step.date, step.end) });
      }
      previous = step.member.id;
    }
  }
  for (const r of view.relationships) {
    if (!nodes.has(r.other.id)) {
      if (nodes.size >= maxNodes) {
        omitted += 1;
        continue;
      }
      nodes.set(r.other.id, { ref: r.other, ...placement(r) });
    }
    if (!edges.has(r.relationship.id)) edges.set(r.relationship.id, directEdge(focus.id, r));
  }
  if (view.parent && !nodes.has(view.parent.id)) {
    nodes.set(view.parent.id, { ref: view.parent, role: 'owner', layer: -1 });
    edges.set(`parent:${view.parent.id}`, { from: view.parent.id, to: focus.id, label: 'component', dates: { words: '', span: '' } });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], omitted };
}

/**
 * The graph of a person: the organisations they are tied to, each edge its relationship and dates.
 *
 * @example
 * relationshipGraph(personGraphData(view), { … });
 */
export function personGraphData(view: PersonView): RelationshipGraphData {
  const focus: RecordRef = { type: 'person', id: view.person.id, name: view.person.name };
  const nodes = new Map<string, GraphNode>([[focus.id, { ref: focus, role: 'focus', layer: 0 }]]);
  const edges: GraphEdge[] = [];
  for (const r of view.relationships) {
    if (!nodes.has(r.other.id)) nodes.set(r.other.id, { ref: r.other, role: r.other.type === 'person' ? 'person' : 'other', layer: r.other.type === 'person' ? 0 : 1 });
    edges.push(directEdge(focus.id, r));
  }
  return { nodes: [...nodes.values()], edges };
}
