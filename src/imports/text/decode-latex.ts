/** TeX accent commands and the Unicode combining marks they stand for. */
const ACCENTS: Readonly<Record<string, string>> = { "'": '\u0301', '`': '\u0300', '"': '\u0308', '^': '\u0302', '~': '\u0303', c: '\u0327', v: '\u030c', '=': '\u0304' };

/**
 * Undoes the TeX accent escapes BibTeX exports leave in names (`Atlixc\'ayotl`, `Garc\'\ia`,
 * `{\"u}`): each becomes the accented letter, in NFC. Other backslashes are left as they are.
 *
 * @example
 * decodeLatex("Ilko Garc\\'\\ia"); // 'Ilko García'
 */
export function decodeLatex(text: string): string {
  if (!text.includes('\\')) return text;
  return text
    .replace(/\{?\\(['`"^~=]|c |v )\s*\{?(\\i|[A-Za-z])\}?\}?/g, (_m, accent: string, letter: string) => {
      const mark = ACCENTS[accent.trim()] ?? '';
      return `${letter === '\\i' ? 'i' : letter}${mark}`;
    })
    .normalize('NFC');
}
