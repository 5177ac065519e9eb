import { foldedWords, foldText } from './fold-text.js';

/** A parsed search: folded words, the last one matched as a prefix (search-as-you-type). */
export interface SearchQuery {
  readonly text: string;
  readonly folded: string;
  readonly words: readonly string[];
}

/** At most this many words are searched; a longer query is a paste, not a search. */
const MAX_WORDS = 12;

/**
 * @example
 * parseSearchQuery('  Saito TECH '); // { text: 'Saito TECH', folded: 'saito tech', words: ['saito', 'tech'] }
 */
export function parseSearchQuery(text: string): SearchQuery {
  const words = foldedWords(text).slice(0, MAX_WORDS);
  return { text: text.trim(), folded: foldText(words.join(' ')), words };
}
