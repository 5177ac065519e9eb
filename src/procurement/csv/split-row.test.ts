import { describe, expect, it } from 'vitest';
import { BadUtf8Error, splitRow } from './split-row.js';

const split = (text: string | Buffer): string[] => {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  return splitRow(bytes, 0, bytes.length);
};

describe('splitRow', () => {
  it('undoes quoting: commas, doubled quotes and line breaks inside quotes', () => {
    expect(split('a,"b, ""c""",d')).toEqual(['a', 'b, "c"', 'd']);
    expect(split('"DATA ANALYTICS SUPPORT\nPHASE 2, OPTION YEAR 1",,x')).toEqual(['DATA ANALYTICS SUPPORT\nPHASE 2, OPTION YEAR 1', '', 'x']);
    expect(split('"""QUOTED"" START",""')).toEqual(['"QUOTED" START', '']);
  });

  it('keeps empty fields at both ends, and non-ASCII text', () => {
    expect(split(',a,')).toEqual(['', 'a', '']);
    expect(split('')).toEqual(['']);
    expect(split('CYTROX HOLDINGS ZRT,"BUDAPEST, MAGYARORSZÁG"')).toEqual(['CYTROX HOLDINGS ZRT', 'BUDAPEST, MAGYARORSZÁG']);
  });

  it('names the field that is not valid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('ok,"fine",'), Buffer.from([0x43, 0x41, 0x46, 0xff]), Buffer.from(',x')]);
    expect(() => split(bytes)).toThrow(BadUtf8Error);
    expect(() => split(bytes)).toThrow('field 3 is not valid UTF-8');
  });
});
