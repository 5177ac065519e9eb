import { parseRecordInput } from '../../src/registry/record-input.js';
import type { RegistryRecord } from '../../src/registry/registry-record.js';
import { putRecord } from '../../src/store/registry/put-record.js';
import type { Store } from '../../src/store/store.js';
import { FACTORY_SOURCE, factoryOrganization } from './bulk-organizations.js';

/** What `addBulkRegistry` wrote, for a benchmark to pick its requests from. */
export interface BulkRegistry {
  readonly organizations: number;
  readonly relationships: number;
  /** Group parents: each owns subsidiaries and has an investor, so its page has a family to draw. */
  readonly parents: readonly string[];
}

/** The group parents `addBulkRegistry(store, count)` writes: every tenth organisation. */
export function bulkParents(count: number): string[] {
  return Array.from({ length: Math.ceil(count / 10) }, (_, i) => factoryOrganization(i * 10 + 1).id);
}

const COUNTRIES = ['GB', 'US', 'IL', 'DE', 'FR', 'IT', 'GR', 'CY', 'HU', 'IE'];

/**
 * A large registry in a hurry, for benchmarks: `count` factory organisations (every tenth a group
 * parent owning the next nine, every hundredth an investor in a parent) and their relationships,
 * written with the store's own record writer (names, identifiers, search documents and all) in
 * transactions of `perTransaction` — but without log entries, so 100,000 organisations take
 * seconds, not the minutes the import command would. Not for tests of the log or public state.
 *
 * @example
 * const { parents } = await addBulkRegistry(store, 100_000);
 */
export async function addBulkRegistry(store: Store, count: number, { perTransaction = 5000, onProgress }: { perTransaction?: number; onProgress?: (written: number) => void } = {}): Promise<BulkRegistry> {
  const at = new Date().toISOString();
  const parse = (type: 'source' | 'organization' | 'relationship', record: unknown): RegistryRecord => parseRecordInput(type, record);
  await store.db.transaction().execute((trx) => putRecord(trx, parse('source', FACTORY_SOURCE), at));
  const parents: string[] = [];
  let relationships = 0;
  for (let start = 0; start < count; start += perTransaction) {
    const end = Math.min(count, start + perTransaction);
    await store.db.transaction().execute(async (trx) => {
      for (let i = start; i < end; i += 1) {
        const base = factoryOrganization(i + 1);
        const parentIndex = i - (i % 10);
        const parent = factoryOrganization(parentIndex + 1).id;
        const isParent = i % 10 === 0;
        if (isParent) parents.push(base.id);
        const org = { ...base, country: COUNTRIES[i % COUNTRIES.length], kind: isParent ? 'vendor' : i % 100 === 1 ? 'investor' : 'subsidiary', ...(isParent ? {} : { parent }) };
        await putRecord(trx, parse('organization', org), at);
        if (!isParent) {
          await putRecord(trx, parse('relationship', { from: base.id, type: 'subsidiary-of', to: parent, date: '2020-01-01', sources: [FACTORY_SOURCE.id] }), at);
          relationships += 1;
        }
        if (i % 100 === 1 && parentIndex + 10 < count) {
          await putRecord(trx, parse('relationship', { from: base.id, type: 'invested-in', to: factoryOrganization(parentIndex + 11).id, sources: [FACTORY_SOURCE.id] }), at);
          relationships += 1;
        }
      }
    });
    onProgress?.(end);
  }
  return { organizations: count, relationships, parents };
}
