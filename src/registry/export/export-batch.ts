import type { RegistryRecord } from '../registry-record.js';
import type { ORGANIZATION_KINDS } from '../schemas/organization.js';

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** What an export needs to know of a cited source: where it can be read and who published it. */
export interface CitedSource {
  readonly url: string | null;
  readonly publisher: string | null;
}

/** A record a relationship, designation, contract or incident points at: a person, or an organisation of some kind. */
export type Party = { readonly type: 'person' } | { readonly type: 'organization'; readonly kind: OrganizationKind };

/**
 * The facts about other records that exporting a batch needs, loaded with the batch so that the
 * exporters stay pure: the sources the batch cites, the parties it names, and which
 * organisations' `parent` is also recorded as a part-of relationship (that link is exported
 * once, from the relationship).
 */
export interface ExportLookups {
  readonly sources: ReadonlyMap<string, CitedSource>;
  readonly parties: ReadonlyMap<string, Party>;
  readonly parentAlsoRelationship: ReadonlySet<string>;
}

/**
 * One page of records of one type with their lookups: the unit the store reads and the exporters
 * write, so an export holds one page in memory, never the registry.
 *
 * @example
 * for await (const batch of readExportBatches(db, ['organization'])) for (const entry of batch.records) …
 */
export interface ExportBatch {
  readonly records: readonly RegistryRecord[];
  readonly lookups: ExportLookups;
}
