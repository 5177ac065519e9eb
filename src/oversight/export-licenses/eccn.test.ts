import { describe, expect, it } from 'vitest';
import { eccnLabel, eccnSchema, isSurveillanceEccn } from './eccn.js';

describe('ECCNs', () => {
  it('accepts the Commerce Control List forms, with sub-paragraphs, and normalises the group letter', () => {
    for (const eccn of ['5A001.j', '4A005', '4D004', '5D001', '4E001.c', '5A002.a.1', '5A980', '0Y521', 'EAR99']) expect(eccnSchema.parse(eccn)).toBe(eccn);
    expect(eccnSchema.parse(' 5a001.j ')).toBe('5A001.j');
  });

  it('refuses what is not an ECCN, saying what one looks like', () => {
    for (const bad of ['5Z001', '5A01', '5A0011', 'A5001', '5A001.J', '5A001.', 'EAR98', '']) {
      const result = eccnSchema.safeParse(bad);
      expect(result.success, bad).toBe(false);
      if (!result.success) expect(result.error.issues[0]?.message).toContain('5A001.j');
    }
  });

  it('labels the intrusion-software and surveillance entries, and the rest by category and group', () => {
    expect(eccnLabel('4D004')).toContain('intrusion software');
    expect(eccnLabel('5A001.j')).toContain('IP network communications surveillance');
    expect(eccnLabel('4A005.b')).toBe(eccnLabel('4A005'));
    expect(eccnLabel('3A001')).toBe('Electronics: systems, equipment and components');
    expect(isSurveillanceEccn('5A001.j')).toBe(true);
    expect(isSurveillanceEccn('5A002')).toBe(false);
  });
});
