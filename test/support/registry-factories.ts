import { randomUUID } from 'node:crypto';
import { importDataset } from '../../src/registry/commands/import-dataset.js';
import { parseDataset } from '../../src/registry/dataset/parse-dataset.js';
import type { Store } from '../../src/store/store.js';
import { SYSTEM_CONTEXT } from './contexts.js';

/** A unique id with a readable prefix, so factory records never collide within a suite. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Writes records (the dataset format: `{ sources: [...], organizations: [...] }`) as the system. */
export async function givenRecords(store: Store, dataset: Record<string, unknown[]>): Promise<void> {
  const parsed = parseDataset(JSON.stringify({ format: 'countersign-dataset/1', ...dataset }), 'factory');
  await store.transaction((tx) => importDataset({ ctx: SYSTEM_CONTEXT, dataset: parsed }, tx));
}

/** A source and an organisation citing it; returns their ids. */
export async function givenOrganization(store: Store, fields: Record<string, unknown> = {}): Promise<{ sourceId: string; organizationId: string }> {
  const sourceId = uniqueId('source');
  const organizationId = typeof fields['id'] === 'string' ? fields['id'] : uniqueId('org');
  await givenRecords(store, {
    sources: [{ id: sourceId, title: `Report ${sourceId}`, publisher: 'Factory Press', date: '2025-01-01' }],
    organizations: [{ id: organizationId, name: `Vendor ${organizationId}`, kind: 'vendor', ...fields, sources: [sourceId] }],
  });
  return { sourceId, organizationId };
}
