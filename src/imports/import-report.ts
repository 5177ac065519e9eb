import type { ImportFormat } from './import-batch.js';

/** What became of one incoming item. */
export const IMPORT_OUTCOMES = ['created', 'merged', 'queued', 'rejected'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** One line of the report: the item, where it is in the file, what became of it and why. */
export interface ImportReportItem {
  readonly line: number;
  readonly label: string;
  readonly recordType: 'organization' | 'person' | 'relationship' | 'designation' | 'incident';
  readonly outcome: ImportOutcome;
  /** The registry record it was created as or merged into, or the one a queued proposal would merge it into. */
  readonly recordId?: string;
  /** Whether this import wrote it (a merge that adds nothing writes nothing). */
  readonly changed: boolean;
  readonly reasons: readonly string[];
}

/** The report of an import, or of a dry run (nothing written). */
export interface ImportReport {
  readonly file: string;
  readonly format: ImportFormat;
  readonly source: string;
  readonly licence: string;
  readonly dryRun: boolean;
  readonly counts: Readonly<Record<ImportOutcome, number>>;
  /** Registry records written (new or changed), sources included, and proposals queued. */
  readonly written: number;
  readonly proposed: number;
  readonly items: readonly ImportReportItem[];
}

/** Counts of each outcome in a list of items. */
export function countOutcomes(items: readonly ImportReportItem[]): Record<ImportOutcome, number> {
  const counts: Record<ImportOutcome, number> = { created: 0, merged: 0, queued: 0, rejected: 0 };
  for (const item of items) counts[item.outcome] += 1;
  return counts;
}
