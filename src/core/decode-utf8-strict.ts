import { CommandError } from './command-error.js';

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a file's bytes as UTF-8, refusing invalid sequences instead of replacing them with
 * U+FFFD (what `readFileSync(file, 'utf8')` does silently). The error names the place as
 * `file:line:column` (line and column counted in bytes from 1) and the offending byte.
 *
 * @example
 * const text = decodeUtf8Strict(readFileSync('dataset.json'), 'dataset.json');
 */
export function decodeUtf8Strict(bytes: Uint8Array, file: string): string {
  try {
    return strict.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const place = `${file}:${line}:${at - lineStart + 1}`;
    const byte = (bytes[at] ?? 0).toString(16).padStart(2, '0');
    throw new CommandError({
      code: 'INVALID_INPUT',
      message: `${place}: not valid UTF-8 (byte 0x${byte} at offset ${at}); nothing was read — save the file as UTF-8`,
      issues: [{ path: place, message: `not valid UTF-8 (byte 0x${byte})` }],
    });
  }
}

/**
 * The offset of the first byte that does not start or continue a valid UTF-8 sequence (RFC 3629
 * §4: no overlong forms, no surrogates U+D800–DFFF, nothing above U+10FFFF), or -1 if all are valid.
 *
 * @example
 * firstInvalidUtf8(new Uint8Array([0x61, 0xff])); // 1
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (next === undefined || next < min || next > max) return i;
    }
    i += length;
  }
  return -1;
}
