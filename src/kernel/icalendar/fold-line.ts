const MAX_OCTETS = 75;

/**
 * Folds one content line (RFC 5545 §3.1): no physical line longer than 75 octets of UTF-8, each
 * continuation starting with one space (which counts toward its 75). A multi-octet character is
 * never split across lines, so every physical line is valid UTF-8 on its own. Lines are joined
 * with CRLF; the caller adds the final CRLF.
 *
 * @example
 * foldLine(`DESCRIPTION:${'é'.repeat(40)}`).split('\r\n').length; // 2
 */
export function foldLine(line: string): string {
  const physical: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0) ?? 0);
    if (octets + size > MAX_OCTETS) {
      physical.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  physical.push(current);
  return physical.join('\r\n');
}

/** Octets of one code point in UTF-8 (RFC 3629 §3). */
function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
