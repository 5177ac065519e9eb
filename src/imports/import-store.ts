import type { RegistryTransaction } from '../registry/commands/registry-transaction.js';
import type { RecordShapes } from '../registry/registry-record.js';

/** A proposal an earlier import queued, found by the key its note carries. */
export interface ImportProposal {
  readonly key: string;
  readonly status: 'pending' | 'applied' | 'rejected';
}

/** What an import reads from storage, inside its transaction. */
export interface ImportStore {
  /** Every organisation, person and relationship, to match incoming parties against. */
  organizations(): Promise<RecordShapes['organization'][]>;
  people(): Promise<RecordShapes['person'][]>;
  relationships(): Promise<RecordShapes['relationship'][]>;
  products(): Promise<RecordShapes['product'][]>;
  /** Proposals earlier imports queued (their notes carry `[import-key …]`), with where they stand. */
  importProposals(): Promise<ImportProposal[]>;
}

/** The slice of a store transaction an import writes through: the registry's, and the import store. */
export interface ImportsTransaction extends RegistryTransaction {
  readonly imports: ImportStore;
}

/** The marker a queued proposal's note carries, so the next import of the same file finds it. */
export function importKeyMarker(key: string): string {
  return `[import-key ${key}]`;
}

/** The key in a note, if it carries one. */
export function importKeyIn(note: string): string | null {
  return /\[import-key ([^\]]+)\]/.exec(note)?.[1] ?? null;
}
