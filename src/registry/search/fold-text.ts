/**
 * Case- and accent-folds text for the full-text index and for queries, so "Société" finds
 * "societe" on SQLite and PostgreSQL alike: NFKD, drop combining marks, lower-case, and keep
 * letters and digits of any script as words.
 *
 * @example
 * foldText('Cytrox Holdings Zrt.'); // 'cytrox holdings zrt'
 * foldText('Société Générale');     // 'societe generale'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a folded text. */
export function foldedWords(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}
