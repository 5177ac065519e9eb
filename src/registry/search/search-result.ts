import type { RecordStatus, RecordType } from '../schemas/common.js';

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
  /** Which text matched: the name, an alias (given), a former name (given), or other text. */
  readonly matched: { readonly field: 'name' | 'alias' | 'former' | 'text'; readonly text?: string };
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
  /** Counts per value for each facet, over the filtered results. */
  readonly facets: Readonly<Record<FacetName, Readonly<Record<string, number>>>>;
}

const PATHS: Partial<Record<RecordType, string>> = { organization: 'organizations', person: 'people', product: 'products', incident: 'incidents', contract: 'contracts', source: 'sources' };

/** The portal URL of a record page. */
export function recordUrl(type: RecordType, id: string): string {
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
