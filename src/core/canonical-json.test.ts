import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts members by UTF-16 code units, as in RFC 8785 §3.2.3', () => {
    // The RFC's sorting example: keys in non-ASCII and astral planes.
    const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    // (JSON.parse would reorder the integer-like key "1", so read the order off the text.)
    const keys = [...canonicalJson(input).matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`));
    expect(keys).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it('serialises numbers in ECMAScript shortest form (RFC 8785 Appendix B)', () => {
    const cases: [number, string][] = [[0, '0'], [-0, '0'], [5e-324, '5e-324'], [1e21, '1e+21'], [1e20, '100000000000000000000'], [333333333.3333332, '333333333.3333332'], [-1.7976931348623157e308, '-1.7976931348623157e+308'], [0.000001, '0.000001'], [1e-7, '1e-7']];
    for (const [n, text] of cases) expect(canonicalJson(n)).toBe(text);
  });

  it('matches the RFC 8785 §3.2.2 example byte for byte', () => {
    const value = { numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001], string: '\u20ac$\u000f\u000aA\'\u0042\u0022\u005c\\"/', literals: [null, true, false] };
    expect(canonicalJson(value)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('refuses values outside I-JSON', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/no JSON form/);
    expect(() => canonicalJson('\ud800')).toThrow(/lone surrogate/);
    expect(() => canonicalJson(undefined)).toThrow();
  });

  it('omits undefined members like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });
});
