import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { loadBundledDataset } from '../../../test/support/bundled-dataset.js';
import { SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { readExportBatches } from '../../store/registry/queries/read-export-batches.js';
import type { Store } from '../../store/store.js';
import { importDataset } from '../commands/import-dataset.js';
import { parseDataset } from '../dataset/parse-dataset.js';
import { RECORD_TYPES } from '../schemas/common.js';
import { exportLines } from './export-lines.js';
import { exportPlan, type ExportRequest } from './export-request.js';
import { csvColumns } from './record-to-csv.js';

/**
 * A strict RFC 4180 reader for the tests: CRLF between records and after the last, quoted fields
 * with doubled quotes, no bare quote in an unquoted field, no lone CR or LF outside quotes.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i];
        i += 1;
      }
    }
    row.push(field);
    if (text[i] === ',') { i += 1; continue; }
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      if (i === text.length) return rows;
      continue;
    }
    throw new Error(`expected a comma or CRLF at ${i}`);
  }
}

async function exportText(store: Store, request: ExportRequest, batchSize?: number): Promise<string> {
  const plan = exportPlan(request);
  let text = '';
  for await (const chunk of exportLines(plan, readExportBatches(store.db, plan.recordTypes, batchSize === undefined ? {} : { batchSize }))) text += chunk;
  return text;
}

const RECORD_TABLES = ['sources', 'organizations', 'people', 'products', 'relationships', 'designations', 'incidents', 'contracts', 'contractTransactions', 'policies'] as const;

/** Rows in one table: what an export of that type must hold, whatever the bundled dataset holds today. */
async function countTable(store: Store, table: (typeof RECORD_TABLES)[number]): Promise<number> {
  return Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

async function countRows(store: Store): Promise<number> {
  let total = 0;
  for (const table of RECORD_TABLES) total += await countTable(store, table);
  return total;
}

describe('parseCsv (the tests\' strict reader)', () => {
  it('refuses what RFC 4180 does not allow', () => {
    expect(() => parseCsv('a,b\n')).toThrow();
    expect(() => parseCsv('a,"b\r\n')).toThrow();
    expect(() => parseCsv('a,b"c\r\n')).toThrow();
    expect(parseCsv('a,"b ""c"",\r\nd"\r\n')).toEqual([['a', 'b "c",\r\nd']]);
  });
});

describeEachBackend('export of the bundled registry', (getStore) => {
  beforeAll(async () => {
    await loadBundledDataset(getStore());
  });

  it('writes organizations as a CSV table: a header and a row per organization that read back field for field', async () => {
    const rows = parseCsv(await exportText(getStore(), { format: 'csv', type: 'organizations' }));
    const [header, ...records] = rows;
    expect(header).toEqual(csvColumns('organization'));
    expect(records).toHaveLength(await countTable(getStore(), 'organizations'));
    for (const r of records) expect(r).toHaveLength(header?.length ?? 0);
    const byId = new Map(records.map((r) => [r[0], Object.fromEntries((header ?? []).map((name, i) => [name, r[i]]))]));
    expect(byId.get('paragon-solutions-us')).toMatchObject({ name: 'Paragon Solutions (US) Inc.', locality: 'Chantilly, Virginia', uei: 'NW6QFTZACWM7', sources: 'letter-2024-10-31; wired-2024-10-review' });
    expect(byId.get('candiru')?.['aliases']).toBe('Saito Tech Ltd.; Taveta Ltd.; Grindavik Solutions Ltd.; DF Associates Ltd.');
    expect(byId.get('ice')?.['parent']).toBe('dhs');
    expect(byId.get('nso-group')?.['source_urls']).toMatch(/^https:\/\/www\.commerce\.gov\//);
  });

  it('writes the same CSV whatever the batch size', async () => {
    const whole = await exportText(getStore(), { format: 'csv', type: 'designations' });
    expect(await exportText(getStore(), { format: 'csv', type: 'designations' }, 3)).toBe(whole);
    expect(parseCsv(whole)).toHaveLength(1 + (await countTable(getStore(), 'designations')));
  });

  it('writes every record as one NDJSON line that parses, type by type', async () => {
    const lines = (await exportText(getStore(), { format: 'ndjson' })).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(await countRows(getStore()));
    const parsed = lines.map((l) => JSON.parse(l) as { type: string; record: { id?: string; piid?: string } });
    expect([...new Set(parsed.map((p) => p.type))]).toEqual(RECORD_TYPES);
    expect(parsed.find((p) => p.type === 'contract')?.record.piid).toBe('70CTD024P00000012');
    const people = (await exportText(getStore(), { format: 'ndjson', type: 'people' })).trimEnd().split('\n');
    expect(people.map((l) => (JSON.parse(l) as { record: { id: string } }).record.id)).toContain('tal-dilian');
    expect(people).toHaveLength(await countTable(getStore(), 'people'));
  });
});

describeEachBackend('export of awkward values', (getStore) => {
  const awkward = {
    id: 'acme-awkward',
    name: 'Acme, "Awkward"\nHoldings',
    kind: 'company',
    aliases: ['=HYPERLINK("http://example.com","x")', 'Acme; the other one'],
    notes: '-1+2 is not a number',
    sources: ['letter-2024-10-31'],
  };

  beforeAll(async () => {
    await loadBundledDataset(getStore());
    const dataset = parseDataset(JSON.stringify({ organizations: [awkward] }));
    await getStore().transaction((tx) => importDataset({ ctx: SYSTEM_CONTEXT, dataset }, tx));
  });

  it('quotes a name with a comma, quotes and a line break so it reads back unchanged', async () => {
    const text = await exportText(getStore(), { format: 'csv', type: 'organizations' });
    expect(text).toContain('acme-awkward,"Acme, ""Awkward""\nHoldings",company,');
    const [header, ...records] = parseCsv(text);
    expect(records).toHaveLength(await countTable(getStore(), 'organizations'));
    const row = records.find((r) => r[0] === 'acme-awkward') ?? [];
    const cell = (name: string) => row[(header ?? []).indexOf(name)];
    expect(cell('name')).toBe(awkward.name);
    expect(cell('aliases')).toBe(`'=HYPERLINK("http://example.com","x"); Acme; the other one`);
    expect(cell('notes')).toBe("'-1+2 is not a number");
  });

  it('keeps values unchanged in NDJSON', async () => {
    const line = (await exportText(getStore(), { format: 'ndjson', type: 'organizations' })).split('\n').find((l) => l.includes('acme-awkward')) ?? '';
    expect(JSON.parse(line)).toMatchObject({ type: 'organization', record: { name: awkward.name, aliases: awkward.aliases, notes: awkward.notes } });
  });
});
