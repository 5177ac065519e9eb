import { BUSINESS_WORDS } from './business-words.js';
import { canonicalWord } from './canonical-word.js';
import { COMMON_WORDS } from './common-words.js';
import { extractLegalForms, type FoundLegalForm } from './extract-legal-forms.js';
import { foldText } from './fold-text.js';
import { isPlaceName, readPlace } from './place-names.js';
import { readNumber } from './read-number.js';

/** One token of a normalised name. */
export interface NameToken {
  /** Folded, canonical spelling; for numbers the digits ("44" for "forty-four"). */
  readonly text: string;
  /** As written, before abbreviations were expanded and plurals folded ("motors" for `motor`). */
  readonly written: string;
  readonly kind: 'word' | 'number';
  /** Written in parentheses: a qualifier such as "(Schweiz)" or "(US)". */
  readonly qualifier: boolean;
  /** Describes what the organisation is or does ("group", "bank", "solution"). */
  readonly business: boolean;
  /** A country, region, US state or nationality. */
  readonly place: boolean;
  /** An everyday English word ("paragon", "positive"). */
  readonly common: boolean;
}

/** A name ready for comparison. */
export interface NormalizedName {
  readonly original: string;
  /** The name proper: legal forms and articles removed, in written order. */
  readonly tokens: readonly NameToken[];
  readonly legalForms: readonly FoundLegalForm[];
}

// Articles and conjunctions that carry no identity ("The Walt Disney Company", "Procter & Gamble").
const STOPWORDS = new Set([
  'the', 'of', 'and', 'for', 'in', 'at', 'on', 'by', 'an', 'de', 'du', 'des', 'la', 'le', 'les', 'el',
  'los', 'las', 'del', 'di', 'da', 'et', 'und', 'y',
]);

const APOSTROPHES = /['’`´ʼ‘]/gu;
const POSSESSIVE = /(\p{L})['’`´ʼ]s(?![\p{L}\p{N}])/gu;
const ORDINAL_DIGITS = /^(\d+)(st|nd|rd|th)$/;
const LETTER_DIGIT_BOUNDARY = /(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Letters, digits and the dot (kept for initialisms); ASCII decided without a regular expression. */
function isWordCharacter(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 46 || (code >= 65 && code <= 90);
  return WORD_CHARACTER.test(char);
}

interface RawToken {
  readonly text: string;
  readonly qualifier: boolean;
}

/** Splits folded text into tokens, remembering which stood in parentheses or brackets. */
function tokenize(folded: string): RawToken[] {
  const text = folded.replace(POSSESSIVE, '$1').replace(APOSTROPHES, '').replaceAll('&', ' and ').replaceAll('%', 'percent');
  const tokens: RawToken[] = [];
  let depth = 0;
  let chunk = '';
  const flush = (): void => {
    if (chunk !== '') for (const piece of splitChunk(chunk)) tokens.push({ text: piece, qualifier: depth > 0 });
    chunk = '';
  };
  for (const char of text) {
    if (char === '(' || char === '[' || char === '{') {
      flush();
      depth++;
    } else if (char === ')' || char === ']' || char === '}') {
      flush();
      depth = Math.max(0, depth - 1);
    } else if (isWordCharacter(char)) {
      chunk += char;
    } else {
      flush();
    }
  }
  flush();
  return joinSpacedLetters(tokens);
}

const LETTER = /^\p{L}$/u;

/**
 * Letters written apart are one word, as letters written with dots are ("N S O" = "N.S.O." =
 * "NSO", "S A" = "S.A."): a run of two or more single letters becomes their initialism, so a legal
 * form spelt "S A" is read off as one ("INTELEXA S A") and an initialism spaced out still matches.
 */
function joinSpacedLetters(tokens: readonly RawToken[]): RawToken[] {
  const joined: RawToken[] = [];
  for (let k = 0; k < tokens.length; ) {
    let end = k;
    while (end < tokens.length && LETTER.test(tokens[end]?.text ?? '') && tokens[end]?.qualifier === tokens[k]?.qualifier) end++;
    if (end - k >= 2) {
      joined.push({ text: tokens.slice(k, end).map((token) => token.text).join(''), qualifier: tokens[k]?.qualifier ?? false });
      k = end;
    } else {
      const token = tokens[k];
      if (token !== undefined) joined.push(token);
      k++;
    }
  }
  return joined;
}

/**
 * "a.b.c." → "abc" (an initialism), "amazon.com" → "amazon", "com"; "1st" → "1"; "ahl1" → "ahl", "1".
 */
function splitChunk(chunk: string): string[] {
  if (!/[.\d]/.test(chunk)) return [chunk];
  const parts = chunk.split('.').filter((part) => part !== '');
  const words = parts.length > 1 && parts.every((part) => part.length === 1) ? [parts.join('')] : parts;
  return words.flatMap((word) => {
    const ordinal = ORDINAL_DIGITS.exec(word);
    if (ordinal?.[1] !== undefined) return [ordinal[1]];
    return word.split(LETTER_DIGIT_BOUNDARY);
  });
}

function nameToken(text: string, kind: NameToken['kind'], qualifier: boolean, written = text): NameToken {
  return {
    text,
    written,
    kind,
    qualifier,
    business: kind === 'word' && BUSINESS_WORDS.has(text),
    place: kind === 'word' && isPlaceName(text),
    common: kind === 'word' && COMMON_WORDS.has(text),
  };
}

/**
 * Normalises an organisation name for comparison: folds script, case and accents, tokenises,
 * reads legal forms off the ends, joins place names, reads numbers, spells words one way and drops
 * articles.
 *
 * @example
 * const name = normalizeName('Paragon Solutions (US) Inc.');
 * name.tokens.map((t) => t.text);       // ['paragon', 'solution', 'us']
 * name.legalForms.map((f) => f.code);   // ['inc']
 */
export function normalizeName(original: string): NormalizedName {
  const raw = tokenize(foldText(original));
  const { removed, forms } = extractLegalForms(
    raw.map((token) => token.text),
    raw.map((token) => token.qualifier),
  );
  const kept = raw.filter((_, k) => !removed[k]);
  const texts = kept.map((token) => token.text);
  const tokens: NameToken[] = [];
  for (let k = 0; k < kept.length; ) {
    const qualifier = kept[k]?.qualifier ?? false;
    const place = readPlace(texts, k);
    if (place.consumed > 0) {
      tokens.push(nameToken(place.place, 'word', qualifier));
      k += place.consumed;
      continue;
    }
    const number = readNumber(texts, k);
    if (number.consumed > 0) {
      tokens.push(nameToken(number.value, 'number', qualifier));
      k += number.consumed;
      continue;
    }
    const text = texts[k] ?? '';
    if (!STOPWORDS.has(text)) tokens.push(nameToken(canonicalWord(text), 'word', qualifier, text));
    k++;
  }
  return { original, tokens, legalForms: forms };
}
