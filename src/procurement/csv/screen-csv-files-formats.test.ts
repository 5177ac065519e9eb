import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/project-root.js';
import type { Watchlist } from '../matching/types.js';
import type { ScreenedTransaction } from '../screening/screen-transaction.js';
import { loadWatchlistFile } from '../screening/load-watchlist-file.js';
import { SeededRandom } from '../../../bench/screen/seeded-random.js';
import { contractCsv, contractTransactionColumns, transactionRow } from '../testing/contract-csv.js';
import { screenCsvFiles, type ScreenCsvOptions } from './screen-csv-files.js';
import { splitRow } from './split-row.js';

const standIn = new URL('../testing/stand-in-recipient-matcher.js', import.meta.url).href;
const fixtures = join(projectRoot(), 'test', 'fixtures', 'usaspending');
let watchlist: Watchlist;
let dir: string;

beforeAll(async () => {
  watchlist = await loadWatchlistFile(join(projectRoot(), 'test', 'fixtures', 'watchlist.json'));
  dir = mkdtempSync(join(tmpdir(), 'countersign-formats-'));
});

async function screen(files: string[], options: Partial<ScreenCsvOptions> = {}) {
  const matches: ScreenedTransaction[] = [];
  const summary = await screenCsvFiles({ files, watchlist, matcherModule: standIn, onMatch: (m) => matches.push(m), ...options });
  return { matches, summary };
}

/** The obvious sequential parse, as a reference: split rows on line breaks outside quotes. */
function referenceRows(text: string): { line: number; fields: string[] }[] {
  const bytes = Buffer.from(text);
  const rows: { line: number; fields: string[] }[] = [];
  let start = 0;
  let line = 1;
  let quoted = false;
  let breaks = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x22) quoted = !quoted;
    else if (bytes[i] === 0x0a) {
      breaks++;
      if (!quoted) {
        rows.push({ line, fields: splitRow(bytes, start, i) });
        start = i + 1;
        line += breaks;
        breaks = 0;
      }
    }
  }
  return rows.slice(1);
}

function randomRows(random: SeededRandom, count: number): Record<string, string>[] {
  const vendors = ['NSO GROUP TECHNOLOGIES LIMITED', 'INTELLEXA LIMITED', 'CYTROX AD', 'ACME SUPPLY, INC.', 'BLUE RIVER "BR" LLC', 'DELTA DYNAMICS CORP'];
  const pieces = ['SUPPORT', 'LINE ONE\nLINE TWO', 'QUOTED "WORD"', 'A, B, C', '\n', '""', 'PHASE 2\r\nOPTION'];
  return Array.from({ length: count }, (_, index) => {
    let description = '';
    for (let part = random.int(4); part >= 0; part--) description += random.pick(pieces);
    return transactionRow({ piid: `P${index}`, recipientName: random.pick(vendors), description });
  });
}

