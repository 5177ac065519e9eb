import type { Kysely } from 'kysely';
import { countryName } from '../../registry/labels.js';
import { countriesNamed } from '../../registry/search/country-names.js';
import { foldText } from '../../registry/search/fold-text.js';
import { rankOf, type MatchedDocument } from '../../registry/search/rank-matches.js';
import type { SearchQuery } from '../../registry/search/search-query.js';
import type { Database } from '../schema.js';

/** At most this many records per kind are reached through a country or a related record. */
const EXPANSION_LIMIT = 500;
/** The best-matching organisations and products whose incidents, products and contracts are added. */
const RELATED_SOURCES = 20;

/**
 * Records in the countries a query names ("Italy", "Marokko", "Μαρόκο"): organisations by
 * country, people by nationality, incidents by the countries of their targets, policies by
 * jurisdiction. Stored values are codes; the names come from CLDR in every search language.
 *
 * @example
 * await countryMatches(db, parseSearchQuery('Italy')); // [{ recordType: 'incident', recordId: 'graphite-italy-2025', field: 'country', via: 'Italy', … }]
 */
export async function countryMatches(db: Kysely<Database>, query: SearchQuery): Promise<MatchedDocument[]> {
  const codes = countriesNamed(query.folded);
  if (codes.length === 0) return [];
  const doc = (recordType: MatchedDocument['recordType'], recordId: string, code: string | null): MatchedDocument => ({ recordType, recordId, field: 'country', content: query.folded, via: countryName(code ?? '') });
  const out: MatchedDocument[] = [];
  for (const r of await db.selectFrom('organizations').select(['id', 'country']).where('country', 'in', codes).limit(EXPANSION_LIMIT).execute()) out.push(doc('organization', r.id, r.country));
  for (const r of await db.selectFrom('people').select(['id', 'nationality']).where('nationality', 'in', codes).limit(EXPANSION_LIMIT).execute()) out.push(doc('person', r.id, r.nationality));
  for (const r of await db.selectFrom('incidentLinks').select(['incidentId', 'value']).where('linkType', '=', 'country').where('value', 'in', codes).limit(EXPANSION_LIMIT).execute()) out.push(doc('incident', r.incidentId, r.value));
  for (const r of await db.selectFrom('policies').select(['id', 'jurisdiction']).where('jurisdiction', 'in', codes).limit(EXPANSION_LIMIT).execute()) out.push(doc('policy', r.id, r.jurisdiction));
  return out;
}

/**
 * Records reached through the organisations and products a query found by name, alias or former
 * name: a vendor's products, incidents naming the product or vendor, and contracts the
 * organisation holds, buys or funds — so `pegasus` lists Pegasus's incidents and `paragon` the
 * Graphite incident and the ICE contract. Each says through what ("product Pegasus").
 *
 * @example
 * await relatedMatches(db, docs, parseSearchQuery('pegasus'));
 */
export async function relatedMatches(db: Kysely<Database>, docs: readonly MatchedDocument[], query: SearchQuery): Promise<MatchedDocument[]> {
  const own = docs
    .filter((d) => (d.recordType === 'organization' || d.recordType === 'product') && (d.field === 'name' || d.field === 'alias' || d.field === 'former'))
    .map((d) => ({ d, rank: rankOf(d, query) }))
    .sort((a, b) => a.rank - b.rank);
  const orgIds: string[] = [];
  const productIds: string[] = [];
  for (const { d } of own) {
    const list = d.recordType === 'organization' ? orgIds : productIds;
    if (!list.includes(d.recordId) && orgIds.length + productIds.length < RELATED_SOURCES) list.push(d.recordId);
  }
  if (orgIds.length === 0 && productIds.length === 0) return [];
  const names = new Map<string, string>();
  if (orgIds.length > 0) for (const o of await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', orgIds).execute()) names.set(`organization:${o.id}`, o.name);
  const products = productIds.length === 0 && orgIds.length === 0 ? [] : await db.selectFrom('products').select(['id', 'name', 'vendorId'])
    .where((eb) => eb.or([...(productIds.length > 0 ? [eb('id', 'in', productIds)] : []), ...(orgIds.length > 0 ? [eb('vendorId', 'in', orgIds)] : [])]))
    .limit(EXPANSION_LIMIT).execute();
  const out: MatchedDocument[] = [];
  const related = (recordType: MatchedDocument['recordType'], recordId: string, throughKey: string, role: string) => {
    const name = names.get(throughKey);
    if (name !== undefined) out.push({ recordType, recordId, field: 'related', content: foldText(name), via: `${role} ${name}` });
  };
  for (const p of products) {
    names.set(`product:${p.id}`, p.name);
    if (!productIds.includes(p.id) && p.vendorId !== null) related('product', p.id, `organization:${p.vendorId}`, 'vendor');
  }
  const allProducts = products.map((p) => p.id);
  const links = await db.selectFrom('incidentLinks').select(['incidentId', 'linkType', 'value'])
    .where((eb) => eb.or([
      ...(allProducts.length > 0 ? [eb.and([eb('linkType', '=', 'product'), eb('value', 'in', allProducts)])] : []),
      ...(orgIds.length > 0 ? [eb.and([eb('linkType', '=', 'vendor'), eb('value', 'in', orgIds)])] : []),
    ]))
    .limit(EXPANSION_LIMIT).execute();
  for (const l of links) related('incident', l.incidentId, `${l.linkType === 'product' ? 'product' : 'organization'}:${l.value}`, l.linkType);
  if (orgIds.length > 0) {
    const contracts = await db.selectFrom('contracts').select(['piid', 'recipientId', 'buyerId', 'fundingOfficeId'])
      .where((eb) => eb.or([eb('recipientId', 'in', orgIds), eb('buyerId', 'in', orgIds), eb('fundingOfficeId', 'in', orgIds)]))
      .limit(EXPANSION_LIMIT).execute();
    for (const c of contracts) {
      if (c.recipientId !== null && orgIds.includes(c.recipientId)) related('contract', c.piid, `organization:${c.recipientId}`, 'recipient');
      if (c.buyerId !== null && orgIds.includes(c.buyerId)) related('contract', c.piid, `organization:${c.buyerId}`, 'buyer');
      if (c.fundingOfficeId !== null && orgIds.includes(c.fundingOfficeId)) related('contract', c.piid, `organization:${c.fundingOfficeId}`, 'funding office');
    }
  }
  return out;
}
