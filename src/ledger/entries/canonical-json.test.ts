import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes } from './canonical-json.js';
import { CanonicalJsonError } from './canonical-json-error.js';

/** A double from its IEEE-754 bit pattern, as RFC 8785 Appendix B lists them. */
function double(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson (RFC 8785)', () => {
  it('serialises the §3.2.2 example byte for byte', () => {
    // Input as a JSON text, so the parser sees exactly the RFC's literals (4.50, 1E30, \u escapes).
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    expect(canonicalJson(JSON.parse(input))).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('sorts member names by UTF-16 code units (§3.2.3), not by code point or locale', () => {
    // cyberphone/json-canonicalization testdata/input/weird.json (the RFC author's reference data).
    const input = String.raw`{
      "\u20ac": "Euro Sign", "\r": "Carriage Return", "\u000a": "Newline", "1": "One",
      "\u0080": "Control\u007f", "\ud83d\ude02": "Smiley", "\u00f6": "Latin Small Letter O With Diaeresis",
      "\ufb33": "Hebrew Letter Dalet With Dagesh", "</script>": "Browser Challenge"
    }`;
    expect(canonicalJson(JSON.parse(input))).toBe(
      '{"\\n":"Newline","\\r":"Carriage Return","1":"One","</script>":"Browser Challenge","\u0080":"Control\u007f",' +
        '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude02":"Smiley","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    // U+1F602 (surrogates D83D DE02) sorts before U+FB33 by code units, though after it by code point.
    const french = { peach: 1, 'p\u00e9ch\u00e9': 2, 'p\u00eache': 3, sin: 4 };
    expect(canonicalJson(french)).toBe('{"peach":1,"p\u00e9ch\u00e9":2,"p\u00eache":3,"sin":4}');
  });

  it('canonicalises nested structures and arrays (cyberphone testdata structures.json, arrays.json)', () => {
    const structures = JSON.parse(String.raw`{
      "1": {"f": {"f": "hi","F": 5} ,"\n": 56.0}, "10": { }, "": "empty", "a": { },
      "111": [ {"e": "yes","E": "no" } ], "A": { }
    }`);
    expect(canonicalJson(structures)).toBe('{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{"E":"no","e":"yes"}],"A":{},"a":{}}');
    expect(canonicalJson(JSON.parse('[56, {"d": true, "10": null, "1": [ ]}]'))).toBe('[56,{"1":[],"10":null,"d":true}]');
    // No Unicode normalisation (testdata unicode.json): A + combining ring stays two code points.
    expect(canonicalJson({ 'Unnormalized Unicode': 'A\u030a' })).toBe('{"Unnormalized Unicode":"A\u030a"}');
  });

  it('writes numbers as ECMAScript does (RFC 8785 Appendix B)', () => {
    const cases: Array<[string, string]> = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4340000000000001', '9007199254740994'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, expected] of cases) expect(canonicalJson(double(bits))).toBe(expected);
  });

  it('escapes strings minimally: only ", \\ and controls, with lowercase hex', () => {
    expect(canonicalJson('\u0000\u0008\u0009\u000a\u000c\u000d\u001f"\\/\u007f\u2028é')).toBe('"\\u0000\\b\\t\\n\\f\\r\\u001f\\"\\\\/\u007f\u2028é"');
    expect(canonicalJsonBytes({ a: '€' })).toEqual(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe2, 0x82, 0xac, 0x22, 0x7d]));
  });

  it('refuses what I-JSON cannot carry, naming where', () => {
    const refuse = (value: unknown, code: string): void => {
      let caught: unknown;
      try {
        canonicalJson(value);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CanonicalJsonError);
      expect(caught instanceof CanonicalJsonError ? caught.code : undefined).toBe(code);
    };
    refuse(Number.NaN, 'NON_FINITE_NUMBER');
    refuse({ a: [1, Number.POSITIVE_INFINITY] }, 'NON_FINITE_NUMBER');
    refuse('\ud800', 'LONE_SURROGATE');
    refuse({ '\udfff': 1 }, 'LONE_SURROGATE');
    refuse(10n, 'UNSUPPORTED_VALUE');
    refuse([undefined], 'UNSUPPORTED_VALUE');
    refuse(new Date(0), 'UNSUPPORTED_VALUE');
    refuse(new Map(), 'UNSUPPORTED_VALUE');
    refuse(() => 1, 'UNSUPPORTED_VALUE');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    refuse(cyclic, 'CYCLE');
    // Shared (non-cyclic) references are fine; undefined members are omitted like JSON.stringify.
    const shared = { x: 1 };
    expect(canonicalJson({ b: shared, a: shared, c: undefined })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});
