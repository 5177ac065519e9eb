import { foldScript } from '../../core/fold-script.js';

/**
 * Folds text for the full-text index and for queries, exactly as the screening matcher reads
 * names (`foldScript`: Cyrillic and Greek transliterated, accents removed, lower case), then keeps
 * letters and digits as words — so "Société" finds "societe" and "Интеллекса" finds "intelleksa"
 * on SQLite and PostgreSQL alike.
 *
 * @example
 * foldText('Cytrox Holdings Zrt.'); // 'cytrox holdings zrt'
 * foldText('Société Générale');     // 'societe generale'
 * foldText('Αθήνα');                // 'athina'
 */
export function foldText(text: string): string {
  return foldScript(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a folded text. */
export function foldedWords(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}
