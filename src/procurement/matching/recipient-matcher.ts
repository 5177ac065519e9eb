import type { TypoGuard } from './align-tokens.js';
import { isKnownWord } from './known-words.js';
import { normalizeName } from './normalize-name.js';
import { NAME_ALERT_THRESHOLD, NAME_REVIEW_THRESHOLD, scoreNormalizedNames } from './score-names.js';
import type { RecipientFields, RecipientMatch, RecipientMatcher, Watchlist, WatchlistEntry } from './types.js';
import { WatchlistNameIndex, type IndexedName } from './watchlist-name-index.js';

type IdentifierType = 'uei' | 'duns' | 'cage';

// The identifier fields of a row, most specific first; the parent's identify the parent company.
const IDENTIFIER_FIELDS: readonly { field: keyof RecipientFields; type: IdentifierType; label: string }[] = [
  { field: 'uei', type: 'uei', label: 'recipient UEI' },
  { field: 'parentUei', type: 'uei', label: 'parent UEI' },
  { field: 'duns', type: 'duns', label: 'recipient DUNS' },
  { field: 'parentDuns', type: 'duns', label: 'parent DUNS' },
  { field: 'cage', type: 'cage', label: 'CAGE code' },
];

// The name fields, and which identifiers of the row describe the same company as each.
const NAME_FIELDS: readonly { field: keyof RecipientFields; label: string; parent: boolean }[] = [
  { field: 'name', label: 'recipient name', parent: false },
  { field: 'nameRaw', label: 'recipient raw name', parent: false },
  { field: 'doingBusinessAs', label: 'doing-business-as name', parent: false },
  { field: 'parentName', label: 'parent name', parent: true },
  { field: 'parentNameRaw', label: 'parent raw name', parent: true },
];

function normalizeIdentifier(value: string): string {
  return value.trim().toUpperCase();
}

// A recipient's word that is a known word (a frequent English word, a common first name or
// surname) is what it says, not a misspelling of a watchlist word: "MORGAN" is not "Mordant".
const recipientTypoGuard: TypoGuard = (recipientWord) => !isKnownWord(recipientWord.written) && !isKnownWord(recipientWord.text);

/**
 * Creates the matcher the screening engine runs on each distinct recipient. Identifiers decide
 * first (UEI, parent UEI, DUNS, parent DUNS, CAGE: an exact match alerts). Names come second: each
 * name field is scored against every watchlist name it shares a plausible word with.
 *
 * - The same name as a watchlist name or alias (only case, accents, punctuation, spacing and legal
 *   forms differ) alerts, even when its words are common ("POSITIVE TECHNOLOGIES" is the listed
 *   Positive Technologies) and even when the row's UEI is not one the registry knows for it: the
 *   reasons then say that this may be the vendor under a new registration.
 * - Any other match alerts only when it is close (score ≥ NAME_ALERT_THRESHOLD), word for word
 *   without typos, complete, on a distinctive name and not contradicted by an identifier; partial,
 *   typo, initials and generic-only matches go to review, or nowhere below NAME_REVIEW_THRESHOLD.
 * - A recipient word that is a known word (known-words.ts) is never read as a typo of another.
 *
 * @example
 * const matcher = createRecipientMatcher(watchlist);
 * matcher.match({ ...blankRecipient, uei: 'NW6QFTZACWM7' })?.decision; // 'alert'
 * matcher.match({ ...blankRecipient, name: 'PARAGON SYSTEMS, INC.' });  // null
 */
export function createRecipientMatcher(watchlist: Watchlist): RecipientMatcher {
  // One map per identifier type, so a row's identifiers are looked up as they are, not as new strings.
  const byIdentifier: Record<IdentifierType, Map<string, WatchlistEntry>> = { uei: new Map(), duns: new Map(), cage: new Map() };
  for (const entry of watchlist.entries) {
    for (const type of ['uei', 'duns', 'cage'] as const) {
      for (const value of entry.identifiers[type]) byIdentifier[type].set(normalizeIdentifier(value), entry);
    }
  }
  const index = new WatchlistNameIndex(watchlist.entries);

  return {
    match(fields: RecipientFields): RecipientMatch | null {
      for (const { field, type, label } of IDENTIFIER_FIELDS) {
        const value = normalizeIdentifier(fields[field]);
        const entry = value === '' ? undefined : byIdentifier[type].get(value);
        if (entry !== undefined) {
          return {
            organizationId: entry.organizationId,
            organizationName: entry.organizationName,
            decision: 'alert',
            score: 1,
            reasons: [`${label} ${value} is ${entry.organizationName}'s`, ...relations(entry)],
          };
        }
      }
      let best: RecipientMatch | null = null;
      let bestRank = 0;
      const scored = new Set<string>();
      for (const { field, label, parent } of NAME_FIELDS) {
        const value = fields[field];
        if (value.trim() === '' || scored.has(value)) continue;
        scored.add(value);
        const candidates = index.candidates(value);
        if (candidates.length === 0) continue;
        const normalized = normalizeName(value);
        for (const candidate of candidates) {
          const result = scoreNormalizedNames(normalized, candidate.normalized, undefined, recipientTypoGuard);
          const match = judgeNameMatch(fields, { value, label, parent }, candidate, result);
          if (match === null) continue;
          const matchRank = rank(match, result.features.legalFormsEqual);
          if (matchRank > bestRank) {
            best = match;
            bestRank = matchRank;
          }
        }
      }
      return best;
    },
  };
}

