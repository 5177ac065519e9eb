import { editDistance } from './edit-distance.js';
import { LEGAL_FORMS, type LegalFormClass, type LegalFormDefinition } from './legal-forms.js';

/** A legal form read off a name. */
export interface FoundLegalForm {
  readonly code: string;
  readonly formClass: LegalFormClass;
  /** The tokens as written in the name, e.g. `aktiengeselschaft` for code `ag`. */
  readonly text: string;
}

interface Spelling {
  readonly tokens: readonly string[];
  readonly definition: LegalFormDefinition;
  /** Four letters or fewer ("ag", "ltd", "a s"): read before the name only for `leading` forms. */
  readonly short: boolean;
}

// Longest spellings first, so "public limited company" wins over "limited company" and "company".
const SPELLINGS: readonly Spelling[] = LEGAL_FORMS.flatMap((definition) =>
  definition.spellings.map((spelling) => ({
    tokens: spelling.split(' '),
    definition,
    short: spelling.replaceAll(' ', '').length <= 4,
  })),
).sort((a, b) => b.tokens.length - a.tokens.length || b.tokens.join('').length - a.tokens.join('').length);

const SKIPPABLE = new Set(['the', 'and', 'of', 'de']);

/**
 * Edits needed for `tokens[start…]` to read as `spelling`, or -1. Registry data has typos and
 * truncations in legal forms too ("Aktiengeselschaft", "JOINT STOCK COMPAN", "JOYNT STOCK
 * COMPANY"), so long words of a form may differ by one edit (two from twelve letters), but the
 * first letter must agree and abbreviations must be exact.
 */
function editsToRead(tokens: readonly string[], start: number, spelling: Spelling): number {
  if (start < 0 || start + spelling.tokens.length > tokens.length) return -1;
  let edits = 0;
  for (let k = 0; k < spelling.tokens.length; k++) {
    const written = tokens[start + k] ?? '';
    const expected = spelling.tokens[k] ?? '';
    if (written === expected) continue;
    const minimum = spelling.tokens.length === 1 ? 6 : 5;
    if (expected.length < minimum || written[0] !== expected[0]) return -1;
    const limit = expected.length >= 12 ? 2 : 1;
    if (Math.abs(written.length - expected.length) > limit) return -1;
    const distance = editDistance(written, expected, limit);
    if (distance > limit) return -1;
    edits += distance;
  }
  return edits <= 2 ? edits : -1;
}

// Candidate spellings by the token they start or end with, and, for typos, by its first letter.
function indexBy(position: (tokens: readonly string[]) => string): { exact: Map<string, Spelling[]>; fuzzy: Map<string, Spelling[]> } {
  const exact = new Map<string, Spelling[]>();
  const fuzzy = new Map<string, Spelling[]>();
  for (const spelling of SPELLINGS) {
    const token = position(spelling.tokens);
    exact.set(token, [...(exact.get(token) ?? []), spelling]);
    const letter = token[0] ?? '';
    // Any word of the spelling long enough to carry a typo makes it a fuzzy candidate.
    if (spelling.tokens.some((word) => word.length >= 5)) fuzzy.set(letter, [...(fuzzy.get(letter) ?? []), spelling]);
  }
  return { exact, fuzzy };
}
const ORDER = new Map(SPELLINGS.map((spelling, k) => [spelling, k]));
const BY_FIRST = indexBy((tokens) => tokens[0] ?? '');
const BY_LAST = indexBy((tokens) => tokens[tokens.length - 1] ?? '');

/** The longest spelling that reads at `start` (exact first word, or a typo in a long one). */
function longestReading(index: typeof BY_FIRST, key: string, reads: (spelling: Spelling) => boolean): Spelling | undefined {
  let best: Spelling | undefined;
  for (const spelling of index.exact.get(key) ?? []) {
    if (reads(spelling)) {
      best = spelling;
      break;
    }
  }
  if (key.length < 5) return best;
  for (const spelling of index.fuzzy.get(key[0] ?? '') ?? []) {
    if (best !== undefined && (ORDER.get(spelling) ?? 0) >= (ORDER.get(best) ?? 0)) break;
    if (reads(spelling)) return spelling;
  }
  return best;
}

function readAt(tokens: readonly string[], start: number, atHead: boolean): Spelling | undefined {
  return longestReading(BY_FIRST, tokens[start] ?? '', (spelling) => !(spelling.short && atHead && !spelling.definition.leading) && editsToRead(tokens, start, spelling) >= 0);
}

function readEndingAt(tokens: readonly string[], end: number, floor: number): Spelling | undefined {
  return longestReading(BY_LAST, tokens[end - 1] ?? '', (spelling) => end - spelling.tokens.length >= floor && editsToRead(tokens, end - spelling.tokens.length, spelling) >= 0);
}

/**
 * Finds the legal forms at the start and end of a tokenised name ("OOO … ", "… Co., Ltd.",
 * "… Corporation Joint Stock Company"), skipping articles and parenthesised qualifiers between
 * them. Returns which tokens are legal forms; when nothing else would be left ("Company"), none are.
 *
 * @example
 * extractLegalForms(['siemens', 'ag'], [false, false]).forms[0]?.code; // 'ag'
 * extractLegalForms(['ooo', 'baykal'], [false, false]).removed;        // [true, false]
 */
export function extractLegalForms(
  tokens: readonly string[],
  qualifier: readonly boolean[],
): { removed: boolean[]; forms: FoundLegalForm[] } {
  const removed = tokens.map(() => false);
  const head: FoundLegalForm[] = [];
  const tail: FoundLegalForm[] = [];
  let i = 0;
  while (i < tokens.length) {
    const spelling = readAt(tokens, i, true);
    if (spelling !== undefined) {
      for (let k = 0; k < spelling.tokens.length; k++) removed[i + k] = true;
      head.push(found(tokens, i, spelling));
      i += spelling.tokens.length;
    } else if (SKIPPABLE.has(tokens[i] ?? '') || qualifier[i] === true) {
      i++;
    } else {
      break;
    }
  }
  let end = tokens.length;
  while (end > i) {
    const spelling = readEndingAt(tokens, end, i);
    if (spelling !== undefined) {
      const start = end - spelling.tokens.length;
      for (let k = start; k < end; k++) removed[k] = true;
      tail.unshift(found(tokens, start, spelling));
      end = start;
    } else if (SKIPPABLE.has(tokens[end - 1] ?? '') || qualifier[end - 1] === true) {
      end--;
    } else {
      break;
    }
  }
  const nameLeft = tokens.some((token, k) => !removed[k] && !SKIPPABLE.has(token));
  if (!nameLeft) return { removed: tokens.map(() => false), forms: [] };
  return { removed, forms: [...head, ...tail] };
}

function found(tokens: readonly string[], start: number, spelling: Spelling): FoundLegalForm {
  return {
    code: spelling.definition.code,
    formClass: spelling.definition.formClass,
    text: tokens.slice(start, start + spelling.tokens.length).join(' '),
  };
}
