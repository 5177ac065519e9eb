import type { RecordShapes } from '../../registry/registry-record.js';
import type { IncomingParty } from '../import-batch.js';

type Organization = RecordShapes['organization'];
type Person = RecordShapes['person'];

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])].sort();

/** Names the record does not know yet (not its name, an alias or a former name), to become aliases. */
function newNames(known: readonly string[], party: IncomingParty): string[] {
  const seen = new Set(known);
  return [party.name, ...party.aliases].filter((n) => !seen.has(n));
}

/**
 * An organisation merged with what an import says of it: the incoming names it does not have
 * become aliases, the import's sources are added, and fields it lacks (country, locality, notes,
 * identifiers of a scheme it has none of) are filled. Nothing it already says is overwritten —
 * a curated record wins over an imported one; kind and status stay.
 *
 * @example
 * mergeOrganization(nso, { name: 'NSO GROUP', aliases: [], sources: ['import-sii-…'], … }).aliases; // [..., 'NSO GROUP']
 */
export function mergeOrganization(existing: Organization, party: IncomingParty): Organization {
  const incoming = party.organization ?? {};
  const aliases = [...(existing.aliases ?? []), ...newNames([existing.name, ...(existing.aliases ?? []), ...(existing.formerNames ?? []).map((f) => f.name)], party)];
  const identifiers = { ...(incoming.identifiers ?? {}), ...(existing.identifiers ?? {}) };
  return {
    ...existing,
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(existing.country === undefined && incoming.country !== undefined ? { country: incoming.country } : {}),
    ...(existing.locality === undefined && incoming.locality !== undefined ? { locality: incoming.locality } : {}),
    ...(existing.notes === undefined && incoming.notes !== undefined ? { notes: incoming.notes } : {}),
    ...(Object.keys(identifiers).length > 0 ? { identifiers } : {}),
    sources: union(existing.sources, party.sources),
  };
}

/** A person merged the same way: new names as aliases, sources added, role, nationality and notes filled where missing. */
export function mergePerson(existing: Person, party: IncomingParty): Person {
  const incoming = party.person ?? {};
  const aliases = [...(existing.aliases ?? []), ...newNames([existing.name, ...(existing.aliases ?? [])], party)];
  return {
    ...existing,
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(existing.role === undefined && incoming.role !== undefined ? { role: incoming.role } : {}),
    ...(existing.nationality === undefined && incoming.nationality !== undefined ? { nationality: incoming.nationality } : {}),
    ...(existing.notes === undefined && incoming.notes !== undefined ? { notes: incoming.notes } : {}),
    sources: union(existing.sources, party.sources),
  };
}

/** A new organisation from an incoming party: `reported`, as every record an import creates. */
export function newOrganization(id: string, party: IncomingParty): Organization {
  const o = party.organization ?? {};
  return {
    id, name: party.name, kind: o.kind ?? 'company',
    ...(party.aliases.length > 0 ? { aliases: [...new Set(party.aliases)] } : {}),
    ...(o.country ? { country: o.country } : {}), ...(o.locality ? { locality: o.locality } : {}), ...(o.identifiers ? { identifiers: o.identifiers } : {}), ...(o.notes ? { notes: o.notes } : {}),
    sources: union([], party.sources), status: 'reported',
  };
}

/** A new person from an incoming party, `reported`. */
export function newPerson(id: string, party: IncomingParty): Person {
  const p = party.person ?? {};
  return {
    id, name: party.name, ...(party.aliases.length > 0 ? { aliases: [...new Set(party.aliases)] } : {}),
    ...(p.role ? { role: p.role } : {}), ...(p.nationality ? { nationality: p.nationality } : {}), ...(p.notes ? { notes: p.notes } : {}),
    sources: union([], party.sources), status: 'reported',
  };
}

/**
 * A stored fact (relationship, designation, incident) merged with the same fact from an import:
 * the import's sources are added and the fields it lacks are filled; what it says stays.
 *
 * @example
 * mergeFact(storedRelationship, importedRelationship).sources; // both records' sources
 */
export function mergeFact<R extends { sources: string[] }>(existing: R, incoming: R): R {
  const filled: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(incoming)) if (filled[key] === undefined && value !== undefined) filled[key] = value;
  return { ...existing, ...Object.fromEntries(Object.entries(filled).filter(([key]) => !(key in existing))), sources: union(existing.sources, incoming.sources) };
}
