import { createHash } from 'node:crypto';
import type { Watchlist, WatchlistEntry } from '../matching/types.js';
import { canonicalJson } from '../../ledger/entries/canonical-json.js';
import type { RecordShapes } from '../../registry/registry-record.js';

/**
 * Kinds of organisation procurement screening looks for. Government agencies are the buyers,
 * not the sellers; an investor's other holdings (AE Industrial Partners owns aerospace firms)
 * would flood the alerts — its spyware holdings are on the list in their own right.
 */
const SCREENED_KINDS = new Set(['vendor', 'subsidiary', 'company', 'other']);

/** Relationships worth naming in a match's reasons ("subsidiary of Paragon Solutions Ltd."). */
const LINKS = new Set(['subsidiary-of', 'affiliate-of', 'member-of-consortium', 'enabler-of', 'renamed-from', 'part-of']);

/**
 * Compiles the screening watchlist from the registry: every vendor-side organisation with its
 * names, aliases, former names, identifiers, and its links to other entries. The version is a
 * hash of the content, so any registry change that matters to screening gives a new version.
 *
 * @example
 * const watchlist = compileWatchlist(organizations, relationships);
 */
export function compileWatchlist(organizations: readonly RecordShapes['organization'][], relationships: readonly RecordShapes['relationship'][]): Watchlist {
  const screened = organizations.filter((o) => SCREENED_KINDS.has(o.kind));
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const entries: WatchlistEntry[] = screened
    .map((o) => ({
      organizationId: o.id,
      organizationName: o.name,
      names: [
        { value: o.name, kind: 'primary' as const },
        ...(o.aliases ?? []).map((value) => ({ value, kind: 'alias' as const })),
        ...(o.formerNames ?? []).map((f) => ({ value: f.name, kind: 'former' as const })),
      ],
      identifiers: {
        uei: o.identifiers?.uei ? [o.identifiers.uei] : [],
        duns: o.identifiers?.duns ? [o.identifiers.duns] : [],
        cage: o.identifiers?.cage ? [o.identifiers.cage] : [],
      },
      related: relationships
        .filter((r) => LINKS.has(r.type) && (r.from === o.id || r.to === o.id))
        .flatMap((r) => {
          const otherId = r.from === o.id ? r.to : r.from;
          const other = byId.get(otherId);
          if (!other) return [];
          const relation = r.from === o.id ? r.type : `${r.type} (inverse)`;
          return [{ organizationId: other.id, organizationName: other.name, relation }];
        }),
    }))
    .sort((a, b) => (a.organizationId < b.organizationId ? -1 : 1));
  const version = createHash('sha256').update(canonicalJson(entries)).digest('hex').slice(0, 16);
  return { version, entries };
}
