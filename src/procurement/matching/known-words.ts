import { BUSINESS_WORDS } from './business-words.js';
import { COMMON_WORDS } from './common-words.js';
import { KNOWN_WORDS_TEXT } from './known-words-list.js';

let knownWords: WordList | undefined;

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
  knownWords ??= new WordList(KNOWN_WORDS_TEXT);
  return BUSINESS_WORDS.has(word) || COMMON_WORDS.has(word) || knownWords.has(word);
}

/**
 * The list's words, found by binary search in the list's own text (it is sorted): every scan
 * worker needs the list, and hashing its 65,000 words into a set cost each of them about 50 ms
 * before its first answer, while a recipient's words are asked about only once each (the name
 * index remembers its answers).
 */
class WordList {
  readonly #text: string;
  /** The start and end of each word in the text, in order. */
  readonly #bounds: Int32Array;
  readonly #count: number;

  constructor(text: string) {
    let count = 0;
    let bounds = new Int32Array(1 << 17);
    let start = -1;
    for (let k = 0; k <= text.length; k++) {
      const code = k < text.length ? text.charCodeAt(k) : 32;
      const letter = code >= 97 && code <= 122;
      if (letter && start < 0) start = k;
      else if (!letter && start >= 0) {
        if (2 * count + 2 > bounds.length) {
          const grown = new Int32Array(2 * bounds.length);
          grown.set(bounds);
          bounds = grown;
        }
        bounds[2 * count] = start;
        bounds[2 * count + 1] = k;
        count++;
        start = -1;
      }
    }
    this.#text = text;
    this.#bounds = bounds;
    this.#count = count;
  }

  has(word: string): boolean {
    let low = 0;
    let high = this.#count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = this.#compare(word, middle);
      if (order === 0) return true;
      if (order < 0) high = middle;
      else low = middle + 1;
    }
    return false;
  }

  /** `word` against the list's word `at`, in code-unit order (the list's own: a–z only). */
  #compare(word: string, at: number): number {
    const text = this.#text;
    const start = this.#bounds[2 * at] ?? 0;
    const length = (this.#bounds[2 * at + 1] ?? 0) - start;
    const common = Math.min(word.length, length);
    for (let k = 0; k < common; k++) {
      const difference = word.charCodeAt(k) - text.charCodeAt(start + k);
      if (difference !== 0) return difference;
    }
    return word.length - length;
  }
}
