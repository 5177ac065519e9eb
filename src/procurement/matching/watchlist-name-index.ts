import { editDistance } from './edit-distance.js';
import { foldText } from './fold-text.js';
import { isKnownWord } from './known-words.js';
import { LEGAL_FORMS } from './legal-forms.js';
import { normalizeName, type NameToken, type NormalizedName } from './normalize-name.js';
import { allowedEdits } from './token-similarity.js';
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

// A name is only scored against watchlist names it shares a plausible word with. Each anchor word
// of a watchlist name is filed under its first and last two or three letters: a word with one typo
// keeps its first or its last letters intact, and a word written apart ("PARA GON") or together
// ("PARAGONSOLUTIONS") keeps its first three. A recipient word that finds an anchor this way must
// then really resemble it (within the typos its length allows, unless it is a known word, or
// starting with it, or being its start), so "PARTNERS" does not reach "Paragon". Each kind of key has its own map.
type KeyKind = 'word' | 'first2' | 'last2' | 'first3' | 'last3';

function keysOfWatchlistWord(word: string): [KeyKind, string][] {
  // Up to three letters: no typo allowed (see allowedEdits), but "NSOGROUP" must still meet "NSO".
  if (word.length <= 2) return [['word', word]];
  if (word.length === 3) return [['word', word], ['first3', word]];
  // Four or five letters: one typo allowed, which leaves the first two or the last two intact.
  if (word.length <= 5) return [['first2', word.slice(0, 2)], ['last2', word.slice(-2)]];
  return [['first3', word.slice(0, 3)], ['last3', word.slice(-3)]];
}

/** An anchor word of a watchlist name, as filed under a key. */
interface Anchor {
  readonly indexed: IndexedName;
  readonly word: string;
  /** Only the word itself counts (business words of generic names, initials). */
  readonly exact: boolean;
}

/** Whether the recipient word is a known word, asked only when a typo is in question. */
interface KnownWordQuestion {
  readonly word: string;
  answer: boolean | undefined;
}

function isKnown(question: KnownWordQuestion): boolean {
  question.answer ??= question.word.length >= 4 && isKnownWord(question.word);
  return question.answer;
}

function resembles(recipientWord: string, known: KnownWordQuestion, anchor: Anchor): boolean {
  if (recipientWord === anchor.word) return true;
  if (anchor.exact) return false;
  if (recipientWord.startsWith(anchor.word)) return true;
  // A known word ("MORGAN", "METRO") is taken as written, not as a typo or a truncation of an
  // anchor ("Mordant", "Metroys"); the scorer applies the same rule (recipient-matcher.ts).
  if (recipientWord.length >= 3 && anchor.word.startsWith(recipientWord)) return !isKnown(known);
  const allowed = allowedEdits(Math.min(recipientWord.length, anchor.word.length));
  return allowed > 0 && !isKnown(known) && editDistance(recipientWord, anchor.word, allowed) <= allowed;
}

function isGenericWord(token: NameToken): boolean {
  return token.kind === 'number' || token.business || token.common || token.place || token.text.length <= 2;
}

/**
 * The anchors of a watchlist name: its distinctive words (two letters or more, not business
 * words) and its initials; for a name of business words only ("Computer Security Initiative
 * Consultancy"), which is generic and can at most be reviewed, its words as written, of which a
 * recipient must share two.
 */
function anchorsOf(indexed: IndexedName): { anchors: Anchor[]; hitsNeeded: number } {
  const words = indexed.normalized.tokens.filter((token) => token.kind === 'word');
  const distinctive = words.filter((token) => !token.business && token.text.length >= 2);
  // A name with a word of its own ("Zircon" in "Zircon Granite Defence") is found through it: a
  // recipient sharing only its common words ("GRANITE SYSTEMS") could come to a generic-only
  // partial match at most, below the review threshold.
  const own = distinctive.filter((token) => !token.common && !token.place);
  const anchorWords = own.length > 0 && own.length < distinctive.length ? own : distinctive;
  const spellings = (token: NameToken): string[] => (token.written === token.text ? [token.text] : [token.text, token.written]);
  const anchors: Anchor[] =
    distinctive.length > 0
      ? anchorWords.flatMap(spellings).map((word) => ({ indexed, word, exact: false }))
      : words.flatMap(spellings).map((word) => ({ indexed, word, exact: true }));
  // Initials of three letters or more ("PLA"); two letters ("CO" of "Cinder Orchard") are a legal
  // form or an article as often as initials, and would reach half of all names.
  const initials = words.map((token) => token.text[0] ?? '').join('');
  if (words.length >= 3 && words.length <= 6 && !NOT_INITIALS.has(initials)) anchors.push({ indexed, word: initials, exact: true });
  // A name of common words ("Harbour Ember Networks") can come to something only when all its
  // common words are there (a part of it alone says nothing: see recipient-matcher.ts), so one of
  // them alone ("HARBOR SYSTEMS LLC") is not worth scoring.
  const hitsNeeded = distinctive.length === 0 ? Math.min(2, words.length) : indexed.generic ? Math.min(2, distinctive.length) : 1;
  return { anchors, hitsNeeded };
}

