import { authorityLabel, designationListLabel } from '../../registry/labels.js';
import type { RecordShapes } from '../../registry/registry-record.js';
import type { ExposureRegistry } from './exposure-registry.js';

/** One link of a chain, read "holder RELATION held" ("AE Industrial Partners acquired Paragon Solutions"). */
export interface ChainStep {
  readonly holder: { readonly id: string; readonly name: string };
  readonly relation: string;
  readonly held: { readonly id: string; readonly name: string };
  readonly since?: string;
  readonly until?: string;
  readonly stake?: string;
  readonly relationshipId: string;
  readonly sources: readonly string[];
}

/** A listing at the end of a chain, in words. */
export interface ChainDesignation {
  readonly id: string;
  readonly authority: string;
  readonly list: string;
  readonly listed: string;
  readonly delisted?: string;
}

/** An incident at the end of a chain. */
export interface ChainIncident {
  readonly id: string;
  readonly title: string;
  readonly date?: string;
}

/** Why a holding matters: the organisation reached, how, and what is recorded against it. */
export interface Exposure {
  readonly organization: { readonly id: string; readonly name: string };
  /** From the issuer to the organisation; empty when the issuer itself is designated. */
  readonly chain: readonly ChainStep[];
  readonly designations: readonly ChainDesignation[];
  readonly incidents: readonly ChainIncident[];
}

/** How deep ownership is followed (a fund → holding company → parent → vendor is three links). */
const MAX_DEPTH = 4;

/**
 * The ownership and investment edges of the registry, from holder to held: `acquired`,
 * `invested-in` and `owner-of` read forward, `subsidiary-of` backward (the parent holds the
 * subsidiary).
 */
function holdings(relationships: readonly RecordShapes['relationship'][]): Map<string, { to: string; relation: string; r: RecordShapes['relationship'] }[]> {
  const edges = new Map<string, { to: string; relation: string; r: RecordShapes['relationship'] }[]>();
  const add = (from: string, to: string, relation: string, r: RecordShapes['relationship']): void => {
    edges.set(from, [...(edges.get(from) ?? []), { to, relation, r }]);
  };
  for (const r of relationships) {
    if (r.type === 'acquired') add(r.from, r.to, 'acquired', r);
    else if (r.type === 'invested-in') add(r.from, r.to, 'invested in', r);
    else if (r.type === 'owner-of') add(r.from, r.to, 'owns', r);
    else if (r.type === 'subsidiary-of') add(r.to, r.from, 'is the parent of', r);
  }
  return edges;
}

/**
 * Follows an issuer's ownership and investment relationships (breadth first, at most four links,
 * each organisation once) and returns every organisation reached — the issuer included — that has
 * designations or incidents recorded against it, with the chain that leads there. Ended links are
 * followed too and say so (`until`): a past owner may still hold proceeds or obligations, and
 * the reader decides.
 *
 * @example
 * exposuresOf('ae-industrial-partners', registry); // [{ organization: { id: 'paragon-solutions', … }, chain: [{ relation: 'acquired', since: '2024-12', … }], designations: [], incidents: [...] }]
 */
export function exposuresOf(issuerId: string, registry: ExposureRegistry): Exposure[] {
  const names = new Map(registry.organizations.map((o) => [o.id, o.name]));
  const name = (id: string): string => names.get(id) ?? id;
  const edges = holdings(registry.relationships);
  const designations = new Map<string, ChainDesignation[]>();
  for (const d of registry.designations) {
    designations.set(d.subject, [...(designations.get(d.subject) ?? []), { id: d.id, authority: authorityLabel(d.authority), list: designationListLabel(d.list), listed: d.listed, ...(d.delisted ? { delisted: d.delisted } : {}) }]);
  }
  const incidents = new Map<string, ChainIncident[]>();
  for (const i of registry.incidents) for (const vendor of i.vendors ?? []) incidents.set(vendor, [...(incidents.get(vendor) ?? []), { id: i.id, title: i.title, ...(i.date ? { date: i.date } : {}) }]);

  const out: Exposure[] = [];
  const seen = new Set([issuerId]);
  let frontier: { id: string; chain: ChainStep[] }[] = [{ id: issuerId, chain: [] }];
  for (let depth = 0; frontier.length > 0 && depth <= MAX_DEPTH; depth += 1) {
    const next: { id: string; chain: ChainStep[] }[] = [];
    for (const { id, chain } of frontier) {
      const d = designations.get(id) ?? [];
      const i = incidents.get(id) ?? [];
      if (d.length > 0 || i.length > 0) out.push({ organization: { id, name: name(id) }, chain, designations: d, incidents: i });
      if (depth === MAX_DEPTH) continue;
      for (const edge of edges.get(id) ?? []) {
        if (seen.has(edge.to)) continue;
        seen.add(edge.to);
        const r = edge.r;
        const stake = [r.stakePercent === undefined ? undefined : `${r.stakePercent}%`, r.stake].filter((s) => s !== undefined).join(', ');
        const step: ChainStep = {
          holder: { id, name: name(id) }, relation: edge.relation, held: { id: edge.to, name: name(edge.to) }, relationshipId: r.id, sources: r.sources,
          ...(r.date ?? r.asOf ? { since: r.date ?? r.asOf } : {}), ...(r.end ? { until: r.end } : {}), ...(stake ? { stake } : {}),
        };
        next.push({ id: edge.to, chain: [...chain, step] });
      }
    }
    frontier = next;
  }
  return out;
}
