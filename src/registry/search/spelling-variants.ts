/** Words shorter than this are not corrected: short words have too many neighbours ("ice" → "ace", "icc"). */
export const MIN_CORRECTED_LENGTH = 5;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Every word one edit away (a letter left out, added, changed, or two swapped: Damerau–
 * Levenshtein distance 1) over Latin letters and digits — what folded index words are made of.
 * Search looks these up only when a distinctive word (five letters or more) matches nothing, so
 * `intelexa` finds Intellexa while a real word is never "corrected".
 *
 * @example
 * spellingVariants('intelexa').includes('intellexa'); // true
 */
export function spellingVariants(word: string): string[] {
  if (word.length < MIN_CORRECTED_LENGTH) return [];
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i += 1) {
    const before = word.slice(0, i);
    const after = word.slice(i);
    if (after.length > 0) out.add(before + after.slice(1));
    if (after.length > 1) out.add(before + after.charAt(1) + after.charAt(0) + after.slice(2));
    for (const letter of LETTERS) {
      out.add(before + letter + after);
      if (after.length > 0) out.add(before + letter + after.slice(1));
    }
  }
  out.delete(word);
  return [...out];
}
