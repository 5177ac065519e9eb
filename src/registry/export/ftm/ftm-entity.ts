import type { ExportLookups } from '../export-batch.js';

/**
 * The FollowTheMoney schemata the export emits. Property names and ranges follow FtM 3.8.4
 * (`followthemoney/schema/*.yaml`); test/fixtures/ftm/ holds the facts the tests check against.
 */
export type FtmSchema =
  | 'Company' | 'PublicBody' | 'Organization' | 'Person'
  | 'Sanction' | 'Ownership' | 'Membership' | 'Directorship' | 'Succession' | 'UnknownLink'
  | 'Event' | 'Contract' | 'ContractAward';

/**
 * An entity in FtM's JSON form, as OpenSanctions publishes it in entities.ftm.json: every
 * property is multi-valued, a list of strings, and `datasets` names where it comes from.
 */
export interface FtmEntity {
  readonly id: string;
  readonly schema: FtmSchema;
  readonly properties: Readonly<Record<string, readonly string[]>>;
  readonly datasets: readonly string[];
}

/** The dataset name every exported entity carries. */
export const FTM_DATASET = 'countersign';

/**
 * Entity ids: the registry's own ids under a `countersign-<kind>-` prefix, so they are stable
 * across exports and never collide with another dataset's. FtM ids must match
 * `[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?` within 200 characters (followthemoney/types/entity.py);
 * registry ids are lower-case slugs of at most 100, PIIDs are lower-cased.
 *
 * @example
 * ftmIds.designation('nso-group--us-bis--entity-list--2021-11-03');  // 'countersign-sanction-nso-group--us-bis--entity-list--2021-11-03'
 */
export const ftmIds = {
  organization: (id: string) => `countersign-org-${id}`,
  person: (id: string) => `countersign-person-${id}`,
  designation: (id: string) => `countersign-sanction-${id}`,
  relationship: (id: string) => `countersign-rel-${id}`,
  incident: (id: string) => `countersign-incident-${id}`,
  contract: (piid: string) => `countersign-contract-${piid.toLowerCase()}`,
  contractAward: (piid: string) => `countersign-award-${piid.toLowerCase()}`,
} as const;

type Value = string | number | undefined | null;
export type FtmValues = Value | readonly Value[];

/**
 * Builds an entity from property values, leaving out empty and absent ones and repeated values,
 * and writing numbers as strings — FtM values are strings.
 *
 * @example
 * ftmEntity('countersign-org-candiru', 'Company', { name: 'Candiru', alias: ['Saito Tech Ltd.'], country: 'il', notes: undefined });
 * // { id: 'countersign-org-candiru', schema: 'Company', properties: { name: ['Candiru'], alias: ['Saito Tech Ltd.'], country: ['il'] }, datasets: ['countersign'] }
 */
export function ftmEntity(id: string, schema: FtmSchema, properties: Readonly<Record<string, FtmValues>>): FtmEntity {
  const out: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(properties)) {
    const list: readonly Value[] = Array.isArray(values) ? values : [values];
    const strings = [...new Set(list.flatMap((v) => (v === undefined || v === null || v === '' ? [] : [String(v)])))];
    if (strings.length > 0) out[name] = strings;
  }
  return { id, schema, properties: out, datasets: [FTM_DATASET] };
}

/**
 * FtM country values are lower-case codes (FtM's country type normalises to them; OpenSanctions
 * publishes `"country": ["ru"]`); the registry stores ISO 3166-1 alpha-2 in upper case.
 *
 * @example
 * ftmCountry('IL');  // 'il'
 */
export function ftmCountry(code: string | undefined): string | undefined {
  return code?.toLowerCase();
}

/**
 * Where a record's facts come from, as FtM says it: `sourceUrl` (Thing and Interval, "Source
 * link") for each cited source with a URL, `publisher` ("Publishing source") for its publisher.
 *
 * @example
 * ftmProvenance(['commerce-2021-11-03'], lookups);  // { sourceUrl: ['https://www.commerce.gov/…'], publisher: ['U.S. Department of Commerce'] }
 */
export function ftmProvenance(sources: readonly string[], lookups: ExportLookups): { sourceUrl: string[]; publisher: string[] } {
  const cited = sources.flatMap((id) => {
    const source = lookups.sources.get(id);
    return source ? [source] : [];
  });
  return { sourceUrl: cited.flatMap((s) => s.url ?? []), publisher: cited.flatMap((s) => s.publisher ?? []) };
}
