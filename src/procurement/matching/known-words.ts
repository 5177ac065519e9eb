import { BUSINESS_WORDS } from './business-words.js';
import { COMMON_WORDS } from './common-words.js';
import { KNOWN_WORDS_TEXT } from './known-words-list.js';

let knownWords: ReadonlySet<string> | undefined;

/**
 * Whether a folded lowercase word is a frequent word of American English, a common first name or
 * surname, or one of the matcher's own business and common words (known-words-list.ts: SUBTLEX-US
 * words seen ≥ 20 times in 51 million, the names of faker's Latin-script locales and the 20,000
 * most frequent surnames of the US Census; four letters or more).
 *
 * Why: typo tolerance reads "INTELEXA" as Intellexa because "intelexa" is no word at all, so a slip
 * of the keyboard is the likeliest story. "MORGAN" is a word thousands of contractors are really
 * named after: reading it as a misspelt "Mordant" put hundreds of unrelated rows in the review
 * queue. The chance that a typo of a vendor's name lands exactly on a known word is small (0.24% of
 * the one-edit variants of 54 real vendor words, mostly of vendors named after common words, which
 * are generic anyway); the rows a common surname drags in are many, and the more common the
 * surname the more rows, which is why the lists keep frequent words and names only. So a recipient
 * word that is a known word is taken as written, never as a typo of another word.
 *
 * @example
 * isKnownWord('morgan');   // true
 * isKnownWord('intelexa'); // false
 */
export function isKnownWord(word: string): boolean {
  knownWords ??= readWordList(KNOWN_WORDS_TEXT);
  return knownWords.has(word) || BUSINESS_WORDS.has(word) || COMMON_WORDS.has(word);
}

/** The words of the list (lowercase letters separated by spaces or line breaks), read without a regular expression. */
function readWordList(text: string): Set<string> {
  const words = new Set<string>();
  let start = -1;
  for (let k = 0; k <= text.length; k++) {
    const code = k < text.length ? text.charCodeAt(k) : 32;
    const letter = code >= 97 && code <= 122;
    if (letter && start < 0) start = k;
    else if (!letter && start >= 0) {
      words.add(text.slice(start, k));
      start = -1;
    }
  }
  return words;
}
