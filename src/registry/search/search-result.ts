import type { RecordStatus, RecordType } from '../schemas/common.js';
import type { MatchField } from './rank-matches.js';

/** One search hit, best first. `url` is the portal page. */
export interface SearchResult {
  readonly type: RecordType;
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly status: RecordStatus;
  /** Organisation kind (vendor, investor …), when the record is an organisation. */
  readonly kind?: string;
  readonly countries: readonly string[];
  /** Designating authorities (US-BIS, US-OFAC …) of the record. */
  readonly authorities: readonly string[];
  readonly identifiers?: Readonly<Record<string, string>>;
  /**
   * Why it matched, and its rank (lower first; `rankOf` says how it is computed): the name, an
   * alias (given), a former name (given), other text, a country the query names (given), or a
   * related record the query found (given: "product Pegasus").
   */
  readonly matched: { readonly field: MatchField; readonly text?: string; readonly rank?: number };
}

export interface SearchFilters {
  readonly type?: RecordType | undefined;
  readonly kind?: string | undefined;
  readonly country?: string | undefined;
  readonly authority?: string | undefined;
  readonly status?: RecordStatus | undefined;
}

export type FacetName = 'type' | 'kind' | 'country' | 'authority' | 'status';

export interface SearchResponse {
  readonly query: string;
  readonly results: readonly SearchResult[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /**
   * Words that matched nothing as typed and were read as a near spelling (one letter off):
   * `[{ word: 'intelexa', read: ['intellexa'] }]`.
   */
  readonly corrected?: readonly { readonly word: string; readonly read: readonly string[] }[];
  /** Counts per value for each facet, over the filtered results. */
  readonly facets: Readonly<Record<FacetName, Readonly<Record<string, number>>>>;
}

const PATHS: Partial<Record<RecordType, string>> = { organization: 'organizations', person: 'people', product: 'products', incident: 'incidents', contract: 'contracts', source: 'sources', policy: 'policies' };

/** The portal URL of a record page. */
export function recordUrl(type: RecordType, id: string): string {
  // Policies are few and read in their index, each row anchored by its id.
  if (type === 'policy') return `/policies#${encodeURIComponent(id)}`;
  return `/${PATHS[type] ?? `${type}s`}/${encodeURIComponent(id)}`;
}

/** Whether a result passes the filters. */
export function matchesFilters(result: SearchResult, filters: SearchFilters): boolean {
  return (
    (!filters.type || result.type === filters.type) &&
    (!filters.kind || result.kind === filters.kind) &&
    (!filters.country || result.countries.includes(filters.country)) &&
    (!filters.authority || result.authorities.includes(filters.authority)) &&
    (!filters.status || result.status === filters.status)
  );
}

/** Facet counts over a set of results. */
export function countFacets(results: readonly SearchResult[]): Record<FacetName, Record<string, number>> {
  const facets: Record<FacetName, Record<string, number>> = { type: {}, kind: {}, country: {}, authority: {}, status: {} };
  const bump = (facet: FacetName, value: string | undefined): void => {
    if (value) facets[facet][value] = (facets[facet][value] ?? 0) + 1;
  };
  for (const r of results) {
    bump('type', r.type);
    bump('kind', r.kind);
    bump('status', r.status);
    for (const c of new Set(r.countries)) bump('country', c);
    for (const a of new Set(r.authorities)) bump('authority', a);
  }
  return facets;
}
