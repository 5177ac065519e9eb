import type { Kysely } from 'kysely';
import { rankMatches, type MatchedDocument } from '../../registry/search/rank-matches.js';
import { countFacets, matchesFilters, recordUrl, type SearchFilters, type SearchResponse, type SearchResult } from '../../registry/search/search-result.js';
import { parseSearchQuery } from '../../registry/search/search-query.js';
import { foldText } from '../../registry/search/fold-text.js';
import { isRecordType, recordStatusSchema, type RecordType } from '../../registry/schemas/common.js';
import type { DialectName } from '../dialect-name.js';
import type { Database } from '../schema.js';
import { matchDocuments, termsOf, type SearchTerm } from './full-text-index.js';
import { countryMatches, relatedMatches } from './expand-matches.js';
import { MIN_CORRECTED_LENGTH, spellingVariants } from '../../registry/search/spelling-variants.js';
import type { SearchQuery } from '../../registry/search/search-query.js';

type Info = Omit<SearchResult, 'matched' | 'url'>;

/** The facts a result shows and is filtered by, for every record that matched. */
async function describe(db: Kysely<Database>, keys: readonly { recordType: RecordType; recordId: string }[]): Promise<Map<string, Info>> {
  const ids = (type: RecordType) => [...new Set(keys.filter((k) => k.recordType === type).map((k) => k.recordId))];
  const status = (s: string) => recordStatusSchema.catch('reported').parse(s);
  const out = new Map<string, Info>();
  const authorities = new Map<string, string[]>();
  const parties = [...ids('organization'), ...ids('person')];
  if (parties.length > 0) {
    for (const d of await db.selectFrom('designations').select(['subjectId', 'authority']).where('subjectId', 'in', parties).execute()) {
      authorities.set(d.subjectId, [...(authorities.get(d.subjectId) ?? []), d.authority]);
    }
  }
  const orgs = ids('organization');
  if (orgs.length > 0) {
    const identifiers = new Map<string, Record<string, string>>();
    for (const i of await db.selectFrom('recordIdentifiers').select(['recordId', 'scheme', 'value']).where('recordType', '=', 'organization').where('recordId', 'in', orgs).execute()) {
      identifiers.set(i.recordId, { ...(identifiers.get(i.recordId) ?? {}), [i.scheme]: i.value });
    }
    for (const o of await db.selectFrom('organizations').select(['id', 'name', 'kind', 'country', 'status']).where('id', 'in', orgs).execute()) {
      const ident = identifiers.get(o.id);
      out.set(`organization:${o.id}`, { type: 'organization', id: o.id, name: o.name, kind: o.kind, countries: o.country ? [o.country] : [], status: status(o.status), authorities: authorities.get(o.id) ?? [], ...(ident ? { identifiers: ident } : {}) });
    }
  }
  const people = ids('person');
  if (people.length > 0) {
    for (const p of await db.selectFrom('people').select(['id', 'name', 'nationality', 'status']).where('id', 'in', people).execute()) {
      out.set(`person:${p.id}`, { type: 'person', id: p.id, name: p.name, countries: p.nationality ? [p.nationality] : [], status: status(p.status), authorities: authorities.get(p.id) ?? [] });
    }
  }
  const products = ids('product');
  if (products.length > 0) {
    for (const p of await db.selectFrom('products').select(['id', 'name', 'status']).where('id', 'in', products).execute()) {
      out.set(`product:${p.id}`, { type: 'product', id: p.id, name: p.name, countries: [], status: status(p.status), authorities: [] });
    }
  }
  const incidents = ids('incident');
  if (incidents.length > 0) {
    const countries = new Map<string, string[]>();
    for (const l of await db.selectFrom('incidentLinks').select(['incidentId', 'value']).where('linkType', '=', 'country').where('incidentId', 'in', incidents).execute()) {
      countries.set(l.incidentId, [...(countries.get(l.incidentId) ?? []), l.value]);
    }
    for (const i of await db.selectFrom('incidents').select(['id', 'title', 'status']).where('id', 'in', incidents).execute()) {
      out.set(`incident:${i.id}`, { type: 'incident', id: i.id, name: i.title, countries: countries.get(i.id) ?? [], status: status(i.status), authorities: [] });
    }
  }
  const sources = ids('source');
  if (sources.length > 0) {
    for (const r of await db.selectFrom('sources').select(['id', 'title', 'status']).where('id', 'in', sources).execute()) {
      out.set(`source:${r.id}`, { type: 'source', id: r.id, name: r.title, countries: [], status: status(r.status), authorities: [] });
    }
  }
  const policies = ids('policy');
  if (policies.length > 0) {
    for (const r of await db.selectFrom('policies').select(['id', 'title', 'jurisdiction', 'status']).where('id', 'in', policies).execute()) {
      out.set(`policy:${r.id}`, { type: 'policy', id: r.id, name: r.title, countries: r.jurisdiction ? [r.jurisdiction] : [], status: status(r.status), authorities: [] });
    }
  }
  const contracts = ids('contract');
  if (contracts.length > 0) {
    for (const c of await db.selectFrom('contracts').select(['piid', 'description', 'status']).where('piid', 'in', contracts).execute()) {
      out.set(`contract:${c.piid}`, { type: 'contract', id: c.piid, name: `Contract ${c.piid}`, countries: [], status: status(c.status), authorities: [] });
    }
  }
  return out;
}

