import { alignTokens, type TokenAlignment, type TypoGuard } from './align-tokens.js';
import { legalFormClassesAgree } from './legal-forms.js';
import { normalizeName, type NameToken, type NormalizedName } from './normalize-name.js';

/**
 * The tunable part of the scorer: token weights and feature penalties. The defaults are the
 * shipped model; the benchmark re-fits a few of them inside cross-validation to show how much the
 * figures depend on fitting.
 */
export interface NameScoringWeights {
  /** Weight of a business word ("group", "bank") relative to a distinctive word (1). */
  readonly businessWord: number;
  /** Weight of a single letter ("Q", "L & H"). */
  readonly singleLetter: number;
  /** Weight of a matched number. */
  readonly number: number;
  /** Weight of a parenthesised qualifier that only one side has ("Deutsche Bank (Schweiz)"). */
  readonly oneSidedQualifier: number;
  /** Penalty when one side has distinctive words the other lacks ("Banco Santander México"). */
  readonly extraWord: number;
  /** Penalty when one side has only extra business words ("Crystalord Systems Ltd" / "Crystalord Ltd"). */
  readonly extraBusinessWord: number;
  /** Penalty when both sides have words the other lacks ("Saudi Arabian Gas" / "Saudi Arabian Oil"). */
  readonly conflictingWords: number;
  /** Penalty when the legal forms are of different classes (AG vs GmbH). */
  readonly legalFormsDiffer: number;
  /** Penalty when both sides carry numbers and they differ ("Partners V" / "Partners VI"). */
  readonly numbersDiffer: number;
  /** Penalty when only one side carries a number ("Solutions" / "Solutions II"). */
  readonly extraNumber: number;
}

/**
 * The shipped weights.
 *
 * @example
 * scoreNames('Deutsche Bank AG', 'Deutsche Bank GmbH', { ...DEFAULT_NAME_SCORING_WEIGHTS, legalFormsDiffer: 0 }).score; // 1
 */
export const DEFAULT_NAME_SCORING_WEIGHTS: NameScoringWeights = {
  businessWord: 0.5,
  singleLetter: 0.5,
  number: 0.5,
  oneSidedQualifier: 0.3,
  extraWord: 0.15,
  extraBusinessWord: 0.1,
  conflictingWords: 0.1,
  legalFormsDiffer: 0.25,
  numbersDiffer: 0.05,
  extraNumber: 0.25,
};

/**
 * At or above this score two organisation names are taken to name the same organisation. It is
 * the threshold at which the benchmark (bench/names.ts) meets its target, in the middle of the gap
 * between the highest-scoring non-matches (0.77) and the lowest-scoring matches (0.80) there.
 *
 * @example
 * scoreNames('Exxor Mobil Corp', 'Exxon Mobil Corporation').score >= NAME_ALERT_THRESHOLD; // true
 */
export const NAME_ALERT_THRESHOLD = 0.78;

/**
 * At or above this score (and below the alert threshold) a match goes to analysts for review.
 *
 * @example
 * scoreNames('NSO Technologies Inc', 'NSO Group Technologies Inc').score >= NAME_REVIEW_THRESHOLD; // true
 */
export const NAME_REVIEW_THRESHOLD = 0.65;

/** Facts about a comparison that policies above the scorer act on. */
export interface NameScoreFeatures {
  /**
   * The same name: every word and number of each side equals one of the other's (or the same
   * letters written apart or together), qualifiers included; only case, accents, punctuation,
   * spelling variants of business words and legal forms differ.
   */
  readonly exact: boolean;
  /** Some words matched only allowing for typos ("Exxor" ≈ "Exxon"). */
  readonly typos: boolean;
  /** Some words matched as initials of the other side's ("PLA" = People's Liberation Army). */
  readonly initials: boolean;
  /** One side has words or numbers the other lacks (a subset match), qualifiers aside. */
  readonly partial: boolean;
  /** Both sides have words the other lacks. */
  readonly conflicting: boolean;
  readonly legalFormsDiffer: boolean;
  /** Both carry the same legal form (Ltd and Limited; Zrt and Crt). */
  readonly legalFormsEqual: boolean;
  readonly numbersDiffer: boolean;
}

/** A score, 0 to 1, with the reasons that explain it. */
export interface NameScore {
  readonly score: number;
  readonly reasons: string[];
  readonly features: NameScoreFeatures;
}

const NO_MATCH: NameScoreFeatures = { exact: false, typos: false, initials: false, partial: false, conflicting: true, legalFormsDiffer: false, legalFormsEqual: false, numbersDiffer: false };

/**
 * Scores how likely two organisation names name the same organisation, 0 to 1, with reasons.
 * Alternatives written with a slash ("Al-Qa'ida/Islamic Army") are scored separately; the best
 * counts.
 *
 * @example
 * scoreNames('PARAGON SOLUTIONS (US) INC.', 'Paragon Solutions (US) Inc.').score; // 1
 * scoreNames('PARAGON SYSTEMS, INC.', 'Paragon Solutions Ltd.').score < NAME_ALERT_THRESHOLD; // true
 */
