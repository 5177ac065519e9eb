import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { givenRecords } from '../../../test/support/registry-factories.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { CommandError } from '../../core/command-error.js';
import { projectRoot } from '../../core/project-root.js';
import { readExposureRegistry } from '../../store/exposure/read-exposure-registry.js';
import type { Holding } from '../holding.js';
import type { ExposureRegistry } from '../match/exposure-registry.js';
import { read13fInformationTable } from '../read/read-13f-information-table.js';
import { holdingsOf } from '../read/read-holdings-file.js';
import { readHoldingsCsv } from '../read/read-holdings-csv.js';
import { exposurePdf } from './exposure-pdf.js';
import { exposureReport } from './exposure-report.js';
import { exposureText } from './exposure-text.js';

const fixture = (name: string): Uint8Array => readFileSync(join(projectRoot(), 'test', 'fixtures', 'exposure', name));
const NOW = new Date('2026-11-23T10:00:00Z');

async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(holdings: AsyncIterable<Holding>): Promise<Holding[]> {
  const out: Holding[] = [];
  for await (const h of holdings) out.push(h);
  return out;
}

/** The text of every page of a PDF, as pdf.js reads it back. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false, standardFontDataUrl: `${join(projectRoot(), 'node_modules', 'pdfjs-dist', 'standard_fonts')}/` }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages.join('\n');
}

describe('reading a 13F information table', () => {
  it('streams the entries, the same in 7-byte chunks as whole, with their lines and amounts', async () => {
    const whole = await collect(read13fInformationTable(inChunks(fixture('13f-information-table.xml'), 1 << 20), 'it.xml'));
    const chunked = await collect(read13fInformationTable(inChunks(fixture('13f-information-table.xml'), 7), 'it.xml'));
    expect(chunked).toEqual(whole);
    expect(whole.map((h) => h.name)).toEqual(['MARROW HOLDINGS PLC', 'CORVID SIGNALS LTD', 'UNRELATED WIDGETS INC', 'MISTYPED CUSIP CORP']);
    expect(whole[0]).toEqual({ line: 3, name: 'MARROW HOLDINGS PLC', titleOfClass: 'SPONSORED ADR', cusip: '99999A201', value: 1250000, shares: 50000, sharesType: 'SH' });
    expect(whole[2]?.putCall).toBe('Call');
  });

  it('refuses malformed XML and a file without entries, naming the line', async () => {
    const broken = new TextEncoder().encode('<informationTable>\n<infoTable>\n<nameOfIssuer>X</nameOfIs>\n</infoTable></informationTable>');
    await expect(collect(read13fInformationTable(inChunks(broken, 16), 'bad.xml'))).rejects.toThrow(/^bad\.xml is not a 13F information table: line 3/);
    await expect(collect(read13fInformationTable(inChunks(new TextEncoder().encode('<edgarSubmission/>'), 16), 'cover.xml'))).rejects.toThrow(/no infoTable entries/);
    const noName = new TextEncoder().encode('<informationTable>\n<infoTable><cusip>55555D104</cusip></infoTable>\n</informationTable>');
    await expect(collect(read13fInformationTable(inChunks(noName, 16), 'x.xml'))).rejects.toBeInstanceOf(CommandError);
  });

  it('reads a holdings CSV by its column names, and tells the formats apart by their first bytes', () => {
    expect(readHoldingsCsv(new TextDecoder().decode(fixture('holdings.csv')), 'h.csv')[0]).toEqual({ line: 2, name: 'Marrow Holdings plc', ticker: 'MRRW', isin: 'GB00MARROW03', value: 1000000, shares: 4000 });
    expect(holdingsOf(fixture('holdings.csv'), 'h.csv').format).toBe('csv');
    expect(holdingsOf(fixture('13f-information-table.xml'), 'it.xml').format).toBe('13f');
    expect(() => readHoldingsCsv('a,b\n1,2\n', 'x.csv')).toThrow(/names no issuer column/);
  });
});

describeEachBackend('investor exposure', (getStore) => {
  let registry: ExposureRegistry;
  beforeAll(async () => {
    const store = getStore();
    await givenRecords(store, {
      sources: [{ id: 'exp-src', title: 'A filing', publisher: 'Example' }],
      organizations: [
        { id: 'marrow', name: 'Marrow Holdings plc', kind: 'investor', country: 'GB', identifiers: { cusip: '99999A102', isin: 'GB00MARROW03', ticker: 'MRRW' }, sources: ['exp-src'] },
        { id: 'corvid', name: 'Corvid Signals Limited', kind: 'vendor', country: 'GB', sources: ['exp-src'] },
        { id: 'quiet', name: 'Quietco Holdings', kind: 'company', identifiers: { cusip: '55555D104' }, sources: ['exp-src'] },
      ],
      relationships: [{ from: 'marrow', type: 'invested-in', to: 'corvid', date: '2019-07', stakePercent: 60, sources: ['exp-src'] }],
      designations: [{ subject: 'corvid', authority: 'US-BIS', list: 'Entity List', listed: '2024-03-05', sources: ['exp-src'] }],
      incidents: [{ id: 'corvid-case', title: 'Phones of reporters infected', date: '2025-01', vendor: 'corvid', sources: ['exp-src'] }],
    });
    registry = await store.snapshot((db) => readExposureRegistry(db));
  });

  it('names the 13F holdings tied to designated vendors, with the chain from the issuer', async () => {
    const report = await exposureReport(read13fInformationTable(inChunks(fixture('13f-information-table.xml'), 4096), 'it.xml'), registry, { file: 'it.xml', format: '13f', now: NOW });
    expect(report.totals).toEqual({ holdings: 4, matched: 3, flagged: 2, possible: 0, value: 10551000, flaggedValue: 1550000 });
    const [marrow, corvid] = report.flagged;
    // Another class of Marrow's securities: the CUSIP's issuer number is Marrow's.
    expect(marrow?.issuer).toMatchObject({ organizationId: 'marrow', by: 'identifier' });
    expect(marrow?.issuer.reasons[0]).toMatch(/issuer number 99999A/);
    expect(marrow?.exposures).toHaveLength(1);
    expect(marrow?.exposures[0]?.chain.map((s) => [s.holder.id, s.relation, s.held.id, s.since, s.stake])).toEqual([['marrow', 'invested in', 'corvid', '2019-07', '60%']]);
    expect(marrow?.exposures[0]?.designations.map((d) => [d.list, d.listed])).toEqual([['Entity List', '2024-03-05']]);
    expect(marrow?.exposures[0]?.incidents.map((i) => i.id)).toEqual(['corvid-case']);
    expect(corvid).toMatchObject({ issuer: { organizationId: 'corvid', by: 'name' } });
    expect(corvid?.exposures[0]?.chain).toEqual([]);
    expect(report.matched.map((m) => m.issuer.organizationId)).toEqual(['quiet']);
    expect(report.invalidIdentifiers).toEqual([{ line: 52, name: 'MISTYPED CUSIP CORP', problems: ['CUSIP 55555D106 fails its check digit'] }]);

    const text = exposureText(report).join('\n');
    expect(text).toContain('→ Marrow Holdings plc invested in Corvid Signals Limited (since 2019-07; stake 60%)');
    expect(text).toMatch(/⇒ Corvid Signals Limited: listed on the Entity List by .+ on 2024-03-05; incident: Phones of reporters infected \(2025-01\)/);
  });

  it('reads a CSV of tickers and ISINs the same way', async () => {
    const { format, holdings } = holdingsOf(fixture('holdings.csv'), 'h.csv');
    const report = await exposureReport(holdings, registry, { file: 'h.csv', format, now: NOW });
    expect(report.flagged.map((f) => [f.holding.line, f.issuer.organizationId, f.issuer.reasons[0]])).toEqual([[2, 'marrow', "ISIN GB00MARROW03 is Marrow Holdings plc's"]]);
  });

  it('writes a PDF that reads back with the flagged holding, its chain and its listing', async () => {
    const report = await exposureReport(read13fInformationTable(inChunks(fixture('13f-information-table.xml'), 4096), 'it.xml'), registry, { file: 'it.xml', format: '13f', now: NOW });
    const bytes = await exposurePdf(report);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('Investor exposure report');
    expect(text).toContain('Tied to designated vendors or documented abuse: 2');
    expect(text).toContain('MARROW HOLDINGS PLC');
    expect(text).toContain('Marrow Holdings plc invested in Corvid Signals Limited');
    expect(text).toContain('Entity List');
  });
});
