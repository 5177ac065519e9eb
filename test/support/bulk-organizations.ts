import { importDataset } from '../../src/registry/commands/import-dataset.js';
import { parseDataset } from '../../src/registry/dataset/parse-dataset.js';
import type { Store } from '../../src/store/store.js';
import { SYSTEM_CONTEXT } from './contexts.js';

/** The source every factory-made record cites. */
export const FACTORY_SOURCE = { id: 'factory-source', title: 'A source made by the test factory', publisher: 'Countersign tests' };

/**
 * One organisation made by the factory: a vendor named after its number, citing the factory's source.
 *
 * @example
 * factoryOrganization(7); // { id: 'factory-org-000007', name: 'Factory Vendor 7 Ltd', … }
 */
export function factoryOrganization(n: number, prefix = 'factory-org') {
  return {
    id: `${prefix}-${String(n).padStart(6, '0')}`,
    name: `Factory Vendor ${n} Ltd`,
    kind: 'vendor',
    country: 'GB',
    aliases: [`FV${n}`],
    notes: `Made by the test factory (${n}) so that tests and benchmarks do not depend on the bundled dataset.`,
    sources: [FACTORY_SOURCE.id],
  };
}

/**
 * Writes `count` organisations (and the source they cite) through the import command, `perTransaction`
 * at a time, each with its log entry — as the registry grows in real use. `onProgress` hears the
 * count written so far.
 *
 * @example
 * await addFactoryOrganizations(store, 20_000);
 */
export async function addFactoryOrganizations(store: Store, count: number, { prefix = 'factory-org', perTransaction = 1000, onProgress }: { prefix?: string; perTransaction?: number; onProgress?: (written: number) => void } = {}): Promise<void> {
  for (let start = 0; start < count; start += perTransaction) {
    const organizations = Array.from({ length: Math.min(perTransaction, count - start) }, (_, i) => factoryOrganization(start + i + 1, prefix));
    const dataset = parseDataset(JSON.stringify({ sources: [FACTORY_SOURCE], organizations }));
    await store.transaction((tx) => importDataset({ ctx: SYSTEM_CONTEXT, dataset }, tx));
    onProgress?.(start + organizations.length);
  }
}
