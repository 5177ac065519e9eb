import type { NameToken } from './normalize-name.js';
import { editDistance } from './edit-distance.js';
import { allowedEdits, wordSimilarity } from './token-similarity.js';

/** How a group of tokens on one side was matched to a group on the other. */
export type PairKind = 'equal' | 'typo' | 'joined' | 'initials';

/** Token indexes of side a and side b matched to each other, with their similarity. */
export interface TokenPair {
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly kind: PairKind;
  readonly similarity: number;
}

/** The alignment of two names' tokens; tokens in no pair are unmatched. */
export interface TokenAlignment {
  readonly pairs: readonly TokenPair[];
  readonly unmatchedA: readonly number[];
  readonly unmatchedB: readonly number[];
}

const MAX_RUN = 4;

/**
 * Whether a word of side a may be read as a typo of a different word of side b. The recipient
 * matcher refuses it when a's word is a known word (known-words.ts); by default every pair may be.
 */
export type TypoGuard = (a: NameToken, b: NameToken) => boolean;

/**
 * Aligns the tokens of two names, best evidence first: equal tokens, then tokens written together
 * on one side and apart on the other ("Goodwill" / "Good Will", "Andrang Heta" / "'Ndrangheta"),
 * then initials ("PLA" / "People's Liberation Army"), then typos, most similar pair first. Word
 * order is ignored ("First Bank International" / "First International Bank").
 *
 * @example
 * const { pairs } = alignTokens(normalizeName('Good Will Co').tokens, normalizeName('Goodwill').tokens);
 * pairs[0]?.kind; // 'joined'
 */
export function alignTokens(a: readonly NameToken[], b: readonly NameToken[], typoGuard: TypoGuard | null = null): TokenAlignment {
  const usedA = a.map(() => false);
  const usedB = b.map(() => false);
  const pairs: TokenPair[] = [];

  for (let i = 0; i < a.length; i++) {
    const j = b.findIndex((token, k) => !usedB[k] && token.text === a[i]?.text && token.kind === a[i]?.kind);
    if (j < 0) continue;
    usedA[i] = usedB[j] = true;
    pairs.push({ a: [i], b: [j], kind: 'equal', similarity: 1 });
  }
  joinRuns(a, b, usedA, usedB, pairs, false);
  joinRuns(b, a, usedB, usedA, pairs, true);
  matchInitials(a, b, usedA, usedB, pairs, false);
  matchInitials(b, a, usedB, usedA, pairs, true);
  matchTypos(a, b, usedA, usedB, pairs, typoGuard);

  return {
    pairs,
    unmatchedA: a.flatMap((_, k) => (usedA[k] ? [] : [k])),
    unmatchedB: b.flatMap((_, k) => (usedB[k] ? [] : [k])),
  };
}

/** Runs of consecutive unmatched words on `many` whose concatenation is a word on `one`. */
function joinRuns(
  one: readonly NameToken[],
  many: readonly NameToken[],
  usedOne: boolean[],
  usedMany: boolean[],
  pairs: TokenPair[],
  swapped: boolean,
): void {
  for (let i = 0; i < one.length; i++) {
    const target = one[i];
    if (usedOne[i] || target === undefined || target.kind !== 'word' || target.text.length < 2) continue;
    let best: { start: number; end: number; similarity: number } | undefined;
    for (let start = 0; start < many.length; start++) {
      let joined = '';
      for (let end = start; end < many.length && end - start < MAX_RUN; end++) {
        const token = many[end];
        if (usedMany[end] || token === undefined || token.kind !== 'word') break;
        joined += token.text;
        if (end === start) continue;
        if (joined.length > target.text.length + allowedEdits(target.text.length)) break;
        const allowed = allowedEdits(Math.min(joined.length, target.text.length));
        const distance = editDistance(joined, target.text, allowed);
        if (distance > allowed) continue;
        const similarity = 1 - distance / Math.max(joined.length, target.text.length);
        if (best === undefined || similarity > best.similarity) best = { start, end, similarity };
      }
    }
    if (best === undefined) continue;
    const run: number[] = [];
    for (let k = best.start; k <= best.end; k++) {
      usedMany[k] = true;
      run.push(k);
    }
    usedOne[i] = true;
    pairs.push(swapped ? { a: run, b: [i], kind: 'joined', similarity: best.similarity } : { a: [i], b: run, kind: 'joined', similarity: best.similarity });
  }
}

/** A short word on `one` that spells the initials of consecutive unmatched words on `many`. */
function matchInitials(
  one: readonly NameToken[],
  many: readonly NameToken[],
  usedOne: boolean[],
  usedMany: boolean[],
  pairs: TokenPair[],
  swapped: boolean,
): void {
  for (let i = 0; i < one.length; i++) {
    const target = one[i];
    if (usedOne[i] || target === undefined || target.kind !== 'word') continue;
    const length = target.text.length;
    if (length < 2 || length > 6) continue;
    for (let start = 0; start + length <= many.length; start++) {
      let matches = true;
      for (let k = 0; k < length && matches; k++) {
        const token = many[start + k];
        matches = token !== undefined && !usedMany[start + k] && token.kind === 'word' && token.text.length > 1 && token.text[0] === target.text[k];
      }
      if (!matches) continue;
      const run = Array.from({ length }, (_, k) => start + k);
      for (const k of run) usedMany[k] = true;
      usedOne[i] = true;
      pairs.push(swapped ? { a: run, b: [i], kind: 'initials', similarity: 1 } : { a: [i], b: run, kind: 'initials', similarity: 1 });
      break;
    }
  }
}

/** Remaining words paired by similarity, most similar first. */
function matchTypos(a: readonly NameToken[], b: readonly NameToken[], usedA: boolean[], usedB: boolean[], pairs: TokenPair[], typoGuard: TypoGuard | null): void {
  const candidates: { i: number; j: number; similarity: number }[] = [];
  for (let i = 0; i < a.length; i++) {
    const left = a[i];
    if (usedA[i] || left === undefined || left.kind !== 'word') continue;
    for (let j = 0; j < b.length; j++) {
      const right = b[j];
      if (usedB[j] || right === undefined || right.kind !== 'word') continue;
      if (typoGuard !== null && !typoGuard(left, right)) continue;
      // Typos are judged on the words as written too: "Mortars" is a typo of "Motors", even though
      // "Motors" reads as the business word "motor".
      const bothPlaces = left.place && right.place;
      const similarity = Math.max(wordSimilarity(left.text, right.text, bothPlaces), wordSimilarity(left.written, right.written, bothPlaces));
      if (similarity > 0) candidates.push({ i, j, similarity });
    }
  }
  candidates.sort((x, y) => y.similarity - x.similarity);
  for (const { i, j, similarity } of candidates) {
    if (usedA[i] || usedB[j]) continue;
    usedA[i] = usedB[j] = true;
    pairs.push({ a: [i], b: [j], kind: 'typo', similarity });
  }
}
