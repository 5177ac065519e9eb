import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder holding Countersign's package.json, found by walking up from this module. Code runs
 * both from `src/` (type-checked) and from `dist/src/` (executed), so paths to bundled files
 * (`dataset/`, `test/fixtures/`) are resolved from here, never from the working directory.
 *
 * @example
 * const columns = join(projectRoot(), 'dataset', 'usaspending', 'contract-transaction-columns.txt');
 */
export function projectRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'dataset'))) return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Countersign project root not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}
