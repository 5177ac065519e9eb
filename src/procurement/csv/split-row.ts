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
 * The slow path: run only for rows that matched, and once per distinct recipient. The row is
 * decoded in one call (delimiters are ASCII, so UTF-8 decoding leaves them where they were) and
 * split as a string.
 *
 * @example
 * splitRow(Buffer.from('a,"b, ""c""",d'), 0, 14); // ['a', 'b, "c"', 'd']
 */
export function splitRow(buf: Uint8Array, start: number, end: number): string[] {
  let text: string;
  try {
    text = strictUtf8.decode(buf.subarray(start, end));
  } catch {
    throw new BadUtf8Error(badField(buf, start, end));
  }
  const fields: string[] = [];
  const length = text.length;
  let i = 0;
  for (;;) {
    if (i < length && text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      i = from;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          value += text.slice(from);
          i = length;
          break;
        }
        if (text.charCodeAt(quote + 1) === QUOTE) {
          value += text.slice(from, quote + 1);
          i = quote + 2;
          from = i;
          continue;
        }
        value += text.slice(from, quote);
        i = quote + 1;
        break;
      }
      // Anything between the closing quote and the comma is kept, as the scanner does.
      const comma = text.indexOf(',', i);
      const stop = comma < 0 ? length : comma;
      if (stop > i) value += text.slice(i, stop);
      fields.push(value);
      i = stop;
    } else {
      const comma = text.indexOf(',', i);
      const stop = comma < 0 ? length : comma;
      fields.push(text.slice(i, stop));
      i = stop;
    }
    if (i >= length) return fields;
    i++; // the comma
  }
}

/** Which field holds the bytes that are not UTF-8: the fields are walked as bytes, each decoded. */
function badField(buf: Uint8Array, start: number, end: number): number {
  let field = 0;
  let i = start;
  for (;;) {
    const fieldStart = i;
    let quoted = false;
    while (i < end && (quoted || buf[i] !== COMMA)) {
      if (buf[i] === QUOTE) quoted = !quoted;
      i++;
    }
    try {
      strictUtf8.decode(buf.subarray(fieldStart, i));
    } catch {
      return field;
    }
    if (i >= end) return field;
    i++;
    field++;
  }
}
