import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/project-root.js';
import type { Watchlist } from '../matching/types.js';
import type { ScreenedTransaction } from '../screening/screen-transaction.js';
import { loadWatchlistFile } from '../screening/load-watchlist-file.js';
import { contractCsv, contractTransactionColumns, transactionRow } from '../testing/contract-csv.js';
import { screenCsvFiles, type ScreenCsvOptions } from './screen-csv-files.js';

const standIn = new URL('../testing/stand-in-recipient-matcher.js', import.meta.url).href;
const sample = join(projectRoot(), 'test', 'fixtures', 'usaspending', 'sample-contract-transactions.csv');
let watchlist: Watchlist;
let dir: string;

beforeAll(async () => {
  watchlist = await loadWatchlistFile(join(projectRoot(), 'test', 'fixtures', 'watchlist.json'));
  dir = mkdtempSync(join(tmpdir(), 'countersign-screen-'));
});

async function screen(files: string[], options: Partial<ScreenCsvOptions> = {}) {
  const matches: ScreenedTransaction[] = [];
  const summary = await screenCsvFiles({ files, watchlist, matcherModule: standIn, onMatch: (m) => matches.push(m), ...options });
  return { matches, alerts: matches.filter((m) => m.match.decision === 'alert'), summary };
}

describe('screenCsvFiles', () => {
  it('finds the three Paragon transactions of the sample file, and not Paragon Systems', async () => {
    const { alerts, summary } = await screen([sample]);
    expect(alerts.map((m) => [m.transaction.modification, m.event.event, m.match.organizationId, m.transaction.origin])).toEqual([
      ['0', 'award', 'paragon-solutions-us', { kind: 'file', file: sample, line: 2 }],
      ['P00001', 'stop-work', 'paragon-solutions-us', { kind: 'file', file: sample, line: 3 }],
      ['P00002', 'stop-work-lifted', 'paragon-solutions-us', { kind: 'file', file: sample, line: 4 }],
    ]);
    expect(alerts.some((m) => m.transaction.recipient.name.includes('SYSTEMS'))).toBe(false);
    expect(summary.rows).toBe(6);
    expect(summary.reviewItems).toBe(1);
    expect(summary.malformed.total).toBe(0);
    expect(summary.alerts).toMatchObject({ award: 1, 'stop-work': 1, 'stop-work-lifted': 1 });
  });

  it('decodes the full transaction of a matched row', async () => {
    const { alerts } = await screen([sample]);
    const award = alerts[0]?.transaction;
    expect(award).toMatchObject({
      transactionKey: '7012_-NONE-_70CTD024P00000012_0_-NONE-_0',
      awardKey: 'CONT_AWD_70CTD024P00000012_7012_-NONE-_-NONE-',
      piid: '70CTD024P00000012',
      actionDate: '2024-09-27',
      amount: 2_000_000,
      agencyId: '7012',
      fundingOfficeName: 'HOMELAND SECURITY INVESTIGATIONS',
      description: 'FULLY CONFIGURED PROPRIETARY SOLUTION INCLUDING LICENSE, HARDWARE, WARRANTY, MAINTENANCE AND TRAINING',
      recipient: { uei: 'NW6QFTZACWM7', name: 'PARAGON SOLUTIONS (US) INC.' },
      permalink: 'https://www.usaspending.gov/award/CONT_AWD_70CTD024P00000012_7012_-NONE-_-NONE-/',
    });
  });

  it('reads embedded quotes and line breaks inside quoted fields', async () => {
    const acme: Watchlist = {
      version: 't',
      entries: [{ organizationId: 'acme', organizationName: 'Acme "Blue" Analytics', names: [{ value: 'ACME "BLUE" ANALYTICS, INC.', kind: 'primary' }], identifiers: { uei: [], duns: [], cage: [] }, related: [] }],
    };
    const { alerts, summary } = await screen([sample], { watchlist: acme });
    expect(summary.rows).toBe(6);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.transaction.recipient.name).toBe('ACME "BLUE" ANALYTICS, INC.');
    expect(alerts[0]?.transaction.description).toBe('DATA ANALYTICS SUPPORT\nPHASE 2, OPTION YEAR 1');
    expect(alerts[0]?.transaction.origin).toEqual({ kind: 'file', file: sample, line: 7 });
  });

  it('counts malformed rows with file and line, and goes on', async () => {
    const columns = contractTransactionColumns();
    const good = contractCsv(columns, [transactionRow({ piid: 'A1', recipientName: 'NSO GROUP TECHNOLOGIES LIMITED' })]).split('\n')[1];
    const ragged = good + ',EXTRA';
    const badUtf8Row = Buffer.from(good?.replace('NSO GROUP TECHNOLOGIES LIMITED', 'CAF\u00ff') ?? '', 'latin1');
    const header = columns.join(',');
    const file = join(dir, 'malformed.csv');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`${header}\n${good}\n${ragged}\n`),
        badUtf8Row,
        Buffer.from(`\n${good?.replaceAll('A1', 'A2')}\n${good?.replaceAll('A1', 'A3').replace(',SERVICES,', ',"UNTERMINATED SERVICES,')}\n`),
      ]),
    );
    const { alerts, summary } = await screen([file], { workers: 2, chunkBytes: 1024 });
    expect(alerts.map((m) => [m.transaction.piid, m.transaction.origin])).toEqual([
      ['A1', { kind: 'file', file, line: 2 }],
      ['A2', { kind: 'file', file, line: 5 }],
    ]);
    expect(summary.malformed.byReason).toEqual({ ragged: 1, 'bad-utf8': 1, 'unterminated-quote': 1 });
    expect(summary.malformed.examples.map((row) => [row.file, row.line, row.reason])).toEqual([
      [file, 3, 'ragged'],
      [file, 4, 'bad-utf8'],
      [file, 6, 'unterminated-quote'],
    ]);
  });

  it('refuses a file without the identifying columns, with a clear error', async () => {
    const file = join(dir, 'not-contracts.csv');
    writeFileSync(file, 'assistance_transaction_unique_key,fain,recipient_name\nX,Y,Z\n');
    await expect(screen([file])).rejects.toMatchObject({ code: 'MISSING_COLUMNS', where: `${file}:1` });
  });
});
