import { foldText } from './fold-text.js';
import { normalizeName, type NameToken, type NormalizedName } from './normalize-name.js';
import type { WatchlistEntry, WatchlistName } from './types.js';

/** A watchlist name, normalised once when the matcher is created. */
export interface IndexedName {
  readonly entry: WatchlistEntry;
  readonly name: WatchlistName;
  readonly normalized: NormalizedName;
  /**
   * Made only of common English words, business words, places, numbers and letters or letter
   * pairs ("Paragon Solutions", "Positive Technologies", "DF Associates"): many unrelated firms
   * share such a name, so a name match on it alone never alerts.
   */
  readonly generic: boolean;
}

// A name is only scored against watchlist names it shares a key with. Keys are the first and last
// two or three letters of the watchlist name's anchor words: a word with one typo keeps its first
// or its last letters intact, and a word written apart ("PARA GON") or together ("PARAGONSOLUTIONS")
// keeps its first three. Prefix and suffix keys are namespaced so "sa…" never meets "…sa".
function keysOfWatchlistWord(word: string): string[] {
  // Up to three letters: no typo allowed (see allowedEdits), but "NSOGROUP" must still meet "NSO".
  if (word.length <= 2) return [`=${word}`];
  if (word.length === 3) return [`=${word}`, `<3${word}`];
  // Four or five letters: one typo allowed, which leaves the first two or the last two intact.
  if (word.length <= 5) return [`<2${word.slice(0, 2)}`, `>2${word.slice(-2)}`];
  return [`<3${word.slice(0, 3)}`, `>3${word.slice(-3)}`];
}

function keysOfRecipientWord(word: string, keys: string[]): void {
  if (word.length <= 3) keys.push(`=${word}`);
  if (word.length >= 2) keys.push(`<2${word.slice(0, 2)}`, `>2${word.slice(-2)}`);
  if (word.length >= 3) keys.push(`<3${word.slice(0, 3)}`, `>3${word.slice(-3)}`);
}

function isGenericWord(token: NameToken): boolean {
  return token.kind === 'number' || token.business || token.common || token.place || token.text.length <= 2;
}

/**
 * The words a recipient name must resemble to score against this watchlist name: its distinctive
 * words (two letters or more, not business words), or, for a name without any, all its words.
 */
function anchorWords(normalized: NormalizedName): string[] {
  const words = normalized.tokens.filter((token) => token.kind === 'word');
  const distinctive = words.filter((token) => !token.business && token.text.length >= 2);
  const anchors = distinctive.length > 0 ? distinctive : words;
  const texts = anchors.flatMap((token) => (token.written === token.text ? [token.text] : [token.text, token.written]));
  // Initials of the whole name ("COSEINC"-style abbreviations are aliases; plain initials are not,
  // but "N.S.O." and "NSO" must meet).
  if (words.length >= 2 && words.length <= 6) texts.push(words.map((token) => token.text[0] ?? '').join(''));
  return texts;
}

const ASCII = /^[\x00-\x7f]*$/;
const SEPARATORS = /[^a-z0-9]+/;

/**
 * The watchlist's names, normalised, with a key index that rejects a recipient name sharing no
 * plausible word with any of them in about a microsecond, before any normalisation or scoring.
 *
 * @example
 * const index = new WatchlistNameIndex(watchlist.entries);
 * index.candidates('ACME ANALYTICS LLC'); // []
 * index.candidates('PARAGON SYSTEMS INC').map((c) => c.name.value); // ['Paragon Solutions Ltd.', 'Paragon', …]
 */
export class WatchlistNameIndex {
  readonly names: readonly IndexedName[];
  readonly #byKey = new Map<string, IndexedName[]>();

  constructor(entries: readonly WatchlistEntry[]) {
    const names: IndexedName[] = [];
    for (const entry of entries) {
      const seen = new Set<string>();
      for (const name of [{ value: entry.organizationName, kind: 'primary' as const }, ...entry.names]) {
        if (seen.has(name.value)) continue;
        seen.add(name.value);
        const normalized = normalizeName(name.value);
        const indexed = { entry, name, normalized, generic: normalized.tokens.every(isGenericWord) };
        names.push(indexed);
        for (const word of anchorWords(normalized)) {
          for (const key of keysOfWatchlistWord(word)) {
            const list = this.#byKey.get(key) ?? [];
            if (!list.includes(indexed)) list.push(indexed);
            this.#byKey.set(key, list);
          }
        }
      }
    }
    this.names = names;
  }

  /** Watchlist names that `rawName` could plausibly match; empty when none. */
  candidates(rawName: string): IndexedName[] {
    const text = ASCII.test(rawName) ? rawName.toLowerCase() : foldText(rawName);
    const words = text.split(SEPARATORS);
    const keys: string[] = [];
    let initials = '';
    for (const word of words) {
      if (word === '') continue;
      keysOfRecipientWord(word, keys);
      // Letters written apart ("N.S.O.", "N S O") are also looked up together.
      if (word.length === 1) initials += word;
      else if (initials !== '') {
        if (initials.length > 1) keysOfRecipientWord(initials, keys);
        initials = '';
      }
    }
    if (initials.length > 1) keysOfRecipientWord(initials, keys);
    let found: IndexedName[] | undefined;
    for (const key of keys) {
      const list = this.#byKey.get(key);
      if (list === undefined) continue;
      if (found === undefined) found = [...list];
      else for (const indexed of list) if (!found.includes(indexed)) found.push(indexed);
    }
    return found ?? [];
  }
}
