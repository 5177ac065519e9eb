import { createRecipientMatcher } from '../../procurement/matching/recipient-matcher.js';
import type { RecipientFields, RecipientMatch, RecipientMatcher } from '../../procurement/matching/types.js';
import { compileWatchlist } from '../../procurement/watchlist/compile-watchlist.js';
import type { RecordShapes } from '../../registry/registry-record.js';
import type { IncomingParty } from '../import-batch.js';

type Organization = RecordShapes['organization'];
type Person = RecordShapes['person'];

/** How sure the match is: `confident` merges, `weak` is queued for an editor, `none` creates. */
export type PartyMatch =
  | { readonly strength: 'confident' | 'weak'; readonly recordId: string; readonly recordName: string; readonly reasons: readonly string[] }
  | { readonly strength: 'none'; readonly reasons: readonly string[] };

/** The identifier schemes an import compares, most specific first (the matcher itself knows only UEI, DUNS and CAGE). */
const SCHEMES = ['lei', 'isin', 'cusip', 'ori', 'uei', 'duns', 'cage', 'ticker'] as const;
const SCHEME_LABELS: Readonly<Record<(typeof SCHEMES)[number], string>> = { lei: 'LEI', isin: 'ISIN', cusip: 'CUSIP', ori: 'ORI', uei: 'UEI', duns: 'DUNS', cage: 'CAGE code', ticker: 'ticker' };

/** The state of a US locality as the registry writes it ("Fresno, CA" → CA). */
function stateOf(locality: string | undefined): string | undefined {
  return locality === undefined ? undefined : /(?:^|,\s*)([A-Z]{2})$/.exec(locality.trim())?.[1];
}

function recipient(name: string, ids: Organization['identifiers'] | undefined): RecipientFields {
  return { uei: ids?.uei ?? '', duns: ids?.duns ?? '', cage: ids?.cage ?? '', parentUei: '', parentDuns: '', name, nameRaw: '', doingBusinessAs: '', parentName: '', parentNameRaw: '' };
}

/** The matcher's best answer over a party's names: an alert before a review, then the higher score. */
function bestMatch(matcher: RecipientMatcher, party: IncomingParty): RecipientMatch | null {
  let best: RecipientMatch | null = null;
  for (const name of [party.name, ...party.aliases]) {
    const match = matcher.match(recipient(name, party.organization?.identifiers));
    if (match === null) continue;
    const rank = (m: RecipientMatch): number => (m.decision === 'alert' ? 2 : 1) + m.score;
    if (best === null || rank(match) > rank(best)) best = match;
  }
  return best;
}

/**
 * Matches incoming parties against the registry with the screening matcher
 * (`procurement/matching`), strongest evidence first:
 *
 * 1. an identifier the registry knows (LEI, ISIN, CUSIP, ORI, UEI, DUNS, CAGE, ticker) — confident;
 * 2. a name or alias exactly as a record already has it — confident (this is also what makes a
 *    second import of the same file find what the first created or merged);
 * 3. the recipient matcher over names and aliases (`createRecipientMatcher` on a watchlist from
 *    `compileWatchlist`): its `alert` is confident, its `review` weak, with its reasons.
 *
 * Then guards: an identifier of the same scheme that differs makes a match weak; a government
 * agency in another state is another agency (police departments share names); an organisation
 * in another country makes a match weak. Agencies are matched only with agencies, companies only
 * with non-agencies, people only with people.
 *
 * @example
 * const matcher = createPartyMatcher({ organizations, people, relationships });
 * matcher.match(party); // { strength: 'confident', recordId: 'nso-group', reasons: ['name "NSO Group" is NSO Group Technologies Ltd.'s alias'] }
 */
