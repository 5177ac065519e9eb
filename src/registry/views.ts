import type { ChangeRow } from './registry-store.js';
import type { RecordShapes } from './registry-record.js';
import type { RecordType } from './schemas/common.js';

/** A record named for display: enough to link to it. */
export interface RecordRef {
  readonly type: RecordType;
  readonly id: string;
  readonly name: string;
}

export interface SourceSummary {
  readonly id: string;
  readonly title: string;
  readonly publisher: string | null;
  readonly date: string | null;
  readonly url: string | null;
}

/** A relationship seen from one side: `direction` says whether this record is its `from` or `to`. */
export interface RelationshipView {
  readonly relationship: RecordShapes['relationship'];
  readonly direction: 'outgoing' | 'incoming';
  readonly other: RecordRef;
}

/** One point on a designation timeline: a listing or a delisting. */
export interface DesignationEvent {
  readonly date: string;
  readonly kind: 'listed' | 'delisted';
  readonly designation: RecordShapes['designation'];
}

export interface ContractView {
  readonly contract: RecordShapes['contract'];
  readonly buyer: RecordRef | null;
  readonly fundingOffice: RecordRef | null;
  readonly recipient: RecordRef | null;
  /** In date order, award first. */
  readonly transactions: readonly RecordShapes['transaction'][];
  readonly sources: Readonly<Record<string, SourceSummary>>;
}

export interface OrganizationView {
  readonly organization: RecordShapes['organization'];
  readonly parent: RecordRef | null;
  readonly relationships: readonly RelationshipView[];
  readonly products: readonly RecordShapes['product'][];
  readonly designations: readonly RecordShapes['designation'][];
  /** Listings and delistings in date order. */
  readonly timeline: readonly DesignationEvent[];
  readonly incidents: readonly RecordShapes['incident'][];
  readonly contracts: readonly ContractView[];
  readonly history: readonly ChangeRow[];
  /** Every source any fact on the page cites. */
  readonly sources: Readonly<Record<string, SourceSummary>>;
}

export interface PersonView {
  readonly person: RecordShapes['person'];
  readonly relationships: readonly RelationshipView[];
  readonly designations: readonly RecordShapes['designation'][];
  readonly timeline: readonly DesignationEvent[];
  readonly history: readonly ChangeRow[];
  readonly sources: Readonly<Record<string, SourceSummary>>;
}

export interface ProductView {
  readonly product: RecordShapes['product'];
  readonly vendor: RecordRef | null;
  readonly incidents: readonly RecordShapes['incident'][];
  readonly history: readonly ChangeRow[];
  readonly sources: Readonly<Record<string, SourceSummary>>;
}

export interface IncidentView {
  readonly incident: RecordShapes['incident'];
  readonly products: readonly RecordRef[];
  readonly vendors: readonly RecordRef[];
  readonly history: readonly ChangeRow[];
  readonly sources: Readonly<Record<string, SourceSummary>>;
}

export interface SourceView {
  readonly source: RecordShapes['source'];
  /** Every record that cites this source. */
  readonly citedBy: readonly RecordRef[];
}

/** A page of a list, with the total for pagination. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

