import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aScreenedTransaction } from '../procurement/testing/screened-transaction-factory.js';
import { screenedFileDigests } from './file-digests.js';

describe('screened file digests', () => {
  const dir = mkdtempSync(join(tmpdir(), 'countersign-digests-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hashes each screened file once, a zip entry by its archive, and skips feed URLs', async () => {
    const csv = join(dir, 'delta.csv');
    const zip = join(dir, 'FY2025.zip');
    writeFileSync(csv, 'header\nrow\n');
    writeFileSync(zip, 'PK pretend archive');
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const at = (file: string, line: number) => aScreenedTransaction({ organizationId: 'acme', piid: '70DIGEST0001', transaction: { origin: { kind: 'file', file, line } } });
    const digests = await screenedFileDigests([at(csv, 2), at(csv, 3), at(`${zip}!FY2025_1.csv`, 9), at('https://www.fpds.gov/ezsearch/FEEDS/ATOM?q=x', 4)]);
    expect([...digests]).toEqual([[csv, sha('header\nrow\n')], [`${zip}!FY2025_1.csv`, sha('PK pretend archive')]]);
  });
});