// Alerts before reviews, then by score; among equals, the name with the same legal form
// ("INTELLEXA LIMITED": Intellexa Limited before Intellexa S.A.).
function rank(match: RecipientMatch, sameLegalForm: boolean): number {
  return (match.decision === 'alert' ? 4 : 2) + match.score + (sameLegalForm ? 0.001 : 0);
}

function judgeNameMatch(
  fields: RecipientFields,
  source: { value: string; label: string; parent: boolean },
  candidate: IndexedName,
  result: ReturnType<typeof scoreNormalizedNames>,
): RecipientMatch | null {
  const { entry, name } = candidate;
  const kind = name.kind === 'primary' ? 'name' : `${name.kind} name`;
  if (result.features.exact) {
    // The rule: the listed name itself is the listed vendor, whatever its words.
    const conflicts = identifierConflicts(fields, source.parent, entry);
    return {
      organizationId: entry.organizationId,
      organizationName: entry.organizationName,
      decision: 'alert',
      score: result.score,
      reasons: [
        `${source.label} "${source.value}" is ${entry.organizationName}'s ${kind} "${name.value}" (same name: only case, accents, punctuation or legal form differ)`,
        ...result.reasons,
        ...conflicts.map((conflict) => `${conflict}: a vendor appearing under a new registration, or another firm of the same name`),
        ...relations(entry),
      ],
    };
  }
  if (result.score < NAME_REVIEW_THRESHOLD) return null;
  // Part of a name made of common words ("Paragon" in "Paragon Medical Inc") says nothing at all.
  if (candidate.generic && result.features.partial) return null;
  const reasons = [`${source.label} "${source.value}" matches ${entry.organizationName}'s ${kind} "${name.value}" (score ${result.score.toFixed(2)})`, ...result.reasons];
  const downgrades: string[] = [];
  if (result.score < NAME_ALERT_THRESHOLD) downgrades.push(`score below the alert threshold ${NAME_ALERT_THRESHOLD}`);
  if (candidate.generic) downgrades.push(`"${name.value}" is made of common words only, and the names are not the same`);
  if (result.features.partial) downgrades.push('partial match: one name has words the other lacks');
  if (result.features.typos) downgrades.push('matched only allowing for typos');
  if (result.features.initials) downgrades.push('matched through initials');
  if (result.features.numbersDiffer) downgrades.push('the names carry different numbers');
  downgrades.push(...identifierConflicts(fields, source.parent, entry));
  return {
    organizationId: entry.organizationId,
    organizationName: entry.organizationName,
    decision: downgrades.length === 0 ? 'alert' : 'review',
    score: result.score,
    reasons: [...reasons, ...downgrades.map((reason) => `review, not alert: ${reason}`), ...relations(entry)],
  };
}

/** The row names the company with an identifier the registry knows, and it is not this entry's. */
function identifierConflicts(fields: RecipientFields, parent: boolean, entry: WatchlistEntry): string[] {
  const own: readonly { type: IdentifierType; value: string; label: string }[] = parent
    ? [
        { type: 'uei', value: fields.parentUei, label: 'parent UEI' },
        { type: 'duns', value: fields.parentDuns, label: 'parent DUNS' },
      ]
    : [
        { type: 'uei', value: fields.uei, label: 'recipient UEI' },
        { type: 'duns', value: fields.duns, label: 'recipient DUNS' },
        { type: 'cage', value: fields.cage, label: 'CAGE code' },
      ];
  const conflicts: string[] = [];
  for (const { type, value, label } of own) {
    const known = entry.identifiers[type];
    const normalized = normalizeIdentifier(value);
    if (known.length === 0 || normalized === '' || known.some((id) => normalizeIdentifier(id) === normalized)) continue;
    conflicts.push(`${label} ${normalized} is not one the registry knows for ${entry.organizationName} (${type.toUpperCase()} ${known.join(', ')})`);
  }
  return conflicts;
}

function relations(entry: WatchlistEntry): string[] {
  return entry.related.map((related) => `${entry.organizationName} is ${related.relation.replaceAll('-', ' ')} ${related.organizationName}`);
}
