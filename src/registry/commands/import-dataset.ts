import { authorize } from '../../accounts/policies.js';
import type { ParsedDataset } from '../dataset/parse-dataset.js';
import type { RecordType } from '../schemas/common.js';
import { checkReferences } from './check-references.js';
import type { CommandContext, RegistryTransaction } from './registry-transaction.js';
import { writeRecord } from './write-record.js';

export interface ImportSummary {
  readonly written: number;
  readonly unchanged: number;
  readonly byType: Partial<Record<RecordType, number>>;
}

/**
 * Merges a validated dataset into the registry: new and changed records are written (each with
 * its history row and log entry), identical ones are left alone, so importing the same file
 * twice changes nothing. Runs inside one transaction: a dangling reference rejects the lot.
 *
 * @example
 * await store.transaction((tx) => importDataset({ ctx, dataset: parseDataset(text) }, tx));
 */
export async function importDataset({ ctx, dataset }: { ctx: CommandContext; dataset: ParsedDataset }, tx: RegistryTransaction): Promise<ImportSummary> {
  authorize(ctx.actor, 'dataset.import');
  await checkReferences(tx.registry, dataset.records, (i) => dataset.labels[i] ?? '');
  let written = 0;
  const byType: Partial<Record<RecordType, number>> = {};
  for (const entry of dataset.records) {
    if (await writeRecord(tx, ctx, entry)) {
      written += 1;
      byType[entry.type] = (byType[entry.type] ?? 0) + 1;
    }
  }
  return { written, unchanged: dataset.records.length - written, byType };
}
