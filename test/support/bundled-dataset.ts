import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/core/project-root.js';
import { importDataset } from '../../src/registry/commands/import-dataset.js';
import { parseDataset } from '../../src/registry/dataset/parse-dataset.js';
import type { Store } from '../../src/store/store.js';
import { SYSTEM_CONTEXT } from './contexts.js';

/** The bundled dataset's text, as shipped. */
export function bundledDatasetText(): string {
  return readFileSync(join(projectRoot(), 'dataset', 'registry.json'), 'utf8');
}

/** Loads the bundled dataset into a store, as the first start does. */
export async function loadBundledDataset(store: Store): Promise<void> {
  await store.transaction((tx) => importDataset({ ctx: SYSTEM_CONTEXT, dataset: parseDataset(bundledDatasetText()) }, tx));
}
