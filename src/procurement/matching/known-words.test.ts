import { describe, expect, it } from 'vitest';
import { isKnownWord } from './known-words.js';
import { KNOWN_WORDS_TEXT } from './known-words-list.js';

const listed = KNOWN_WORDS_TEXT.split(/[ \n]+/).filter((word) => word !== '');

describe('isKnownWord', () => {
  it('reads a list that is sorted, as the binary search needs', () => {
    expect(listed.every((word, k) => k === 0 || (listed[k - 1] ?? '') < word)).toBe(true);
  });

  it('knows every listed word', () => {
    expect(listed.filter((word) => !isKnownWord(word))).toEqual([]);
  });

  it('knows the common words and surnames contractors are named after, and no coined vendor name', () => {
    expect(['morgan', 'metro', 'smith', 'paragon'].map(isKnownWord)).toEqual([true, true, true, true]);
    expect(['intelexa', 'mordant', 'aaaa', 'zzzzzzzz', '', 'morga', 'morgann', 'morgan1'].map(isKnownWord)).toEqual(Array(8).fill(false));
  });
});
