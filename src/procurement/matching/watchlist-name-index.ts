import { foldText } from './fold-text.js';
import { LEGAL_FORMS } from './legal-forms.js';
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
// keeps its first three. Each kind of key has its own map, so "sa…" never meets "…sa".
type KeyKind = 'word' | 'first2' | 'last2' | 'first3' | 'last3';
type Key = readonly [KeyKind, string];

function keysOfWatchlistWord(word: string): Key[] {
  // Up to three letters: no typo allowed (see allowedEdits), but "NSOGROUP" must still meet "NSO".
  if (word.length <= 2) return [['word', word]];
  if (word.length === 3) return [['word', word], ['first3', word]];
  // Four or five letters: one typo allowed, which leaves the first two or the last two intact.
  if (word.length <= 5) return [['first2', word.slice(0, 2)], ['last2', word.slice(-2)]];
  return [['first3', word.slice(0, 3)], ['last3', word.slice(-3)]];
}

function isGenericWord(token: NameToken): boolean {
  return token.kind === 'number' || token.business || token.common || token.place || token.text.length <= 2;
}

/**
 * The keys a recipient name must share to be scored against this watchlist name: those of its
 * distinctive words (two letters or more, not business words) and of its initials.
 */
function anchorKeys(normalized: NormalizedName): Key[] {
  const words = normalized.tokens.filter((token) => token.kind === 'word');
  const distinctive = words.filter((token) => !token.business && token.text.length >= 2);
  const spellings = (token: NameToken): string[] => (token.written === token.text ? [token.text] : [token.text, token.written]);
  const keys: Key[] =
    distinctive.length > 0
      ? distinctive.flatMap(spellings).flatMap(keysOfWatchlistWord)
      : // A name of business words only ("Computer Security Initiative Consultancy") is generic and
        // can at most be reviewed, which takes its words as written: exact keys, no typo reach.
        words.flatMap(spellings).map((word): Key => ['word', word]);
  // The initials of the whole name, so "CSIC" meets it.
  if (words.length >= 2 && words.length <= 6) keys.push(['word', words.map((token) => token.text[0] ?? '').join('')]);
  return keys;
}

// Legal-form abbreviations and articles in a recipient name ("INC", "LLC", "THE") resemble nothing
// on the watchlist, though they share letters with many words ("COSEINC").
const LEGAL_FORM_WORDS: readonly string[] = LEGAL_FORMS.flatMap((form) => form.spellings.filter((spelling) => !spelling.includes(' ')));
const ARTICLES: readonly string[] = ['the', 'and', 'of', 'for', 'de'];

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
  readonly #byKey: Record<KeyKind, Map<string, IndexedName[]>> = {
    word: new Map(),
    first2: new Map(),
    last2: new Map(),
    first3: new Map(),
    last3: new Map(),
  };
  /** Recipient words skipped: legal forms and articles, unless a watchlist name has them as words. */
  readonly #inert: ReadonlySet<string>;

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
        for (const [kind, key] of anchorKeys(normalized)) {
          const list = this.#byKey[kind].get(key) ?? [];
          if (!list.includes(indexed)) list.push(indexed);
          this.#byKey[kind].set(key, list);
        }
      }
    }
    this.names = names;
    const words = this.#byKey.word;
    this.#inert = new Set([...LEGAL_FORM_WORDS, ...ARTICLES].filter((word) => !words.has(word)));
  }

  /** Watchlist names that `rawName` could plausibly match; empty when none. */
  candidates(rawName: string): IndexedName[] {
    const text = ASCII.test(rawName) ? rawName.toLowerCase() : foldText(rawName);
    const found: IndexedName[] = [];
    let initials = '';
    for (const word of text.split(SEPARATORS)) {
      if (word === '' || this.#inert.has(word)) continue;
      this.#lookUp(word, found);
      // Letters written apart ("N.S.O.", "N S O") are also looked up together.
      if (word.length === 1) {
        initials += word;
      } else {
        if (initials.length > 1) this.#lookUp(initials, found);
        initials = '';
      }
    }
    if (initials.length > 1) this.#lookUp(initials, found);
    return found;
  }

  #lookUp(word: string, found: IndexedName[]): void {
    const add = (list: IndexedName[] | undefined): void => {
      if (list !== undefined) for (const indexed of list) if (!found.includes(indexed)) found.push(indexed);
    };
    add(this.#byKey.word.get(word));
    if (word.length < 2) return;
    add(this.#byKey.first2.get(word.slice(0, 2)));
    add(this.#byKey.last2.get(word.slice(-2)));
    if (word.length < 3) return;
    add(this.#byKey.first3.get(word.slice(0, 3)));
    add(this.#byKey.last3.get(word.slice(-3)));
  }
}