/** The original spelling of an alias or former name that matched (the index holds folded text). */
async function originalNames(db: Kysely<Database>, docs: readonly MatchedDocument[]): Promise<Map<string, string>> {
  const wanted = docs.filter((d) => d.field === 'alias' || d.field === 'former');
  const out = new Map<string, string>();
  if (wanted.length === 0) return out;
  const rows = await db.selectFrom('recordNames').select(['recordType', 'recordId', 'name']).where('recordId', 'in', [...new Set(wanted.map((d) => d.recordId))]).execute();
  for (const r of rows) out.set(`${r.recordType}:${r.recordId}:${foldText(r.name)}`, r.name);
  return out;
}

/** Every record's name, for browsing with filters and no query. */
async function allNames(db: Kysely<Database>): Promise<MatchedDocument[]> {
  const rows = await db.selectFrom('searchDocuments').select(['recordType', 'recordId', 'content']).where('field', '=', 'name').limit(5000).execute();
  return rows.flatMap((d) => (isRecordType(d.recordType) ? [{ recordType: d.recordType, recordId: d.recordId, field: 'name' as const, content: d.content }] : []));
}

/**
 * The query again with each distinctive word (five letters or more) that matches nothing on its
 * own replaced by its spellings one edit away — when the query as typed found nothing. Says which
 * words it read differently (only spellings the results contain).
 */
async function nearSpellings(db: Kysely<Database>, dialect: DialectName, query: SearchQuery): Promise<{ docs: MatchedDocument[]; corrected: { word: string; read: string[] }[] }> {
  const terms: SearchTerm[] = [];
  const replaced: string[] = [];
  for (const term of termsOf(query)) {
    const [word = ''] = term.spellings;
    const alone = word.length >= MIN_CORRECTED_LENGTH ? await matchDocuments(db, dialect, [term], 1) : [{}];
    if (alone.length > 0) terms.push(term);
    else {
      terms.push({ spellings: spellingVariants(word), prefix: false });
      replaced.push(word);
    }
  }
  if (replaced.length === 0) return { docs: [], corrected: [] };
  const docs = await matchDocuments(db, dialect, terms, 2000);
  const words = new Set(docs.flatMap((d) => d.content.split(' ')));
  const corrected = replaced.map((word) => ({ word, read: spellingVariants(word).filter((v) => words.has(v)) })).filter((c) => c.read.length > 0);
  return { docs, corrected };
}

/**
 * Searches names, aliases (agencies' acronyms among them), former names, identifiers (UEIs,
 * PIIDs), incidents, contracts, sources and policies; folded as the screening matcher folds
 * (case, accents, Cyrillic and Greek); last word as a prefix; a distinctive word one letter off
 * read as its near spelling when nothing matched as typed; country names in every search language;
 * products' incidents and vendors' contracts. Best match first (`rankOf`), each result saying why
 * it matched and its rank; with facet counts.
 *
 * @example
 * const { results } = await searchRegistry(db, 'sqlite', { q: 'paragon' });
 */
export async function searchRegistry(
  db: Kysely<Database>,
  dialect: DialectName,
  { q, limit = 20, offset = 0, ...filters }: { q: string; limit?: number; offset?: number } & SearchFilters,
): Promise<SearchResponse> {
  const query = parseSearchQuery(q);
  let docs: MatchedDocument[];
  let corrected: { word: string; read: string[] }[] = [];
  if (query.words.length === 0) docs = await allNames(db);
  else {
    docs = await matchDocuments(db, dialect, termsOf(query), 2000);
    if (docs.length === 0) ({ docs, corrected } = await nearSpellings(db, dialect, query));
    docs.push(...(await countryMatches(db, query)));
    docs.push(...(await relatedMatches(db, docs, query)));
  }
  const info = await describe(db, docs);
  const ranked = rankMatches(docs, query, (type, id) => info.get(`${type}:${id}`)?.name ?? id);
  const names = await originalNames(db, ranked.map((r) => r.best));
  const all: SearchResult[] = ranked.flatMap((r) => {
    const i = info.get(`${r.recordType}:${r.recordId}`);
    if (!i) return [];
    const original = r.best.via ?? names.get(`${r.recordType}:${r.recordId}:${r.best.content}`);
    return [{ ...i, url: recordUrl(i.type, i.id), matched: { field: r.best.field, ...(original ? { text: original } : {}), rank: r.rank } }];
  });
  const filtered = all.filter((r) => matchesFilters(r, filters));
  return { query: query.text, results: filtered.slice(offset, offset + limit), total: filtered.length, limit, offset, ...(corrected.length > 0 ? { corrected } : {}), facets: countFacets(filtered) };
}
