import { describe, expect, it } from 'vitest';
import { CommandError } from './command-error.js';
import { decodeUtf8Strict, firstInvalidUtf8 } from './decode-utf8-strict.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('decodeUtf8Strict', () => {
  it('decodes valid UTF-8, accents and astral characters included', () => {
    expect(decodeUtf8Strict(bytes('Zrt. Ő 😀\n'), 'a.json')).toBe('Zrt. Ő 😀\n');
  });

  it('refuses an invalid byte, naming file:line:column (where readFileSync would have put U+FFFD)', () => {
    const input = bytes('{\n  "name": "Paragon', [0xff], '"\n}');
    expect(Buffer.from(input).toString('utf8')).toContain('\ufffd');
    try {
      decodeUtf8Strict(input, 'data/x.json');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(CommandError);
      expect(String(error)).toContain('data/x.json:2:19: not valid UTF-8 (byte 0xff at offset 20)');
    }
  });

  it('finds overlong forms, encoded surrogates, code points above U+10FFFF and truncated sequences', () => {
    expect(firstInvalidUtf8(bytes('ok'))).toBe(-1);
    expect(firstInvalidUtf8(bytes('a', [0xc0, 0xaf]))).toBe(1); // overlong '/'
    expect(firstInvalidUtf8(bytes('ab', [0xe0, 0x80, 0xaf]))).toBe(2); // overlong
    expect(firstInvalidUtf8(bytes([0xed, 0xa0, 0x80]))).toBe(0); // U+D800
    expect(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // U+110000
    expect(firstInvalidUtf8(bytes('é', [0xe2, 0x82]))).toBe(2); // truncated €
  });
});
