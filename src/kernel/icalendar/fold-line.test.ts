import { describe, expect, it } from 'vitest';
import { escapeText } from './escape-text.js';
import { foldLine } from './fold-line.js';

const octets = (text: string): number => Buffer.byteLength(text, 'utf8');

describe('foldLine', () => {
  it('leaves a 75-octet line alone and folds a 76-octet one with a leading space', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    const long = foldLine('y'.repeat(75 + 74 + 10)).split('\r\n');
    expect(long.map(octets)).toEqual([75, 75, 11]);
  });

  it('never splits a multi-octet character', () => {
    // 74 ASCII octets then a 2-octet "é": 76 octets, so "é" moves whole to the next line.
    expect(foldLine(`${'a'.repeat(74)}é`)).toBe(`${'a'.repeat(74)}\r\n é`);
    for (const character of ['é', '€', '日', '🛰']) {
      for (let prefix = 0; prefix < 6; prefix++) {
        const folded = foldLine('a'.repeat(prefix) + character.repeat(60));
        for (const line of folded.split('\r\n')) {
          expect(octets(line)).toBeLessThanOrEqual(75);
          expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(line, 'utf8'))).toBe(line);
        }
        expect(folded.replaceAll('\r\n ', '')).toBe('a'.repeat(prefix) + character.repeat(60));
      }
    }
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and every kind of line break (RFC 5545 §3.3.11)', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg:h"i')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng:h"i');
  });
});
