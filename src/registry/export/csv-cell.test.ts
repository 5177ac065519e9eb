import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv-cell.js';

describe('csvCell (RFC 4180 §2)', () => {
  it('leaves a plain field bare', () => {
    expect(csvCell('Intellexa S.A.')).toBe('Intellexa S.A.');
    expect(csvCell('')).toBe('');
  });

  it('quotes a field holding a comma, a double quote or a line break, doubling inner quotes (rules 6, 7)', () => {
    expect(csvCell('Chantilly, Virginia')).toBe('"Chantilly, Virginia"');
    expect(csvCell('the "Intellexa alliance"')).toBe('"the ""Intellexa alliance"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('line one\r\nline two')).toBe('"line one\r\nline two"');
  });

  it('prefixes a cell a spreadsheet would run as a formula with an apostrophe (OWASP CSV injection)', () => {
    expect(csvCell('=HYPERLINK("http://example.com","click")')).toBe(`"'=HYPERLINK(""http://example.com"",""click"")"`);
    expect(csvCell('+1-202-555-0100')).toBe("'+1-202-555-0100");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('leaves numbers as numbers, negative ones included', () => {
    expect(csvCell('-250000')).toBe('-250000');
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell(String(-1e-7))).toBe('-1e-7');
    expect(csvCell('2000000')).toBe('2000000');
  });

  it('ends a record with CRLF (rule 1)', () => {
    expect(csvLine(['id', 'name', 'Paragon, Inc.'])).toBe('id,name,"Paragon, Inc."\r\n');
  });
});
