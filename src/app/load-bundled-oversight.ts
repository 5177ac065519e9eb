import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM } from '../accounts/actor.js';
import { decodeUtf8Strict } from '../core/decode-utf8-strict.js';
import { projectRoot } from '../core/project-root.js';
import { importOversightDataset, parseOversightDataset } from '../oversight/dataset/import-oversight-dataset.js';
import type { Store } from '../store/store.js';

/** The oversight dataset Countersign ships (the ICE–Paragon review as the public record has it). */
export function bundledOversightPath(): string {
  return join(projectRoot(), 'dataset', 'oversight.json');
}

/** Records the bundled reviews not yet recorded (a no-op once they are): at every start, after the registry. */
export async function loadBundledOversight(store: Store, now: () => Date = () => new Date()): Promise<{ loaded: string[]; skipped: string[] }> {
  const dataset = parseOversightDataset(decodeUtf8Strict(readFileSync(bundledOversightPath()), 'dataset/oversight.json'));
  const ids = dataset.reviews.map((r) => r.id);
  const existing = await store.db.selectFrom('acquisitionReviews').select('id').where('id', 'in', ids).execute();
  if (existing.length === ids.length) return { loaded: [], skipped: ids };
  return store.transaction((tx) => importOversightDataset({ ctx: { actor: SYSTEM, now: now() }, dataset }, tx));
}
