/**
 * A deliberately simple recipient matcher for the engine's tests (and for screening before the
 * real one in ../matching/ is available): identifiers exact, names equal after removing case,
 * punctuation and a few legal forms. A name that only shares its first word with a watchlist name
 * becomes a review item, never an alert. Loaded by worker threads through `matcherModule`.
 */
import type { RecipientFields, RecipientMatch, RecipientMatcher, Watchlist, WatchlistEntry } from '../matching/types.js';

const LEGAL_FORMS = new Set(['inc', 'incorporated', 'ltd', 'limited', 'llc', 'sa', 'ad', 'zrt', 'pte', 'corp', 'corporation', 'co', 'us']);

function normalise(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '' && !LEGAL_FORMS.has(word))
    .join(' ');
}

/**
 * @example
 * const matcher = createRecipientMatcher(watchlist);
 * matcher.match({ ...fields, uei: 'NW6QFTZACWM7' })?.score; // 1
 */
export function createRecipientMatcher(watchlist: Watchlist): RecipientMatcher {
  const byIdentifier = new Map<string, { entry: WatchlistEntry; kind: string }>();
  const byName = new Map<string, { entry: WatchlistEntry; name: string }>();
  const byFirstWord = new Map<string, WatchlistEntry>();
  for (const entry of watchlist.entries) {
    for (const uei of entry.identifiers.uei) byIdentifier.set(`uei:${uei.toUpperCase()}`, { entry, kind: 'UEI' });
    for (const duns of entry.identifiers.duns) byIdentifier.set(`duns:${duns}`, { entry, kind: 'DUNS' });
    for (const cage of entry.identifiers.cage) byIdentifier.set(`cage:${cage.toUpperCase()}`, { entry, kind: 'CAGE' });
    for (const name of entry.names) {
      const key = normalise(name.value);
      if (key !== '' && !byName.has(key)) byName.set(key, { entry, name: name.value });
      const first = key.split(' ')[0];
      if (first !== undefined && first !== '' && !byFirstWord.has(first)) byFirstWord.set(first, entry);
    }
  }
  const alert = (entry: WatchlistEntry, reason: string, score: number): RecipientMatch => ({
    organizationId: entry.organizationId,
    organizationName: entry.organizationName,
    decision: 'alert',
    score,
    reasons: [reason],
  });
  return {
    match(fields: RecipientFields): RecipientMatch | null {
      const identifiers: [string, string, string][] = [
        ['recipient UEI', 'uei', fields.uei.toUpperCase()],
        ['parent UEI', 'uei', fields.parentUei.toUpperCase()],
        ['recipient DUNS', 'duns', fields.duns],
        ['parent DUNS', 'duns', fields.parentDuns],
        ['CAGE code', 'cage', fields.cage.toUpperCase()],
      ];
      for (const [label, kind, value] of identifiers) {
        if (value === '') continue;
        const hit = byIdentifier.get(`${kind}:${value}`);
        if (hit !== undefined) return alert(hit.entry, `${label} ${value} is ${hit.entry.organizationName}'s`, 1);
      }
      const names = [fields.name, fields.nameRaw, fields.doingBusinessAs, fields.parentName, fields.parentNameRaw];
      for (const name of names) {
        const hit = byName.get(normalise(name));
        if (name !== '' && hit !== undefined) return alert(hit.entry, `recipient name "${name}" is "${hit.name}"`, 0.95);
      }
      for (const name of names) {
        const first = normalise(name).split(' ')[0];
        const entry = first === undefined ? undefined : byFirstWord.get(first);
        if (name !== '' && entry !== undefined) {
          return { ...alert(entry, `recipient name "${name}" shares only its first word with ${entry.organizationName}`, 0.4), decision: 'review' };
        }
      }
      return null;
    },
  };
}
