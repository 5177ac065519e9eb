import { editDistance } from './edit-distance.js';

/**
 * How many typing edits a word of this length may carry and still be the same word. Short words
 * and acronyms get none: "LXC" and "LAU", "CVS" and "CVC", "BWI" and "BAE" are different firms,
 * while "Exxor" may be a typo of "Exxon" and "Trafalgura" of "Trafigura".
 *
 * @example
 * allowedEdits(3);  // 0: "CVS" / "CVC" differ
 * allowedEdits(10); // 2
 */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 12) return 2;
  return 3;
}

/**
 * Similarity of two words, 0 to 1: 1 when equal, 1 − edits / longer length when within the edits
 * the shorter word's length allows, otherwise 0. Two different place names are never similar
 * (Chile is not a misspelt China), nor are two different numbers.
 *
 * @example
 * wordSimilarity('exxor', 'exxon');       // 0.8
 * wordSimilarity('cvs', 'cvc');           // 0
 * wordSimilarity('chile', 'china', true); // 0
 */
export function wordSimilarity(a: string, b: string, bothPlacesOrNumbers = false): number {
  if (a === b) return 1;
  if (bothPlacesOrNumbers) return 0;
  const allowed = allowedEdits(Math.min(a.length, b.length));
  if (allowed === 0) return 0;
  const distance = editDistance(a, b, allowed);
  if (distance > allowed) return 0;
  return 1 - distance / Math.max(a.length, b.length);
}
