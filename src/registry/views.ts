import type { ChangeRow } from './registry-store.js';
import type { RecordShapes } from './registry-record.js';
import type { RecordType } from './schemas/common.js';
import type { RelationshipType } from './schemas/relationship.js';

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
  /** SHA-256 of the archived copy the registry keeps (served at /sources/{id}/archive), if any. */
  readonly sha256?: string | null;
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

/**
 * How one member of a corporate family stands to the member before it on the walk: its parent
 * (up), its subsidiary (down), an affiliate or consortium partner, or a predecessor or successor
 * under another name.
 */
export type FamilyRelation = 'parent' | 'subsidiary' | 'affiliate' | 'predecessor' | 'successor';

/** One step of a walk through a corporate family, along a relationship (or an organisation's `parent` field). */
export interface FamilyStep {
  readonly relation: FamilyRelation;
  /** The relationship walked; `part-of` with a null id for an organisation's `parent` field. */
  readonly relationshipType: RelationshipType;
  readonly relationshipId: string | null;
  readonly date: string | null;
  readonly end: string | null;
  /** The member this step reaches. */
  readonly member: RecordRef;
}

/**
 * An organisation in another's corporate family, with the shortest path to it. `ancestor`:
 * reached only by going up (parents, their parents); `holding`: reached down or sideways
 * (subsidiaries, affiliates, and theirs) — the members whose facts roll up to the page.
 */
export interface FamilyMember {
  readonly ref: RecordRef;
  readonly side: 'ancestor' | 'holding';
  /** From the organisation whose family this is to this member; never empty. */
  readonly path: readonly FamilyStep[];
}

/** A fact of a family member shown on another organisation's page, "via" that member. */
export interface ViaFamily<T> {
  readonly item: T;
  readonly via: FamilyMember;
}

/** Designations, incidents and contracts of subsidiaries and affiliates, each with the member it belongs to. */
export interface FamilyRollUp {
  readonly designations: readonly ViaFamily<RecordShapes['designation']>[];
  readonly incidents: readonly ViaFamily<RecordShapes['incident']>[];
  readonly contracts: readonly ViaFamily<ContractView>[];
  /** How many there are in all: a large family shows the first of each kind, and says so. */
  readonly totals: { readonly designations: number; readonly incidents: number; readonly contracts: number };
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
  /** Parents, subsidiaries and affiliates, transitively (the walk stops at a cycle and at its limits). */
  readonly family: readonly FamilyMember[];
  /** True when the walk stopped at its limit of members or depth: the family is larger than shown. */
  readonly familyTruncated: boolean;
  /** What subsidiaries and affiliates hold, not already shown as this organisation's own. */
  readonly rolledUp: FamilyRollUp;
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

