const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;

/**
 * The number of fields of the row starting at `start`, or -1 when it does not end before `end`.
 * Same quoting rules as the scanner; used to test guesses of where a row starts.
 *
 * @example
 * countRowFields(Buffer.from('a,"b\nc",d\n'), 0, 10); // 3
 */
export function countRowFields(buf: Uint8Array, start: number, end: number): number {
  let fields = 1;
  let i = start;
  for (;;) {
    if (i < end && buf[i] === QUOTE) {
      i++;
      for (;;) {
        if (i >= end) return -1;
        if (buf[i] === QUOTE) {
          if (buf[i + 1] === QUOTE) {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
    }
    for (;;) {
      if (i >= end) return -1;
      const c = buf[i];
      i++;
      if (c === COMMA) {
        fields++;
        break;
      }
      if (c === LF) return fields;
    }
  }
}