export function scoreNames(a: string, b: string, weights: NameScoringWeights = DEFAULT_NAME_SCORING_WEIGHTS): NameScore {
  let best: NameScore | undefined;
  for (const left of splitAlternatives(a)) {
    for (const right of splitAlternatives(b)) {
      const result = scoreNormalizedNames(normalizeName(left), normalizeName(right), weights);
      if (best === undefined || result.score > best.score) best = result;
    }
  }
  return best ?? { score: 0, reasons: [], features: NO_MATCH };
}

// A slash between two words of two letters or more separates alternative names; "A/S", "c/o" stay.
const ALTERNATIVE_SEPARATOR = /(?<=\p{L}{2})\s*\/\s*(?=\p{L}{2})/u;

function splitAlternatives(name: string): string[] {
  const parts = name.split(ALTERNATIVE_SEPARATOR).filter((part) => part.trim() !== '');
  return parts.length > 1 ? [name, ...parts] : [name];
}

/**
 * `scoreNames` on names normalised beforehand (the recipient matcher normalises each watchlist
 * name once). `typoGuard`, when given, decides which words of `a` may be read as typos of `b`'s.
 *
 * @example
 * scoreNormalizedNames(normalizeName('Siemens AG'), normalizeName('Siemens Aktiengesellschaft')).score; // 1
 */
export function scoreNormalizedNames(
  a: NormalizedName,
  b: NormalizedName,
  weights: NameScoringWeights = DEFAULT_NAME_SCORING_WEIGHTS,
  typoGuard: TypoGuard | null = null,
): NameScore {
  const aligned = scoreAlignedTokens(a, b, weights, typoGuard);
  // "SiemensAG" / "Siemens AG": the legal form is glued to the name, so no token reads as one.
  if (aligned.score < SAME_LETTERS_SCORE && compact(a) !== '' && compact(a) === compact(b)) {
    return { score: SAME_LETTERS_SCORE, reasons: [`"${a.original}" and "${b.original}" are equal when spaces and punctuation are ignored`], features: { ...NO_MATCH, exact: true, conflicting: false } };
  }
  return aligned;
}

/** Names with the same letters and digits in the same order, spaced differently. */
const SAME_LETTERS_SCORE = 0.98;

function scoreAlignedTokens(a: NormalizedName, b: NormalizedName, weights: NameScoringWeights, typoGuard: TypoGuard | null): NameScore {
  const reasons: string[] = [];
  if (a.tokens.length === 0 || b.tokens.length === 0) return { score: 0, reasons: ['a name is empty'], features: NO_MATCH };

  const alignment = alignTokens(a.tokens, b.tokens, typoGuard);
  const weightOf = (token: NameToken | undefined, oneSided: boolean): number => tokenWeight(token, oneSided, weights);
  const extraA = wordsOf(a.tokens, alignment.unmatchedA);
  const extraB = wordsOf(b.tokens, alignment.unmatchedB);
  const conflicting = extraA.length > 0 && extraB.length > 0;

  let matched = 0;
  let total = 0;
  for (const pair of alignment.pairs) {
    const pairWeight = sum(pair.a.map((k) => weightOf(a.tokens[k], false))) + sum(pair.b.map((k) => weightOf(b.tokens[k], false)));
    matched += pair.similarity * pairWeight;
    total += pairWeight;
  }
  for (const k of alignment.unmatchedA) total += a.tokens[k]?.kind === 'word' ? weightOf(a.tokens[k], !conflicting) : 0;
  for (const k of alignment.unmatchedB) total += b.tokens[k]?.kind === 'word' ? weightOf(b.tokens[k], !conflicting) : 0;
  let score = total > 0 ? matched / total : 0;
  reasons.push(describePairs(a, b, alignment));

  const penalties: [number, string][] = [];
  const extra = extraA.length > 0 ? extraA : extraB;
  const extraNames = extra.filter((token) => !token.qualifier);
  if (conflicting) {
    penalties.push([weights.conflictingWords, `words differ: ${texts(extraA)} vs ${texts(extraB)}`]);
  } else if (extraNames.some((token) => !token.business)) {
    penalties.push([weights.extraWord, `only one name has ${texts(extraNames)}`]);
  } else if (extraNames.length > 0) {
    penalties.push([weights.extraBusinessWord, `only one name has the business word(s) ${texts(extraNames)}`]);
  } else if (extra.length > 0) {
    reasons.push(`only one name has the qualifier ${texts(extra)}`);
  }

  const numbersA = numbersOf(a.tokens, alignment.unmatchedA);
  const numbersB = numbersOf(b.tokens, alignment.unmatchedB);
  const numbersDiffer = numbersA.length > 0 && numbersB.length > 0;
  if (numbersDiffer) penalties.push([weights.numbersDiffer, `numbers differ: ${numbersA.join(' ')} vs ${numbersB.join(' ')}`]);
  else if (numbersA.length + numbersB.length > 0) penalties.push([weights.extraNumber, `only one name has the number ${[...numbersA, ...numbersB].join(' ')}`]);

  const legal = compareLegalForms(a, b);
  if (legal.reason !== '') (legal.differ ? penalties.push([weights.legalFormsDiffer, legal.reason]) : reasons.push(legal.reason));

  for (const [penalty, reason] of penalties) {
    score *= 1 - penalty;
    reasons.push(reason);
  }
  const numbersOnOneSide = !numbersDiffer && numbersA.length + numbersB.length > 0;
  return {
    score: Math.round(score * 10_000) / 10_000,
    reasons,
    features: {
      exact:
        alignment.unmatchedA.length === 0 &&
        alignment.unmatchedB.length === 0 &&
        alignment.pairs.every((pair) => pair.kind === 'equal' || (pair.kind === 'joined' && pair.similarity === 1)),
      typos: alignment.pairs.some((pair) => pair.similarity < 1),
      initials: alignment.pairs.some((pair) => pair.kind === 'initials'),
      partial: !conflicting && (extraNames.length > 0 || numbersOnOneSide),
      conflicting,
      legalFormsDiffer: legal.differ,
      legalFormsEqual: a.legalForms.some((left) => b.legalForms.some((right) => left.code === right.code)),
      numbersDiffer,
    },
  };
}

