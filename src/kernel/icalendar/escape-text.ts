/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash, and
 * every line break (CRLF, LF or CR) becomes the two characters `\n`.
 *
 * @example
 * escapeText('Hearing; room 2, floor 3\nBring ID'); // 'Hearing\\; room 2\\, floor 3\\nBring ID'
 */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (character) => `\\${character}`).replace(/\r\n|\r|\n/g, '\\n');
}