export function createPartyMatcher(view: { organizations: readonly Organization[]; people: readonly Person[]; relationships: readonly RecordShapes['relationship'][] }) {
  const organizations = new Map(view.organizations.map((o) => [o.id, o]));
  const people = new Map(view.people.map((p) => [p.id, p]));
  const byIdentifier = new Map<string, string>();
  const byName = new Map<string, string[]>();
  const index = (id: string, names: readonly string[], kind: 'organization' | 'person'): void => {
    for (const name of names) byName.set(`${kind}:${name}`, [...new Set([...(byName.get(`${kind}:${name}`) ?? []), id])]);
  };
  const remember = (record: { type: 'organization'; record: Organization } | { type: 'person'; record: Person }): void => {
    if (record.type === 'organization') {
      const o = record.record;
      organizations.set(o.id, o);
      for (const scheme of SCHEMES) if (o.identifiers?.[scheme]) byIdentifier.set(`${scheme}:${o.identifiers[scheme]}`, o.id);
      index(o.id, [o.name, ...(o.aliases ?? []), ...(o.formerNames ?? []).map((f) => f.name)], 'organization');
    } else {
      people.set(record.record.id, record.record);
      index(record.record.id, [record.record.name, ...(record.record.aliases ?? [])], 'person');
    }
  };
  for (const o of view.organizations) remember({ type: 'organization', record: o });
  for (const p of view.people) remember({ type: 'person', record: p });

  // The screening watchlist takes vendor-side kinds only; an import matches investors and
  // agencies too, so each group is compiled as if its members were companies.
  const asCompany = (o: Organization): Organization => ({ ...o, kind: 'company' });
  const companies = createRecipientMatcher(compileWatchlist(view.organizations.filter((o) => o.kind !== 'government-agency').map(asCompany), view.relationships));
  const agencies = createRecipientMatcher(compileWatchlist(view.organizations.filter((o) => o.kind === 'government-agency').map(asCompany), []));
  const persons = createRecipientMatcher(compileWatchlist(view.people.map((p): Organization => ({ id: p.id, name: p.name, kind: 'company', ...(p.aliases ? { aliases: p.aliases } : {}), sources: p.sources, status: p.status })), []));

  const isAgency = (party: IncomingParty): boolean => party.organization?.kind === 'government-agency';
  const sameSide = (party: IncomingParty, o: Organization): boolean => isAgency(party) === (o.kind === 'government-agency');

  function guard(party: IncomingParty, recordId: string, strength: 'confident' | 'weak', reasons: string[]): PartyMatch {
    if (party.type === 'person') {
      const p = people.get(recordId);
      return p ? { strength, recordId, recordName: p.name, reasons } : { strength: 'none', reasons };
    }
    const o = organizations.get(recordId);
    if (!o) return { strength: 'none', reasons };
    const incoming = party.organization ?? {};
    if (isAgency(party)) {
      const [here, there] = [stateOf(incoming.locality), stateOf(o.locality)];
      if (here !== undefined && there !== undefined && here !== there) return { strength: 'none', reasons: [...reasons, `not ${o.name}: that agency is in ${there}, this one in ${here}`] };
    }
    const downgrades: string[] = [];
    for (const scheme of SCHEMES) {
      const mine = incoming.identifiers?.[scheme];
      const theirs = o.identifiers?.[scheme];
      if (mine !== undefined && theirs !== undefined && mine !== theirs) downgrades.push(`its ${SCHEME_LABELS[scheme]} ${mine} is not ${o.name}'s ${theirs}`);
    }
    if (!isAgency(party) && incoming.country !== undefined && o.country !== undefined && incoming.country !== o.country) downgrades.push(`its country ${incoming.country} is not ${o.name}'s ${o.country}`);
    if (downgrades.length === 0) return { strength, recordId, recordName: o.name, reasons };
    return { strength: 'weak', recordId, recordName: o.name, reasons: [...reasons, ...downgrades.map((d) => `review, not merge: ${d}`)] };
  }

  return {
    remember,
    /** Whether an organisation or person has this id (new records must not take it). */
    knows: (id: string): boolean => organizations.has(id) || people.has(id),
    match(party: IncomingParty): PartyMatch {
      if (party.type === 'organization') {
        for (const scheme of SCHEMES) {
          const value = party.organization?.identifiers?.[scheme];
          const id = value === undefined ? undefined : byIdentifier.get(`${scheme}:${value}`);
          const o = id === undefined ? undefined : organizations.get(id);
          if (o && sameSide(party, o)) return guard(party, o.id, 'confident', [`${SCHEME_LABELS[scheme]} ${value} is ${o.name}'s`]);
        }
      }
      for (const name of [party.name, ...party.aliases]) {
        const candidates = (byName.get(`${party.type}:${name}`) ?? []).filter((id) => {
          const o = organizations.get(id);
          return party.type === 'person' || (o !== undefined && sameSide(party, o));
        });
        for (const id of candidates) {
          const found = guard(party, id, 'confident', [`"${name}" is exactly a name the registry has for ${party.type === 'person' ? people.get(id)?.name : organizations.get(id)?.name}`]);
          if (found.strength !== 'none') return found;
        }
      }
      const matcher = party.type === 'person' ? persons : isAgency(party) ? agencies : companies;
      const best = bestMatch(matcher, party);
      if (best === null) return { strength: 'none', reasons: ['no registry record matches its identifiers or names'] };
      return guard(party, best.organizationId, best.decision === 'alert' ? 'confident' : 'weak', [...best.reasons]);
    },
  };
}

export type PartyMatcher = ReturnType<typeof createPartyMatcher>;
