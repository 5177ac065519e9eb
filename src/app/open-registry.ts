import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM } from '../accounts/actor.js';
import { decodeUtf8Strict } from '../core/decode-utf8-strict.js';
import { projectRoot } from '../core/project-root.js';
import { importDataset, type ImportSummary } from '../registry/commands/import-dataset.js';
import { parseDataset } from '../registry/dataset/parse-dataset.js';
import type { Store } from '../store/store.js';
import { openStore } from './open-store.js';
import { loadBundledOversight } from './load-bundled-oversight.js';

/** The dataset Countersign ships. */
export function bundledDatasetPath(): string {
  return join(projectRoot(), 'dataset', 'registry.json');
}

/**
 * Opens the store (creating and migrating the database as needed) and, on a database with no
 * registry yet, loads the bundled dataset — the first start needs no other set-up.
 */
export async function openRegistry(databaseUrl: string, now: () => Date = () => new Date()): Promise<{ store: Store; loaded: ImportSummary | null }> {
  const store = await openStore(databaseUrl);
  const any = await store.db.selectFrom('sources').select('id').limit(1).executeTakeFirst();
  if (any) {
    await loadBundledOversight(store, now);
    return { store, loaded: null };
  }
  const dataset = parseDataset(decodeUtf8Strict(readFileSync(bundledDatasetPath()), 'dataset/registry.json'), 'dataset/registry.json');
  const loaded = await store.transaction((tx) => importDataset({ ctx: { actor: SYSTEM, now: now() }, dataset }, tx));
  await loadBundledOversight(store, now);
  return { store, loaded };
}