// Legal-form abbreviations and articles in a recipient name ("INC", "LLC", "THE") resemble nothing
// on the watchlist, though they share letters with many words ("COSEINC").
const LEGAL_FORM_WORDS: readonly string[] = LEGAL_FORMS.flatMap((form) => form.spellings.filter((spelling) => !spelling.includes(' ')));
const ARTICLES: readonly string[] = ['the', 'and', 'of', 'for', 'de'];
const NOT_INITIALS: ReadonlySet<string> = new Set([...LEGAL_FORM_WORDS, ...ARTICLES]);

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
  readonly #byKey: Record<KeyKind, Map<string, Anchor[]>> = {
    word: new Map(),
    first2: new Map(),
    last2: new Map(),
    first3: new Map(),
    last3: new Map(),
  };
  readonly #hitsNeeded = new Map<IndexedName, number>();
  /** Recipient words skipped: legal forms and articles, unless a watchlist name has them as words. */
  readonly #inert: ReadonlySet<string>;
  /**
   * The anchors each recipient word resembles (and, for words written apart, is exactly), in the
   * order the key maps give them. Contractors' names repeat a few thousand words ("SYSTEMS",
   * "FEDERAL", "SMITH") endlessly, and a word's anchors never change, while finding them means
   * walking key buckets that grow with the watchlist: at a thousand vendors that walk was most of
   * the matcher's time. Bounded: forgotten wholesale when full.
   */
  readonly #resembling = new Map<string, readonly Anchor[]>();
  /** By first word, then second: looked up without joining the two into a new string. */
  readonly #exactly = new Map<string, Map<string, readonly Anchor[]>>();
  #exactlyCount = 0;

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
        const { anchors, hitsNeeded } = anchorsOf(indexed);
        this.#hitsNeeded.set(indexed, hitsNeeded);
        for (const anchor of anchors) {
          const keys: [KeyKind, string][] = anchor.exact ? [['word', anchor.word]] : keysOfWatchlistWord(anchor.word);
          for (const [kind, key] of keys) {
            const filed = this.#byKey[kind].get(key);
            if (filed === undefined) this.#byKey[kind].set(key, [anchor]);
            else filed.push(anchor);
          }
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
    const hits = new Map<IndexedName, Set<string>>();
    let initials = '';
    let previous = '';
    for (const word of text.split(SEPARATORS)) {
      if (word === '' || this.#inert.has(word)) continue;
      this.#lookUp(word, hits);
      // A word written apart ("PARA GON") is also looked up together: its first part may be a
      // known word, which is never read as the start of an anchor.
      if (previous.length > 1 && word.length > 1) this.#lookUpJoined(previous, word, hits);
      previous = word;
      // Letters written apart ("N.S.O.", "N S O") are also looked up together.
      if (word.length === 1) {
        initials += word;
      } else {
        if (initials.length > 1) this.#lookUp(initials, hits);
        initials = '';
      }
    }
    if (initials.length > 1) this.#lookUp(initials, hits);
    const found: IndexedName[] = [];
    for (const [indexed, words] of hits) if (words.size >= (this.#hitsNeeded.get(indexed) ?? 1)) found.push(indexed);
    return found;
  }

  /** Anchors that are exactly `first` and `second` written together. */
  #lookUpJoined(first: string, second: string, hits: Map<IndexedName, Set<string>>): void {
    let seconds = this.#exactly.get(first);
    let anchors = seconds?.get(second);
    if (anchors === undefined) {
      anchors = this.#anchorsExactly(first + second);
      if (this.#exactlyCount >= MEMO_WORDS) {
        this.#exactly.clear();
        this.#exactlyCount = 0;
        seconds = undefined;
      }
      if (seconds === undefined) {
        seconds = new Map();
        this.#exactly.set(first, seconds);
      }
      seconds.set(second, anchors);
      this.#exactlyCount++;
    }
    recordAll(anchors, hits);
  }

  #lookUp(word: string, hits: Map<IndexedName, Set<string>>): void {
    let anchors = this.#resembling.get(word);
    if (anchors === undefined) {
      anchors = this.#anchorsResembling(word);
      remember(this.#resembling, word, anchors);
    }
    recordAll(anchors, hits);
  }

  #anchorsExactly(word: string): readonly Anchor[] {
    const { word: whole, first2, first3 } = this.#byKey;
    const found: Anchor[] = [];
    for (const anchors of [whole.get(word), first2.get(word.slice(0, 2)), first3.get(word.slice(0, 3))]) {
      for (const anchor of anchors ?? []) if (anchor.word === word) found.push(anchor);
    }
    return found.length === 0 ? NO_ANCHORS : found;
  }

  #anchorsResembling(word: string): readonly Anchor[] {
    const { word: whole, first2, last2, first3, last3 } = this.#byKey;
    const known: KnownWordQuestion = { word, answer: undefined };
    const found: Anchor[] = [];
    collectResembling(word, known, whole.get(word), found);
    if (word.length >= 2) {
      collectResembling(word, known, first2.get(word.slice(0, 2)), found);
      collectResembling(word, known, last2.get(word.slice(-2)), found);
    }
    if (word.length >= 3) {
      collectResembling(word, known, first3.get(word.slice(0, 3)), found);
      collectResembling(word, known, last3.get(word.slice(-3)), found);
    }
    return found.length === 0 ? NO_ANCHORS : found;
  }
}

const NO_ANCHORS: readonly Anchor[] = [];
/** Distinct recipient words (or pairs of words) remembered per map before it starts over. */
const MEMO_WORDS = 1 << 16;

function remember(memo: Map<string, readonly Anchor[]>, word: string, anchors: readonly Anchor[]): void {
  if (memo.size >= MEMO_WORDS) memo.clear();
  memo.set(word, anchors);
}

function collectResembling(word: string, known: KnownWordQuestion, anchors: readonly Anchor[] | undefined, found: Anchor[]): void {
  if (anchors === undefined) return;
  for (const anchor of anchors) if (resembles(word, known, anchor)) found.push(anchor);
}

function recordAll(anchors: readonly Anchor[], hits: Map<IndexedName, Set<string>>): void {
  for (const anchor of anchors) {
    const words = hits.get(anchor.indexed);
    if (words === undefined) hits.set(anchor.indexed, new Set([anchor.word]));
    else words.add(anchor.word);
  }
}