function tokenWeight(token: NameToken | undefined, oneSided: boolean, weights: NameScoringWeights): number {
  if (token === undefined) return 0;
  if (token.kind === 'number') return weights.number;
  let weight = token.business ? weights.businessWord : token.text.length === 1 ? weights.singleLetter : 1;
  if (token.qualifier && oneSided) weight *= weights.oneSidedQualifier;
  return weight;
}

function compact(name: NormalizedName): string {
  return name.original.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function wordsOf(tokens: readonly NameToken[], indexes: readonly number[]): NameToken[] {
  return indexes.flatMap((k) => (tokens[k]?.kind === 'word' ? [tokens[k]] : []));
}

function numbersOf(tokens: readonly NameToken[], indexes: readonly number[]): string[] {
  return indexes.flatMap((k) => (tokens[k]?.kind === 'number' ? [tokens[k].text] : []));
}

function texts(tokens: readonly NameToken[]): string {
  return tokens.map((token) => token.text).join(', ');
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function describePairs(a: NormalizedName, b: NormalizedName, alignment: TokenAlignment): string {
  const text = (tokens: readonly NameToken[], indexes: readonly number[]): string => indexes.map((k) => tokens[k]?.text ?? '').join(' ');
  const equal = alignment.pairs.filter((pair) => pair.kind === 'equal').map((pair) => text(a.tokens, pair.a));
  const parts: string[] = [];
  if (equal.length > 0) parts.push(`tokens ${equal.join(', ')} equal`);
  for (const pair of alignment.pairs) {
    if (pair.kind === 'typo') parts.push(`${text(a.tokens, pair.a)} ≈ ${text(b.tokens, pair.b)} (similarity ${pair.similarity.toFixed(2)})`);
    if (pair.kind === 'joined') parts.push(`${text(a.tokens, pair.a)} = ${text(b.tokens, pair.b)} written together`);
    if (pair.kind === 'initials') parts.push(`${text(a.tokens, pair.a)} = initials of ${text(b.tokens, pair.b)}`);
  }
  if (parts.length === 0) return 'no tokens in common';
  const forms = [...a.legalForms, ...b.legalForms].map((form) => `'${form.text}'`);
  const uniqueForms = [...new Set(forms)];
  return parts.join('; ') + (uniqueForms.length > 0 ? ` after removing legal form ${uniqueForms.join(', ')}` : '');
}

function compareLegalForms(a: NormalizedName, b: NormalizedName): { differ: boolean; reason: string } {
  if (a.legalForms.length === 0 || b.legalForms.length === 0) return { differ: false, reason: '' };
  // "Co." says nothing, so "Co., Ltd." is compared as "Ltd.".
  const specificA = a.legalForms.filter((form) => form.formClass !== 'generic');
  const specificB = b.legalForms.filter((form) => form.formClass !== 'generic');
  const agree =
    specificA.length === 0 ||
    specificB.length === 0 ||
    specificA.some((left) => specificB.some((right) => legalFormClassesAgree(left.formClass, right.formClass)));
  const describe = (name: NormalizedName): string => name.legalForms.map((form) => `${form.code} (${form.formClass})`).join(' + ');
  if (!agree) return { differ: true, reason: `legal forms differ: ${describe(a)} vs ${describe(b)}` };
  const sameCode = a.legalForms.some((left) => b.legalForms.some((right) => left.code === right.code));
  return { differ: false, reason: sameCode ? '' : `legal forms agree: ${describe(a)} ~ ${describe(b)}` };
}