describe('screenCsvFiles across chunk boundaries and formats', () => {
  it('gives the reference parse whatever the chunk size, boundaries inside quoted multi-line fields included', async () => {
    const columns = contractTransactionColumns();
    const text = contractCsv(columns, randomRows(new SeededRandom(7), 400));
    const file = join(dir, 'boundaries.csv');
    writeFileSync(file, text);
    const reference = referenceRows(text);
    const piid = columns.indexOf('award_id_piid');
    const name = columns.indexOf('recipient_name');
    const expected = reference
      .filter((row) => ['NSO GROUP TECHNOLOGIES LIMITED', 'INTELLEXA LIMITED', 'CYTROX AD'].includes(row.fields[name] ?? ''))
      .map((row) => [row.fields[piid], row.line]);
    expect(expected.length).toBeGreaterThan(100);
    for (const chunkBytes of [97, 1000, 4093, 65_536]) {
      for (const workers of [1, 2, 3]) {
        const { matches, summary } = await screen([file], { chunkBytes, workers });
        const seen = matches
          .filter((m) => m.match.decision === 'alert')
          .map((m) => [m.transaction.piid, m.transaction.origin.kind === 'file' ? m.transaction.origin.line : -1]);
        expect(seen, `chunk ${chunkBytes}, ${workers} workers`).toEqual(expected);
        expect(summary.rows).toBe(400);
        expect(summary.malformed.total).toBe(0);
        expect(summary.bytes).toBe(Buffer.byteLength(text));
      }
    }
    // The decoded description survives the boundaries byte for byte.
    const { matches } = await screen([file], { chunkBytes: 97 });
    const description = columns.indexOf('transaction_description');
    for (const match of matches) {
      const row = reference.find((candidate) => candidate.fields[piid] === match.transaction.piid);
      expect(match.transaction.description).toBe((row?.fields[description] ?? '').trim());
    }
  });

  it('reads a monthly delta file: correction_delete_ind and agency_id first, delete rows with keys only', async () => {
    const columns = ['correction_delete_ind', 'agency_id', ...contractTransactionColumns()];
    const corrected = { correction_delete_ind: 'C', agency_id: '7012', ...transactionRow({ piid: '70CTD024P00000012', modification: 'P00001', recipientName: 'PARAGON SOLUTIONS (US) INC.', uei: 'NW6QFTZACWM7', description: 'STOP WORK ORDER', actionTypeCode: 'M' }) };
    const deleted = {
      correction_delete_ind: 'D',
      agency_id: '7012',
      contract_transaction_unique_key: '7012_-NONE-_70CTD024P00000012_P00003_-NONE-_0',
      contract_award_unique_key: 'CONT_AWD_70CTD024P00000012_7012_-NONE-_-NONE-',
      award_id_piid: '70CTD024P00000012',
      modification_number: 'P00003',
      last_modified_date: '2025-09-02 08:00:00',
    };
    const unrelatedDelete = { ...deleted, contract_transaction_unique_key: '1501_-NONE-_X_0_-NONE-_0', award_id_piid: 'X' };
    const file = join(dir, 'delta.csv');
    writeFileSync(file, contractCsv(columns, [corrected, deleted, unrelatedDelete]));
    const watched = [{ transactionKey: deleted.contract_transaction_unique_key, organizationId: 'paragon-solutions-us', organizationName: 'Paragon Solutions (US) Inc.' }];
    const { matches, summary } = await screen([file], { watched });
    expect(matches.map((m) => [m.transaction.modification, m.event.event, m.transaction.correctionDeleteInd, m.match.organizationId])).toEqual([
      ['P00001', 'stop-work', 'C', 'paragon-solutions-us'],
      ['P00003', 'deletion', 'D', 'paragon-solutions-us'],
    ]);
    expect(matches[1]?.match.reasons[0]).toContain('was matched to Paragon Solutions (US) Inc. before');
    expect(summary.deleteRows).toBe(2);
  });

  it('reads an older file with fewer columns (no UEI yet, DUNS only), by header name', async () => {
    const columns = contractTransactionColumns().filter((name) => !['recipient_uei', 'recipient_parent_uei', 'cage_code'].includes(name) && !name.startsWith('highly_compensated'));
    const row = transactionRow({ piid: 'HSCETC12C00001', recipientName: 'NSO GROUP TECHNOLOGIES LIMITED', actionDate: '2012-03-01' });
    const file = join(dir, 'older.csv');
    writeFileSync(file, contractCsv(columns, [{ ...row, recipient_duns: '514369981' }]));
    const { matches, summary } = await screen([file]);
    expect(summary.rows).toBe(1);
    expect(matches.map((m) => [m.transaction.piid, m.transaction.recipient.uei, m.transaction.recipient.duns, m.match.organizationId])).toEqual([
      ['HSCETC12C00001', '', '514369981', 'nso-group'],
    ]);
  });

  it('screens every CSV inside a zip archive, zip64 included, and skips CSVs of another kind', async () => {
    const zip = join(fixtures, 'contracts-two-files.zip');
    const progress: number[] = [];
    const { matches, summary } = await screen([zip], { workers: 2, onProgress: (p) => progress.push(p.bytesDone / p.bytesTotal) });
    expect(Math.max(...progress)).toBeLessThanOrEqual(1);
    expect(Math.max(...progress)).toBeGreaterThan(0.5);
    expect(matches.filter((m) => m.match.decision === 'alert').map((m) => [m.transaction.origin, m.event.event])).toEqual([
      [{ kind: 'file', file: `${zip}!FY2025_070_Contracts_Full_20251006_1.csv`, line: 2 }, 'award'],
      [{ kind: 'file', file: `${zip}!FY2025_070_Contracts_Full_20251006_1.csv`, line: 3 }, 'stop-work'],
      [{ kind: 'file', file: `${zip}!FY2025_070_Contracts_Full_20251006_1.csv`, line: 4 }, 'stop-work-lifted'],
      [{ kind: 'file', file: `${zip}!FY2025_070_Contracts_Full_20251006_2.csv`, line: 4 }, 'award'],
    ]);
    expect(summary.rows).toBe(6 + 3);
    expect(summary.skippedInputs.map((skipped) => skipped.input)).toEqual([`${zip}!FY2025_070_Assistance_Full_20251006_1.csv`]);
    expect(readFileSync(zip).readUInt16LE(4)).toBe(45); // "version needed" 4.5: zip64 entries
  });

  it('accepts plain and zipped files in one run', async () => {
    const { summary } = await screen([join(fixtures, 'sample-contract-transactions.csv'), join(fixtures, 'contracts-two-files.zip')]);
    expect(summary.rows).toBe(6 + 6 + 3);
    expect(summary.alerts.award).toBe(3);
  });
});
