import type { RegistryRecord } from '../registry/registry-record.js';
import type { Organization } from '../registry/schemas/organization.js';
import type { RelationshipType } from '../registry/schemas/relationship.js';
import type { Source } from '../registry/schemas/source.js';

/** The formats `registry import --format` reads besides the bundled dataset. */
export const IMPORT_FORMATS = ['sii', 'atlas', 'ftm', 'granitt'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Where an item sits in the file: a line number (1-based), for the report and for errors. */
export interface Place {
  readonly line: number;
}

/**
 * An organisation or person the file names, before it is matched: `ref` is the file's own key
 * for it (unique in the batch), which facts use to point at it.
 */
export interface IncomingParty extends Place {
  readonly ref: string;
  readonly type: 'organization' | 'person';
  readonly name: string;
  readonly aliases: readonly string[];
  /** Organisations: what the file says of it. Only fields a record may carry. */
  readonly organization?: Partial<Pick<Organization, 'kind' | 'country' | 'locality' | 'identifiers' | 'notes'>>;
  /** People: role, nationality, notes. */
  readonly person?: { readonly role?: string; readonly nationality?: string; readonly notes?: string };
  /** Sources the file gives for it (the import's own source always among them). */
  readonly sources: readonly string[];
}

/** A party named by a fact: one of the batch's (by ref) or a registry record already known (by id). */
export type PartyRef = { readonly ref: string } | { readonly id: string };

/** A fact about parties, written once they are resolved to registry records. */
export type IncomingFact =
  | (Place & {
      readonly type: 'relationship';
      readonly label: string;
      readonly id?: string;
      readonly from: PartyRef;
      readonly relation: RelationshipType;
      readonly to: PartyRef;
      readonly fields: { readonly date?: string; readonly end?: string; readonly asOf?: string; readonly stakePercent?: number; readonly stake?: string; readonly notes?: string };
      readonly sources: readonly string[];
    })
  | (Place & {
      readonly type: 'designation';
      readonly label: string;
      readonly subject: PartyRef;
      readonly fields: { readonly authority: string; readonly list: string; readonly listed: string; readonly delisted?: string; readonly reason?: string };
      readonly sources: readonly string[];
    })
  | (Place & {
      readonly type: 'incident';
      readonly label: string;
      /** The whole incident; vendors and products are registry ids. */
      readonly record: Extract<RegistryRecord, { type: 'incident' }>['record'];
    });

/** An item the file holds but the import cannot take, with why. The file is still imported. */
export interface RefusedItem extends Place {
  readonly label: string;
  readonly reason: string;
}

/** One file, read: its source, the web pages it cites, the parties and facts, and what was refused. */
export interface ImportBatch {
  readonly format: ImportFormat;
  readonly fileName: string;
  /** The source record of the file itself: every imported fact cites it. */
  readonly source: Source;
  /** Further sources rows cite (news articles, agency documents), by id. */
  readonly sources: readonly Source[];
  readonly parties: readonly IncomingParty[];
  readonly facts: readonly IncomingFact[];
  readonly refused: readonly RefusedItem[];
}
