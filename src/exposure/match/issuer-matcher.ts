import { createRecipientMatcher } from '../../procurement/matching/recipient-matcher.js';
import { compileWatchlist } from '../../procurement/watchlist/compile-watchlist.js';
import type { RecordShapes } from '../../registry/registry-record.js';
import { cusipOfIsin, isValidCusip, isValidIsin, isValidLei } from '../../registry/schemas/security-identifiers.js';
import type { Holding } from '../holding.js';
import type { ExposureRegistry } from './exposure-registry.js';

type Organization = RecordShapes['organization'];

/** How a holding was tied to an organisation: by an identifier, by a name the matcher is sure of, or possibly (a name to check). */
export interface IssuerMatch {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly by: 'identifier' | 'name' | 'possible';
  readonly reasons: readonly string[];
}

/** Identifiers in the holding that fail their check digit: reported, and not used to match. */
export function invalidIdentifiers(holding: Holding): string[] {
  const bad: string[] = [];
  if (holding.cusip && !isValidCusip(holding.cusip)) bad.push(`CUSIP ${holding.cusip} fails its check digit`);
  if (holding.isin && !isValidIsin(holding.isin)) bad.push(`ISIN ${holding.isin} fails its check digit`);
  if (holding.lei && !isValidLei(holding.lei)) bad.push(`LEI ${holding.lei} fails its check digits`);
  return bad;
}

/**
 * Ties holdings to registry organisations, identifiers first: the same CUSIP; the same issuer
 * (a CUSIP's first six characters name the issuer, ANSI X9.6, so another class of the same
 * company's securities still counts); the same ISIN, or a US/CA ISIN whose embedded CUSIP matches;
 * the same LEI; the same ticker. Then names with the screening matcher (`createRecipientMatcher`
 * over `compileWatchlist`): its `alert` is a name match, its `review` a possible one, shown apart
 * for a person to check. Government agencies are not issuers and are left out.
 *
 * @example
 * createIssuerMatcher(registry).match({ line: 3, name: 'AXON ENTERPRISE INC', cusip: '05464C101' });
 */
export function createIssuerMatcher(registry: Pick<ExposureRegistry, 'organizations' | 'relationships'>) {
  const issuers = registry.organizations.filter((o) => o.kind !== 'government-agency');
  const byKey = new Map<string, Organization>();
  for (const o of issuers) {
    const ids = o.identifiers ?? {};
    if (ids.cusip) {
      byKey.set(`cusip:${ids.cusip}`, o);
      byKey.set(`issuer:${ids.cusip.slice(0, 6)}`, o);
    }
    if (ids.isin) {
      byKey.set(`isin:${ids.isin}`, o);
      const embedded = cusipOfIsin(ids.isin);
      if (embedded) byKey.set(`issuer:${embedded.slice(0, 6)}`, o);
    }
    if (ids.lei) byKey.set(`lei:${ids.lei}`, o);
    if (ids.ticker) byKey.set(`ticker:${ids.ticker}`, o);
  }
  // The watchlist compiler takes vendor-side kinds only; investors can be issuers too.
  const matcher = createRecipientMatcher(compileWatchlist(issuers.map((o) => ({ ...o, kind: 'company' as const })), registry.relationships));

  return {
    match(holding: Holding): IssuerMatch | null {
      const valid = invalidIdentifiers(holding);
      const usable = (id: string | undefined, bad: string): string | undefined => (id !== undefined && !valid.some((v) => v.startsWith(bad)) ? id : undefined);
      const cusip = usable(holding.cusip, 'CUSIP') ?? (holding.isin && isValidIsin(holding.isin) ? cusipOfIsin(holding.isin) ?? undefined : undefined);
      const isin = usable(holding.isin, 'ISIN');
      const lei = usable(holding.lei, 'LEI');
      const tries: [string | undefined, string, (o: Organization) => string][] = [
        [cusip && `cusip:${cusip}`, 'CUSIP', (o) => `CUSIP ${cusip} is ${o.name}'s`],
        [isin && `isin:${isin}`, 'ISIN', (o) => `ISIN ${isin} is ${o.name}'s`],
        [lei && `lei:${lei}`, 'LEI', (o) => `LEI ${lei} is ${o.name}'s`],
        [cusip && `issuer:${cusip.slice(0, 6)}`, 'issuer', (o) => `CUSIP ${cusip} has the issuer number ${cusip?.slice(0, 6)} of ${o.name}'s securities`],
        [holding.ticker && `ticker:${holding.ticker}`, 'ticker', (o) => `ticker ${holding.ticker} is ${o.name}'s`],
      ];
      for (const [key, , reason] of tries) {
        const o = key ? byKey.get(key) : undefined;
        if (o) return { organizationId: o.id, organizationName: o.name, by: 'identifier', reasons: [reason(o)] };
      }
      const found = matcher.match({ uei: '', duns: '', cage: '', parentUei: '', parentDuns: '', name: holding.name, nameRaw: '', doingBusinessAs: '', parentName: '', parentNameRaw: '' });
      if (found === null) return null;
      return { organizationId: found.organizationId, organizationName: found.organizationName, by: found.decision === 'alert' ? 'name' : 'possible', reasons: [...found.reasons] };
    },
  };
}
