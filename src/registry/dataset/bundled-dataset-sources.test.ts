import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/project-root.js';
import { parseDataset } from './parse-dataset.js';

const DATASET = join(projectRoot(), 'dataset');

function bundledSources() {
  const { records } = parseDataset(readFileSync(join(DATASET, 'registry.json'), 'utf8'), 'dataset/registry.json');
  return records.flatMap((r) => (r.type === 'source' ? [r.record] : []));
}

// Issue #13 ("Sources"): every bundled source is one click away — a link to its publication, or an
// archived copy kept in dataset/archive/ whose SHA-256 is the one the source records (and the log
// carries). A source with neither must say why, so the gap is a decision on record, not an omission.
describe('the bundled dataset\'s sources', () => {
  const sources = bundledSources();

  it('each has a url, or an archived copy whose SHA-256 matches the file, or says why it has neither', () => {
    for (const source of sources) {
      const archived = source.file !== undefined && source.sha256 !== undefined;
      expect(source.url !== undefined || archived || source.noLinkReason !== undefined, `${source.id} has no url, no archived copy and no reason`).toBe(true);
      if (source.file !== undefined) {
        expect(source.sha256, `${source.id} keeps ${source.file} without its SHA-256`).toBeDefined();
        expect(source.file, source.id).toMatch(/^archive\/[\w.-]+\.txt$/);
        const digest = createHash('sha256').update(readFileSync(join(DATASET, source.file))).digest('hex');
        expect(digest, `${source.id}: ${source.file}`).toBe(source.sha256);
      }
    }
  });

  it('links only http(s) addresses, and leaves no archived copy uncited', () => {
    for (const source of sources) if (source.url !== undefined) expect(new URL(source.url).protocol, source.id).toMatch(/^https?:$/);
    const cited = new Set(sources.flatMap((s) => (s.file === undefined ? [] : [s.file])));
    const kept = readdirSync(join(DATASET, 'archive')).map((name) => `archive/${name}`);
    expect(kept.filter((file) => !cited.has(file))).toEqual([]);
  });
});
