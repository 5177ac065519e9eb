const QUOTE = 0x22;
const COMMA = 0x2c;

// fatal: a byte sequence that is not UTF-8 must be reported, not silently replaced by U+FFFD.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Thrown by `splitRow` for a field that is not valid UTF-8. */
export class BadUtf8Error extends Error {
  constructor(readonly field: number) {
    super(`field ${field + 1} is not valid UTF-8`);
  }
}

/**
 * Splits the bytes of one CSV row (without its line break) into decoded fields, undoing quoting.
 * The slow path: run only for rows that matched, and once per distinct recipient.
 *
 * @example
 * splitRow(Buffer.from('a,"b, ""c""",d'), 0, 14); // ['a', 'b, "c"', 'd']
 */
export function splitRow(buf: Uint8Array, start: number, end: number): string[] {
  const fields: string[] = [];
  let i = start;
  for (;;) {
    let value: string;
    if (i < end && buf[i] === QUOTE) {
      const parts: Uint8Array[] = [];
      let from = i + 1;
      i++;
      for (;;) {
        if (i >= end) {
          parts.push(buf.subarray(from, end));
          break;
        }
        if (buf[i] === QUOTE) {
          if (i + 1 < end && buf[i + 1] === QUOTE) {
            parts.push(buf.subarray(from, i + 1));
            i += 2;
            from = i;
            continue;
          }
          parts.push(buf.subarray(from, i));
          i++;
          break;
        }
        i++;
      }
      // Anything between the closing quote and the comma is kept, as the scanner does.
      const tailStart = i;
      while (i < end && buf[i] !== COMMA) i++;
      if (i > tailStart) parts.push(buf.subarray(tailStart, i));
      value = decode(parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts), fields.length);
    } else {
      const fieldStart = i;
      while (i < end && buf[i] !== COMMA) i++;
      value = decode(buf.subarray(fieldStart, i), fields.length);
    }
    fields.push(value);
    if (i >= end) return fields;
    i++; // the comma
  }
}

function decode(bytes: Uint8Array, field: number): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new BadUtf8Error(field);
  }
}
